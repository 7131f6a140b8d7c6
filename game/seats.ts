import type { SeatSpec } from './engine';

/**
 * Whether a player without a seat may take this one while a game runs, with `taken` players
 * in it already: a seat open to late joiners, or one left below its minimum, while it has
 * room. The server enforces it; the browser offers only these seats.
 */
export function openToLateJoiner(seat: SeatSpec, taken: number): boolean {
  return (seat.joinMidGame || taken < seat.min) && taken < seat.max;
}
