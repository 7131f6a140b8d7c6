import { nextInt, seedRng, shuffle } from '../rng';
import type { CodewordsSeat } from './types';

/** One player's seat in a dealt set of teams. */
export interface TeamPlace {
  readonly playerId: string;
  readonly seat: CodewordsSeat;
}

/**
 * Random, balanced teams for the host's "Randomise teams": every player in `playerIds` gets a
 * seat, the two teams differ in size by one at most (a coin picks which team has the odd
 * player), and each team's first player dealt is its spymaster. Pure: the same seed gives the
 * same teams. The result is in the order to send the seats in, operatives first: whoever leaves
 * a spymaster's seat for an operative's has moved before the seat's new spymaster takes it, so
 * that nobody is bumped out of a seat on the way.
 */
export function randomTeams(playerIds: readonly string[], seed: number): TeamPlace[] {
  const [order, afterShuffle] = shuffle(playerIds, seedRng(seed));
  const [coin] = nextInt(afterShuffle, 2);
  // Alternate the teams along the shuffled order, starting with the team the coin names.
  const teams = coin === 0 ? (['red', 'blue'] as const) : (['blue', 'red'] as const);
  const places = order.map((playerId, i): TeamPlace => {
    const team = teams[i % 2]!;
    // The first two dealt (one per team) are the spymasters.
    return { playerId, seat: i < 2 ? `${team}:spymaster` : `${team}:operative` };
  });
  return [...places.slice(2), ...places.slice(0, 2)];
}
