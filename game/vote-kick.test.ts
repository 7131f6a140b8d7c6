import { describe, expect, it } from 'vitest';
import type { RosterPlayer } from './engine';
import { carried, kickTally, mayVoteOn } from './vote-kick';

/** `n` connected, seated players p0..p(n-1). */
const table = (n: number): RosterPlayer[] => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, seat: 'seat', connected: true }));

describe('kickTally', () => {
  it('needs a strict majority of the others, and never fewer than two votes', () => {
    // Players in the room (target included) → votes needed.
    const needed = [2, 3, 4, 5, 6, 7, 20].map((n) => kickTally(table(n), 'p0', []).needed);
    expect(needed).toEqual([2, 2, 2, 3, 3, 4, 10]);
    // With two players the one other vote can never carry it.
    expect(carried(kickTally(table(2), 'p0', ['p1']))).toBe(false);
    expect(carried(kickTally(table(3), 'p0', ['p1', 'p2']))).toBe(true);
    expect(carried(kickTally(table(5), 'p0', ['p1', 'p2']))).toBe(false);
    expect(carried(kickTally(table(5), 'p0', ['p1', 'p2', 'p3']))).toBe(true);
  });

  it('counts seated players other than the target, connected or not; unseated players and strangers neither vote nor count', () => {
    const players: RosterPlayer[] = [
      ...table(4),
      { id: 'away', seat: 'seat', connected: false },
      { id: 'standing', seat: null, connected: true },
    ];
    // The target's own "vote" and those of the unseated player and a stranger do not count; the away player's does.
    expect(kickTally(players, 'p0', ['p0', 'p1', 'away', 'standing', 'stranger'])).toEqual({ votes: 2, needed: 3 });
    // A dropped connection does not lower the bar: two of four seated others are not a majority.
    expect(carried(kickTally(players, 'p0', ['p1', 'p2']))).toBe(false);
    expect(carried(kickTally(players, 'p0', ['p1', 'p2', 'p3']))).toBe(true);
    // Only a connected, seated player other than the target casts a vote.
    expect(players.filter((p) => mayVoteOn(p, 'p0')).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });
});
