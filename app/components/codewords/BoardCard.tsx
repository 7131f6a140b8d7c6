'use client';

import type { CSSProperties } from 'react';
import type { CardColor, CardView } from '@/game/codewords/types';
import { cardLabel } from '@/app/lib/codewords';

// A shape per colour so the key does not rest on colour alone.
const MARK: Record<CardColor, string> = { red: '◆', blue: '●', bystander: '–', assassin: '✕' };

/**
 * One card. Its accessible name is the word, plus the colour once revealed ("WORD, red agent")
 * or, for those who hold the key, in brackets ("WORD (red)").
 */
export function BoardCard({
  card,
  clickable,
  pending,
  onGuess,
}: {
  card: CardView;
  clickable: boolean;
  pending: boolean;
  onGuess: () => void;
}) {
  const classes = ['board-card'];
  if (card.color) classes.push(`color-${card.color}`);
  classes.push(card.revealed ? 'is-revealed' : card.color ? 'is-keyed' : 'is-hidden');
  if (clickable) classes.push('is-clickable');
  if (pending) classes.push('is-pending');

  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={cardLabel(card)}
      // aria-disabled rather than disabled: the board stays focusable and readable by everyone.
      aria-disabled={!clickable}
      aria-busy={pending || undefined}
      onClick={clickable ? onGuess : undefined}
    >
      {/* The inner box is the size container (buttons cannot be one); --chars lets the CSS fit long words. */}
      <span className="board-card-inner">
        <span className="board-card-word" style={{ '--chars': Math.max(6, card.word.length) } as CSSProperties}>
          {card.word}
        </span>
      </span>
      {card.color && (
        <span className="board-card-mark" aria-hidden="true">
          {MARK[card.color]}
        </span>
      )}
    </button>
  );
}
