'use client';

import type { RoomSnapshot } from '@/game/protocol';
import type { SketchView } from '@/game/sketch/types';
import { nameOf, standings } from './display';

/**
 * The players and their scores, best first: who draws (a pencil), who guessed this turn (a
 * tick), who is away. Each mark is also said in words for screen readers.
 */
export function ScoreList({ view, snapshot, you }: { view: SketchView; snapshot: RoomSnapshot; you: string | null }) {
  const t = view.turn;
  const running = view.phase === 'choosing' || view.phase === 'drawing';
  return (
    <section className="sketch-scores" aria-labelledby="sketch-scores-heading">
      <h2 id="sketch-scores-heading" className="visually-hidden">
        Scores
      </h2>
      <ol className="sketch-score-list">
        {standings(view.players).map((p, i) => {
          const drawing = running && p.id === t.drawer;
          const guessed = t.guessed.includes(p.id);
          const state = [drawing ? 'drawing' : null, guessed ? 'guessed' : null, p.away ? 'away' : null].filter(Boolean).join(', ');
          return (
            <li key={p.id} className={`sketch-score${guessed ? ' has-guessed' : ''}${drawing ? ' is-drawing' : ''}${p.away ? ' is-away' : ''}`}>
              <span className="sketch-rank" aria-hidden="true">
                {i + 1}
              </span>
              <span className="sketch-score-name">
                {nameOf(snapshot, p.id)}
                {p.id === you && <span className="muted"> (you)</span>}
                {state && <span className="visually-hidden">, {state}</span>}
              </span>
              <span className="sketch-score-mark" aria-hidden="true">
                {drawing ? '✎' : guessed ? '✓' : p.away ? '…' : ''}
              </span>
              <span className="sketch-score-value">{p.score}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
