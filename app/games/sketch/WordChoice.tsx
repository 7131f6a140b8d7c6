'use client';

import { useState } from 'react';
import type { SketchMove } from '@/game/sketch/types';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** The drawer's private choice of a word: one button per word offered (only the drawer's view has them). */
export function WordChoice({ choices, turn }: { choices: readonly string[]; turn: number }) {
  const actions = useRoomActions<SketchMove>();
  const [pending, setPending] = useState(false);
  return (
    <div className="sketch-choice" role="group" aria-labelledby="sketch-choice-heading">
      <h2 id="sketch-choice-heading">Choose a word to draw</h2>
      <div className="sketch-choice-words">
        {choices.map((word, index) => (
          <button
            key={word}
            type="button"
            className="button button-primary"
            disabled={pending}
            // The first word gets the focus: the drawer can pick with Enter at once.
            autoFocus={index === 0}
            onClick={async () => {
              setPending(true);
              await actions.move({ type: 'choose', index, turn });
              setPending(false);
            }}
          >
            {word}
          </button>
        ))}
      </div>
      <p className="hint">Only you see these. One is picked for you when the timer runs out.</p>
    </div>
  );
}
