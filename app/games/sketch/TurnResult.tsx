'use client';

import type { RoomSnapshot } from '@/game/protocol';
import type { TurnResult as Result } from '@/game/sketch/types';
import { endReasonText, nameOf } from './display';

/** The pause between turns, over the canvas: the word for everyone, why the turn ended, who scored. */
export function TurnResult({ result, snapshot }: { result: Result; snapshot: RoomSnapshot }) {
  const drawer = nameOf(snapshot, result.drawer);
  return (
    <section className="sketch-overlay sketch-result" aria-labelledby="sketch-result-heading">
      <h2 id="sketch-result-heading">
        {result.word ? (
          <>
            The word was <strong>{result.word}</strong>
          </>
        ) : (
          'No word this turn'
        )}
      </h2>
      <p>{endReasonText(result.reason, drawer)}</p>
      {result.points.length > 0 ? (
        <ul className="sketch-points">
          {result.points.map((p) => (
            <li key={p.id}>
              <span>
                {nameOf(snapshot, p.id)}
                {p.id === result.drawer ? ' (drawing)' : ''}
              </span>
              <span className="sketch-points-value">+{p.points}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody scored.</p>
      )}
    </section>
  );
}
