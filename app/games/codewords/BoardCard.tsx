'use client';

import type { CardView } from '@/game/codewords/types';
import { CardIcon } from './CardIcon';
import { cardLabel } from './display';

/**
 * One card. Its accessible name is the word, plus the colour once revealed ("WORD, red agent")
 * or, for those who hold the key, in brackets ("WORD (red)"). Colours also show as a
 * pattern (revealed) and a shape (revealed and keyed), for colour-blind players.
 */
export function BoardCard({
  card,
  clickable,
  pending,
  fresh,
  onGuess,
  onBlocked,
}: {
  card: CardView;
  clickable: boolean;
  pending: boolean;
  /** Revealed by the latest update: plays the turn-over animation. */
  fresh: boolean;
  onGuess: () => void;
  /** A tap that cannot turn this card: the board says why. */
  onBlocked: () => void;
}) {
  const classes = ['board-card'];
  if (card.color) classes.push(`color-${card.color}`);
  classes.push(card.revealed ? 'is-revealed' : card.color ? 'is-keyed' : 'is-hidden');
  if (clickable) classes.push('is-clickable');
  if (pending) classes.push('is-pending');
  if (fresh) classes.push('is-fresh');

  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={cardLabel(card)}
      // aria-disabled rather than disabled: the board stays focusable and readable by everyone.
      aria-disabled={!clickable}
      aria-busy={pending || undefined}
      onClick={clickable ? onGuess : pending ? undefined : onBlocked}
    >
      {card.color && <CardIcon color={card.color} className="board-card-mark" />}
      {/* The inner box is the size container (buttons cannot be one). Long words wrap, never shrink below 12 px. */}
      <span className="board-card-inner">
        <span className="board-card-word" lang="en">
          {card.word}
        </span>
      </span>
    </button>
  );
}
