'use client';

import { useState } from 'react';
import type { CodewordsView } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { BoardCard } from './BoardCard';

/**
 * The 5x5 grid. Operatives of the active team guess by clicking; one guess at a time
 * is in flight, so a double tap cannot send two.
 */
export function Board({ view, canGuess }: { view: CodewordsView; canGuess: boolean }) {
  const actions = useRoomActions();
  const [pending, setPending] = useState<number | null>(null);

  async function guess(card: number) {
    if (pending !== null) return;
    setPending(card);
    await actions.move({ type: 'guess', card, turn: view.turn.number });
    setPending(null);
  }

  return (
    <div className="board" role="group" aria-label="Board">
      {view.cards.map((card, index) => (
        <BoardCard
          key={index}
          card={card}
          clickable={canGuess && !card.revealed && pending === null}
          pending={pending === index}
          onGuess={() => void guess(index)}
        />
      ))}
    </div>
  );
}
