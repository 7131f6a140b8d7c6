import { SOUNDS, type Sound } from '@/app/lib/sound';
import type { GameEvent } from './events';

/** A card turned out to be an agent of the team that guessed it. */
const REVEAL_GOOD: Sound = [
  [784, 0, 0.09, 'triangle'],
  [1047, 0.07, 0.14, 'triangle'],
];
/** A bystander or the other team's agent. */
const REVEAL_BAD: Sound = [[247, 0, 0.22, 'triangle']];
/** The assassin. */
const REVEAL_ASSASSIN: Sound = [
  [196, 0, 0.25, 'sawtooth'],
  [131, 0.2, 0.45, 'sawtooth'],
];

/** The sound of a batch of events: the last card turned over, or the end of the game. */
export function soundFor(events: readonly GameEvent[]): Sound | null {
  if (events.some((event) => event.type === 'win')) {
    return events.some((event) => event.type === 'reveal' && event.color === 'assassin') ? REVEAL_ASSASSIN : SOUNDS.gameOver;
  }
  const reveal = events.findLast((event) => event.type === 'reveal');
  if (!reveal) return null;
  if (reveal.color === 'assassin') return REVEAL_ASSASSIN;
  return reveal.color === reveal.team ? REVEAL_GOOD : REVEAL_BAD;
}
