'use client';

import { useId, useState, type FormEvent } from 'react';
import { checkClueAgainstBoard } from '@/game/codewords/clue';
import type { ClueCount, CodewordsMove } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { useRoomStoreApi } from '@/app/lib/room-store-context';

const NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The active spymaster's clue: one word and a number (0 or "Unlimited" allow any number of
 * guesses). As they type, the word is checked with the rules' own check (the one the server
 * runs, game/codewords/clue.ts) and what is wrong shows under the field; a refusal by the
 * server shows there too, not in a toast.
 */
export function ClueForm({ turn, boardWords }: { turn: number; boardWords: readonly string[] }) {
  const actions = useRoomActions<CodewordsMove>();
  const store = useRoomStoreApi();
  const [word, setWord] = useState('');
  const [count, setCount] = useState('1');
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorId = useId();

  const checked = word.trim() ? checkClueAgainstBoard(word, boardWords) : null;
  const problem = refusal ?? (checked && !checked.ok ? checked.error.message : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clue = word.trim();
    if (!clue || (checked && !checked.ok)) return;
    setPending(true);
    const parsed: ClueCount = count === 'unlimited' ? 'unlimited' : Number(count);
    const ok = await actions.move({ type: 'clue', word: clue, count: parsed, turn });
    setPending(false);
    if (ok) {
      setWord('');
      return;
    }
    // The reason belongs under the field: take it from the store's toast instead.
    const state = store.getState();
    setRefusal(state.error);
    const toast = state.toasts.at(-1);
    if (toast && toast.text === state.error) state.dismissToast(toast.id);
  }

  return (
    <form className="clue-form" onSubmit={submit} noValidate>
      <h2 className="visually-hidden">Your clue</h2>
      <div className="field clue-word">
        <label htmlFor="clue-word">Clue</label>
        <input
          id="clue-word"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          value={word}
          aria-invalid={problem ? true : undefined}
          aria-describedby={errorId}
          onChange={(event) => {
            setWord(event.target.value);
            setRefusal(null);
          }}
        />
      </div>
      <div className="field clue-count">
        <label htmlFor="clue-count">Number</label>
        <select id="clue-count" value={count} onChange={(event) => setCount(event.target.value)}>
          {NUMBERS.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
          <option value="unlimited">Unlimited</option>
        </select>
      </div>
      <button type="submit" className="button button-primary clue-submit" disabled={pending}>
        Give clue
      </button>
      {/* Always there (empty when fine), so a message appearing moves nothing and is read out. */}
      <p className="clue-error" id={errorId} aria-live="polite">
        {problem}
      </p>
    </form>
  );
}
