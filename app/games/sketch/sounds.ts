import { SOUNDS, type Sound } from '@/app/lib/sound';
import type { SketchEvent } from './events';

/** This player guessed the word. */
export const YOU_GUESSED: Sound = [
  [660, 0, 0.1, 'triangle'],
  [880, 0.08, 0.1, 'triangle'],
  [1320, 0.16, 0.2, 'triangle'],
];
/** Someone else guessed it. */
export const SOMEONE_GUESSED: Sound = [[988, 0, 0.12, 'triangle']];
/** A tick in the draw time's last 10 seconds. */
export const LAST_SECONDS: Sound = [[1200, 0, 0.05, 'square']];
/** The turn ended: the word is shown. */
export const TURN_END: Sound = [
  [523, 0, 0.12],
  [392, 0.1, 0.22],
];

/** The sound of a batch of events: the game's end, this player's guess, a turn's end, someone's guess. */
export function soundFor(events: readonly SketchEvent[]): Sound | null {
  if (events.some((e) => e.type === 'over')) return SOUNDS.gameOver;
  if (events.some((e) => e.type === 'guessed' && e.you)) return YOU_GUESSED;
  if (events.some((e) => e.type === 'turn-end')) return TURN_END;
  return events.some((e) => e.type === 'guessed') ? SOMEONE_GUESSED : null;
}
