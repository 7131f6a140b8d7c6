'use client';

import { useState } from 'react';
import type { RoomSnapshot } from '@/game/protocol';
import type { SketchView } from '@/game/sketch/types';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { SketchReplay } from './canvas/SketchReplay';
import { nameOf, standings } from './display';

const PLACES = ['1st', '2nd', '3rd'];

/** A file name for a drawing: "sketch-3-lighthouse.png". */
function fileName(turn: number, word: string): string {
  const slug = word.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `sketch-${turn}-${slug || 'drawing'}.png`;
}

/**
 * The end of a game: the podium (the top three, ties sharing a place), every score, the
 * gallery of the game's drawings (each replays stroke by stroke and downloads as a PNG), and
 * the host's ways on.
 */
export function GameEnd({ view, snapshot, isHost }: { view: SketchView; snapshot: RoomSnapshot; isHost: boolean }) {
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);
  const ranked = standings(view.players);
  // Competition ranking: equal scores share a place (1, 1, 3).
  const places = ranked.map((p, i) => (i > 0 && ranked[i - 1]!.score === p.score ? -1 : i));
  for (let i = 1; i < places.length; i++) if (places[i] === -1) places[i] = places[i - 1]!;
  const podium = ranked.filter((_, i) => places[i]! < 3);
  const gallery = view.gallery ?? [];

  async function run(action: () => Promise<boolean>) {
    setPending(true);
    await action();
    setPending(false);
  }

  return (
    <div className="sketch-end">
      <section className="sketch-podium-card card" aria-labelledby="sketch-end-heading">
        <h2 id="sketch-end-heading">{view.endReason === 'too few players' ? 'Game over: too few players left' : 'Game over'}</h2>
        <ol className="sketch-podium">
          {podium.map((p, i) => (
            <li key={p.id} className={`sketch-podium-step place-${places[i]! + 1}`}>
              <span className="sketch-podium-place">{PLACES[places[i]!]}</span>
              <span className="sketch-podium-name">{nameOf(snapshot, p.id)}</span>
              <span className="sketch-podium-score">{p.score} points</span>
            </li>
          ))}
        </ol>
        {ranked.length > podium.length && (
          <ol className="sketch-final-scores" start={podium.length + 1}>
            {ranked.slice(podium.length).map((p) => (
              <li key={p.id}>
                {nameOf(snapshot, p.id)}: {p.score}
              </li>
            ))}
          </ol>
        )}
        {isHost ? (
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={pending} onClick={() => run(actions.rematch)}>
              Play again
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => run(actions.backToLobby)}>
              Back to the lobby
            </button>
          </div>
        ) : (
          <p className="muted">The host can start another game.</p>
        )}
      </section>
      <section className="sketch-gallery" aria-labelledby="sketch-gallery-heading">
        <h2 id="sketch-gallery-heading">Gallery</h2>
        {gallery.length === 0 ? (
          <p className="muted">No drawings this game.</p>
        ) : (
          <ul className="sketch-gallery-list">
            {gallery.map((entry) => (
              <li key={entry.turn}>
                <SketchReplay
                  ops={entry.ops}
                  label={`${entry.word}, drawn by ${nameOf(snapshot, entry.drawer)}`}
                  name={entry.word}
                  fileName={fileName(entry.turn, entry.word)}
                />
                <p className="sketch-gallery-caption">
                  <strong>{entry.word}</strong> by {nameOf(snapshot, entry.drawer)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
