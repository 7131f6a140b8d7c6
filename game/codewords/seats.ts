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

/** Each seat's team and role, made once: seats are read on every move and every view. */
const PARSED: ReadonlyMap<SeatId, { readonly team: Team; readonly role: Role }> = new Map(
  CODEWORDS_SEATS.map((spec) => {
    const [team, role] = spec.id.split(':') as [Team, Role];
    return [spec.id, Object.freeze({ team, role })];
  }),
);

/** The team and role of a seat id, or null when it is not a Codewords seat. */
export function parseSeat(seat: SeatId | null): { readonly team: Team; readonly role: Role } | null {
  return (seat !== null && PARSED.get(seat)) || null;
}

/** The other team. */
export function otherTeam(team: Team): Team {
  return team === 'red' ? 'blue' : 'red';
}

/**
 * The move a seat is expected to make in this turn: the active team's spymaster gives the
 * clue, then its operatives guess; anyone else waits (null). What the browser prompts for;
 * the rules (rules.ts) refuse the rest with their own codes.
 */
export function expectedMove(turn: { readonly team: Team; readonly phase: 'clue' | 'guess' }, seat: SeatId | null): 'clue' | 'guess' | null {
  const parts = parseSeat(seat);
  if (!parts || parts.team !== turn.team) return null;
  if (parts.role === 'spymaster') return turn.phase === 'clue' ? 'clue' : null;
  return turn.phase === 'guess' ? 'guess' : null;
}
