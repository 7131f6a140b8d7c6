import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomTeams } from './random-teams';
import { parseSeat } from './seats';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p_${i}`);

describe('randomTeams', () => {
  it('seats everyone once, in balanced teams with one spymaster each (two or more players)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n, seed) => {
        const places = randomTeams(ids(n), seed);
        expect(places.map((p) => p.playerId).sort()).toEqual(ids(n).sort());
        const seats = places.map((p) => parseSeat(p.seat)!);
        const size = (team: string) => seats.filter((s) => s.team === team).length;
        expect(Math.abs(size('red') - size('blue'))).toBeLessThanOrEqual(1);
        for (const team of ['red', 'blue']) {
          expect(seats.filter((s) => s.team === team && s.role === 'spymaster')).toHaveLength(1);
        }
        // Spymasters are sent last: a single seat changes hands only once its new holder is free to move.
        expect(seats.slice(-2).every((s) => s.role === 'spymaster')).toBe(true);
      }),
    );
  });

  it('is the same for the same seed and varies with the seed: every player can be either spymaster, on either team', () => {
    expect(randomTeams(ids(6), 42)).toEqual(randomTeams(ids(6), 42));
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) for (const p of randomTeams(ids(4), seed)) seen.add(`${p.playerId}=${p.seat}`);
    // 4 players x 4 seats: every pairing happens.
    expect(seen.size).toBe(16);
  });

  it('deals nobody for no players, and a lone player a spymaster', () => {
    expect(randomTeams([], 1)).toEqual([]);
    expect(randomTeams(['p_a'], 1)[0]?.seat).toMatch(/^(red|blue):spymaster$/);
  });
});
