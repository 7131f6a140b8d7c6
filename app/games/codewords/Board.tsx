'use client';

import { useEffect, useState } from 'react';
import type { CodewordsMove, CodewordsView } from '@/game/codewords/types';
import { useRoomStoreApi } from '@/app/lib/room-store-context';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { BoardCard } from './BoardCard';
import { codewordsView } from './display';

/** Cards face up in `next` but not in `prev` (none for a new board). */
function newlyRevealed(prev: CodewordsView | null, next: CodewordsView | null): ReadonlySet<number> {
  const fresh = new Set<number>();
  if (!prev || !next || prev.cards.length !== next.cards.length) return fresh;
  next.cards.forEach((card, index) => {
    if (card.revealed && !prev.cards[index]!.revealed && prev.cards[index]!.word === card.word) fresh.add(index);
  });
  return fresh;
}

/**
 * The 5x5 grid. Operatives of the active team guess by clicking (or Enter/Space: cards are
 * buttons); one guess at a time is in flight, so a double tap cannot send two. Cards that
 * an update turns over animate; the ones already face up when the page opens do not.
 */
export function Board({
  view,
  canGuess,
  reason,
}: {
  view: CodewordsView;
  canGuess: boolean;
  /** Why this viewer cannot turn a card now (shown as a toast on a tap), or null. */
  reason: string | null;
}) {
  const actions = useRoomActions<CodewordsMove>();
  const store = useRoomStoreApi();
  const [pending, setPending] = useState<number | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.snapshot === previous.snapshot) return;
        setFresh(newlyRevealed(codewordsView(previous.snapshot), codewordsView(state.snapshot)));
      }),
    [store],
  );

  async function guess(card: number) {
    if (pending !== null) return;
    setPending(card);
    await actions.move({ type: 'guess', card, turn: view.turn.number });
    setPending(null);
  }

  const inactive = !canGuess;
  return (
    <div
      className={`board turn-${view.turn.team}${inactive ? ' is-inactive' : ''}`}
      role="group"
      aria-label="Board"
    >
      {view.cards.map((card, index) => (
        <BoardCard
          key={index}
          card={card}
          clickable={canGuess && !card.revealed && pending === null}
          pending={pending === index}
          fresh={fresh.has(index)}
          onGuess={() => void guess(index)}
          onBlocked={() => {
            if (card.revealed) store.getState().toast(`${card.word} is already turned over.`);
            else if (reason) store.getState().toast(reason);
          }}
        />
      ))}
    </div>
  );
}
