'use client';

import { useState, type CSSProperties } from 'react';
import type { CodewordsView } from '@/game/codewords/types';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { winnerSentence, winReasonSentence } from './display';
import { GameSummary } from './GameSummary';

/** Pieces of the celebration (CSS only: codewords.css animates them unless motion is reduced). */
const CONFETTI = Array.from({ length: 14 }, (_, i) => i);

/**
 * The result with a short celebration in the winners' colour, the game's summary, and for the
 * host the ways on: the same teams again, or back to the lobby.
 */
export function GameOverBanner({ view, isHost }: { view: CodewordsView; isHost: boolean }) {
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<boolean>) {
    setPending(true);
    await action();
    setPending(false);
  }

  const winner = view.winner ? ` winner-${view.winner}` : '';
  return (
    <>
      {/* Outside the result's box: its entrance animation would hold the fixed layer inside it. */}
      <div className={`celebration${winner}`} aria-hidden="true">
        {CONFETTI.map((i) => (
          <span key={i} style={{ '--i': i } as CSSProperties} />
        ))}
      </div>
      <section className={`game-over${winner}`} aria-labelledby="game-over-heading">
        <div className="game-over-result">
          {/* The room's announcer reads the result; a live heading here would say it twice. */}
          <h2 id="game-over-heading">{winnerSentence(view) ?? 'Game over'}</h2>
          <p>{winReasonSentence(view)}</p>
        </div>
        <GameSummary view={view} />
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
    </>
  );
}
