'use client';

import { useState, type FormEvent } from 'react';
import type { ClueCount, CodewordsMove } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';

const NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The active spymaster's clue: one word and a number (0 or "Unlimited" allow any number of guesses). */
export function ClueForm({ turn }: { turn: number }) {
  const actions = useRoomActions<CodewordsMove>();
  const [word, setWord] = useState('');
  const [count, setCount] = useState('1');
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const clue = word.trim();
    if (!clue) return;
    setPending(true);
    const parsed: ClueCount = count === 'unlimited' ? 'unlimited' : Number(count);
    const ok = await actions.move({ type: 'clue', word: clue, count: parsed, turn });
    setPending(false);
    if (ok) setWord('');
  }

  return (
    <form className="clue-form card" onSubmit={submit}>
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
          onChange={(event) => setWord(event.target.value)}
          required
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
      <button type="submit" className="button button-primary" disabled={pending}>
        Give clue
      </button>
    </form>
  );
}
