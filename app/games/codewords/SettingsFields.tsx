'use client';

import { useImperativeHandle, useState } from 'react';
import { countWords, parseWordList } from '@/game/codewords/words';
import { loadWordList, saveWordList } from '@/app/lib/word-list-memory';
import type { SettingsFieldsProps } from '../types';
import { TURN_TIMER_CHOICES, timerLabel, wordListLabel } from './settings-format';

/** The host's Codewords settings, inside the room's settings form: the turn timer and the word list. */
export function SettingsFields({ code, settings: current, onEdit, ref }: SettingsFieldsProps) {
  const [turnSeconds, setTurnSeconds] = useState(
    typeof current.turnSeconds === 'number' ? String(current.turnSeconds) : '',
  );
  const [custom, setCustom] = useState(current.wordList === 'custom');
  const [wordsText, setWordsText] = useState(() => (typeof window === 'undefined' ? '' : loadWordList(code)));

  useImperativeHandle(ref, () => ({
    collect() {
      // An empty box with "Custom words" still chosen keeps the list already in use (the
      // snapshot has only its size); a pasted list is checked here with the server's own rules.
      const keepList = custom && current.wordList === 'custom' && wordsText.trim() === '';
      const words = custom && !keepList ? parseWordList(wordsText) : null;
      if (words && !words.ok) return { ok: false, message: words.error.message };
      return {
        ok: true,
        settings: {
          turnSeconds: turnSeconds ? Number(turnSeconds) : null,
          ...(keepList ? {} : { customWords: words ? words.value : null }),
        },
        saved: custom ? () => saveWordList(code, wordsText) : undefined,
      };
    },
  }));

  const timerChoices = TURN_TIMER_CHOICES.includes(Number(turnSeconds) || null)
    ? TURN_TIMER_CHOICES
    : [...TURN_TIMER_CHOICES, Number(turnSeconds)];
  const wordCount = countWords(wordsText);

  return (
    <>
      <div className="field">
        <label htmlFor="turn-timer">Turn timer</label>
        <select
          id="turn-timer"
          value={turnSeconds}
          onChange={(event) => {
            setTurnSeconds(event.target.value);
            onEdit();
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
              onEdit();
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
              onEdit();
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
              onEdit();
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
    </>
  );
}
