import type { RosterPlayer } from './engine';

/**
 * Vote kick: the players of a room remove someone by a majority, without the host. The
 * count is the rule; the server removes the player once it is carried, and the browser
 * shows the same count, so both read it from here. See docs/protocol.md (`room:vote-kick`).
 */

/** The fewest votes that remove anyone: with two players, neither can vote the other out. */
export const MIN_KICK_VOTES = 2;

/** Where a vote to remove a player stands: votes that count now, and how many carry it. */
export interface KickTally {
  readonly votes: number;
  readonly needed: number;
}

/**
 * Whether `player` has a say on removing `target` now: a connected, seated player other
 * than the target. Someone who walked in without a seat (in Codewords every newcomer
 * mid-game) or is away neither votes nor counts, so a crowd of fresh joiners cannot
 * outvote the table, and a dropped connection does not block the table's majority.
 */
export function mayVoteOn(player: RosterPlayer, target: string): boolean {
  return player.id !== target && player.seat !== null && player.connected;
}

/**
 * The tally of the votes `voters` cast against `target`, among `players` (every player of
 * the room, as the server's roster or a snapshot's player list): a vote counts while its
 * voter {@link mayVoteOn} the target, and a strict majority of those who may, at least
 * {@link MIN_KICK_VOTES}, carries it.
 */
export function kickTally(players: readonly RosterPlayer[], target: string, voters: readonly string[]): KickTally {
  let electorate = 0;
  let votes = 0;
  for (const player of players) {
    if (!mayVoteOn(player, target)) continue;
    electorate++;
    if (voters.includes(player.id)) votes++;
  }
  return { votes, needed: Math.max(MIN_KICK_VOTES, Math.floor(electorate / 2) + 1) };
}

/** Whether a tally removes its target. */
export function carried(tally: KickTally): boolean {
  return tally.votes >= tally.needed;
}
