import type { CardColor } from '@/game/codewords/types';

/**
 * A shape per card colour, so the key never rests on colour alone: red agents are
 * diamonds, blue agents circles, bystanders a bar, the assassin a cross. Decorative:
 * the card's accessible name already says the colour.
 */
export function CardIcon({ color, className }: { color: CardColor; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={className}>
      {color === 'red' && <path d="M10 1.5 18.5 10 10 18.5 1.5 10Z" fill="currentColor" />}
      {color === 'blue' && <circle cx="10" cy="10" r="8" fill="currentColor" />}
      {color === 'bystander' && <rect x="2" y="7.5" width="16" height="5" rx="2.5" fill="currentColor" />}
      {color === 'assassin' && (
        <path d="M3.5 3.5l13 13M16.5 3.5l-13 13" stroke="currentColor" strokeWidth="3.6" strokeLinecap="round" />
      )}
    </svg>
  );
}
