'use client';

import { useState, type FormEvent } from 'react';
import { countWords, parseWordList } from '@/game/codewords/words';
import { useRoomStore, useRoomStoreApi } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { TURN_TIMER_CHOICES, timerLabel, wordListLabel } from './settings-format';

// The snapshot only says how many custom words there are (not which), so the host's
// browser keeps the pasted text to show it again after a reload.
const wordsKey = (code: string) => `parlor:words:${code}`;

function loadWords(code: string): string {
  try {
    return localStorage.getItem(wordsKey(code)) ?? '';
  } catch {
    return '';
  }
}

function saveWords(code: string, text: string): void {
  try {
    localStorage.setItem(wordsKey(code), text);
  } catch {
    // Not remembered; the list on the server is unaffected.
  }
}

/** The host's lobby settings: public/private, turn timer, and the word list. */
export function SettingsForm() {
  const snapshot = useRoomStore(selectSnapshot);
  const code = useRoomStore((state) => state.code);
  const actions = useRoomActions();
  const storeApi = useRoomStoreApi();
  const showError = (message: string) => storeApi.getState().setError(message);

  const current = snapshot?.settings ?? {};
  const [isPublic, setIsPublic] = useState(snapshot?.public ?? false);
  const [turnSeconds, setTurnSeconds] = useState(
    typeof current.turnSeconds === 'number' ? String(current.turnSeconds) : '',
  );
  const [custom, setCustom] = useState(current.wordList === 'custom');
  const [wordsText, setWordsText] = useState(() => (typeof window === 'undefined' ? '' : loadWords(code)));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const timerChoices = TURN_TIMER_CHOICES.includes(Number(turnSeconds) || null)
    ? TURN_TIMER_CHOICES
    : [...TURN_TIMER_CHOICES, Number(turnSeconds)];
  const wordCount = countWords(wordsText);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty box with "Custom words" still chosen keeps the list already in use (the
    // snapshot has only its size); a pasted list is checked here with the server's own rules.
    const keepList = custom && current.wordList === 'custom' && wordsText.trim() === '';
    const words = custom && !keepList ? parseWordList(wordsText) : null;
    if (words && !words.ok) {
      showError(words.error.message);
      return;
    }
    setStatus('saving');
    const ok = await actions.updateSettings(isPublic, {
      turnSeconds: turnSeconds ? Number(turnSeconds) : null,
      ...(keepList ? {} : { customWords: words ? words.value : null }),
    });
    if (ok && custom) saveWords(code, wordsText);
    setStatus(ok ? 'saved' : 'idle');
  }

  // Any edit makes the "Saved" note stale.
  const edited = () => setStatus('idle');

  return (
    <form className="settings-form stack" onSubmit={submit}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isPublic}
          onChange={(event) => {
            setIsPublic(event.target.checked);
            edited();
          }}
        />
        Public room
      </label>
      <div className="field">
        <label htmlFor="turn-timer">Turn timer</label>
        <select
          id="turn-timer"
          value={turnSeconds}
          onChange={(event) => {
            setTurnSeconds(event.target.value);
            edited();
          }}
        >
          {timerChoices.map((seconds) => (
            <option key={seconds ?? 'off'} value={seconds ?? ''}>
              {timerLabel(seconds)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Word list</legend>
        <label className="radio">
          <input
            type="radio"
            name="word-list"
            checked={!custom}
            onChange={() => {
              setCustom(false);
              edited();
            }}
          />
          Default words
        </label>
        <label className="radio">
          <input
            type="radio"
            name="word-list"
            checked={custom}
            onChange={() => {
              setCustom(true);
              edited();
            }}
          />
          Custom words
        </label>
        {!custom && current.wordList !== 'custom' && (
          <p className="hint">{wordListLabel(current.wordList, current.wordCount)}</p>
        )}
      </fieldset>
      {custom && (
        <div className="field">
          <label htmlFor="custom-words">Your words</label>
          <textarea
            id="custom-words"
            rows={6}
            value={wordsText}
            onChange={(event) => {
              setWordsText(event.target.value);
              edited();
            }}
            placeholder={'One per line, or separated by commas:\napple, river, castle, …'}
            aria-describedby="custom-words-hint"
          />
          <p className="hint" id="custom-words-hint">
            {wordCount} {wordCount === 1 ? 'word' : 'words'} · a game needs at least 25.
            {current.wordList === 'custom' && ` In use now: ${wordListLabel(current.wordList, current.wordCount)}.`}
          </p>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={status === 'saving'}>
          Save settings
        </button>
        <span className="muted" role="status">
          {status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
