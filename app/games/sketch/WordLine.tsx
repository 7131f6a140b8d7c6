'use client';

import type { SketchView } from '@/game/sketch/types';
import { lengthLabel, maskText } from './display';

/**
 * The word as this player may see it, above the canvas: the drawer's (and those who guessed)
 * in full, a guesser's as blanks with the hints revealed so far and its length, everyone's
 * once the turn ended. The blanks are spoken as "7 letters, hint: A _ _ _"; no live region
 * here (the room's announcer reads turn changes).
 */
export function WordLine({ view, drawerName }: { view: SketchView; drawerName: string }) {
  const t = view.turn;
  if (view.phase === 'choosing') {
    return <p className="sketch-word is-waiting">{view.role === 'drawer' ? 'Choose a word to draw' : `${drawerName} is choosing a word…`}</p>;
  }
  if (view.word !== null) {
    const prefix = view.role === 'drawer' && view.phase === 'drawing' ? 'Draw' : view.phase === 'drawing' ? 'You guessed' : 'The word was';
    return (
      <p className="sketch-word">
        <span className="sketch-word-label">{prefix}</span> <strong className="sketch-word-text">{view.word}</strong>
      </p>
    );
  }
  if (!t.mask) return null;
  const shown = maskText(t.mask);
  const hints = t.mask.filter((cell) => cell !== null && /\p{L}/u.test(cell)).length;
  return (
    <p className="sketch-word">
      <span className="visually-hidden">
        The word: {lengthLabel(t.mask)}
        {hints > 0 ? `, with ${hints} ${hints === 1 ? 'letter' : 'letters'} shown: ${shown}` : ''}
      </span>
      <span className="sketch-blanks" aria-hidden="true">
        {shown}
      </span>{' '}
      <span className="sketch-word-length" aria-hidden="true">
        {lengthLabel(t.mask)}
      </span>
    </p>
  );
}
