import type { SeatId, SeatSpec } from '../engine';
import type { Team } from './types';

/**
 * Codewords seats: one spymaster and one or more operatives per team. Spymasters cannot
 * join mid-game (they would inherit a key someone else was using); operatives can.
 */

/** The two teams, red first. */
export const TEAMS: readonly Team[] = ['red', 'blue'];

/** What a seat lets its player do. */
export type Role = 'spymaster' | 'operative';

/** The seats of every Codewords game (they do not depend on settings). */
export const CODEWORDS_SEATS: readonly SeatSpec[] = Object.freeze([
  { id: 'red:spymaster', label: 'Red spymaster', team: 'red', min: 1, max: 1, joinMidGame: false },
  { id: 'red:operative', label: 'Red operative', team: 'red', min: 1, max: 18, joinMidGame: true },
  { id: 'blue:spymaster', label: 'Blue spymaster', team: 'blue', min: 1, max: 1, joinMidGame: false },
  { id: 'blue:operative', label: 'Blue operative', team: 'blue', min: 1, max: 18, joinMidGame: true },
]);

/** The team and role of a seat id, or null when it is not a Codewords seat. */
export function parseSeat(seat: SeatId | null): { team: Team; role: Role } | null {
  switch (seat) {
    case 'red:spymaster':
      return { team: 'red', role: 'spymaster' };
    case 'red:operative':
      return { team: 'red', role: 'operative' };
    case 'blue:spymaster':
      return { team: 'blue', role: 'spymaster' };
    case 'blue:operative':
      return { team: 'blue', role: 'operative' };
    default:
      return null;
  }
}

/** The other team. */
export function otherTeam(team: Team): Team {
  return team === 'red' ? 'blue' : 'red';
}
