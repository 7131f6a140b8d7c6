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
 * Whether `player` may cast or withdraw a vote on `target` now: a connected, seated player
 * other than the target. Someone who walked in without a seat (in Codewords every newcomer
 * mid-game) neither votes nor counts, so fresh joiners cannot outvote the table.
 */
export function mayVoteOn(player: RosterPlayer, target: string): boolean {
  return player.connected && countsOn(player, target);
}

/**
 * Whether `player` is in the electorate on `target`: seated and not the target, connected or
 * not. A dropped connection (a locked phone, a reload) neither lowers the bar nor takes back
 * a vote already cast, so a brief disconnect cannot hand a minority the majority; leaving the
 * room, or a seat freed after the grace time, does.
 */
export function countsOn(player: RosterPlayer, target: string): boolean {
  return player.id !== target && player.seat !== null;
}

/**
 * The tally of the votes `voters` cast against `target`, among `players` (every player of
 * the room, as the server's roster or a snapshot's player list): a vote counts while its
 * voter {@link countsOn} the target, and a strict majority of those who count, at least
 * {@link MIN_KICK_VOTES}, carries it.
 */
export function kickTally(players: readonly RosterPlayer[], target: string, voters: readonly string[]): KickTally {
  let electorate = 0;
  let votes = 0;
  for (const player of players) {
    if (!countsOn(player, target)) continue;
    electorate++;
    if (voters.includes(player.id)) votes++;
  }
  return { votes, needed: Math.max(MIN_KICK_VOTES, Math.floor(electorate / 2) + 1) };
}

/** Whether a tally removes its target. */
export function carried(tally: KickTally): boolean {
  return tally.votes >= tally.needed;
}
