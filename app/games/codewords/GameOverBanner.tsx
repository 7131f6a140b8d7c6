'use client';

import { useState } from 'react';
import type { CodewordsView } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { winnerSentence, winReasonSentence } from './display';

/** The result, and for the host the ways on: the same teams again, or back to the lobby. */
export function GameOverBanner({ view, isHost }: { view: CodewordsView; isHost: boolean }) {
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<boolean>) {
    setPending(true);
    await action();
    setPending(false);
  }

  return (
    <section className={`game-over${view.winner ? ` winner-${view.winner}` : ''}`} aria-labelledby="game-over-heading">
      <div>
        {/* The room's announcer reads the result; a live heading here would say it twice. */}
        <h2 id="game-over-heading">{winnerSentence(view) ?? 'Game over'}</h2>
        <p>{winReasonSentence(view)}</p>
      </div>
      {isHost ? (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={pending} onClick={() => run(actions.rematch)}>
            Rematch
          </button>
          <button type="button" className="button" disabled={pending} onClick={() => run(actions.backToLobby)}>
            New teams
          </button>
        </div>
      ) : (
        <p className="muted">The host can start a rematch or pick new teams.</p>
      )}
    </section>
  );
}
