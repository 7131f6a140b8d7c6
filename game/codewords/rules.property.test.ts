import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../errors';
import { deadline, move, outcome, setup, tick } from './rules';
import { as, colorLeaks, rotateHiddenColors, SAFE_CLUE, unwrap } from './testing';
import type { ClueCount, CodewordsMove, CodewordsState } from './types';
import { audience, view } from './view';

/**
 * Seeded fuzzing of the rules: random mixes of legal and illegal moves by random seats,
 * with the clock moving and the timer firing. A failing case prints its seed and path;
 * pin it below as a named regression test.
 */

const SEATS = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative', 'spectator', ''];

type Action =
  | { kind: 'raw'; seat: string; move: CodewordsMove; dt: number }
  | { kind: 'legal'; pick: number; dt: number }
  | { kind: 'tick'; dt: number };

const count = fc.constantFrom<ClueCount>(0, 1, 2, 3, 9, 'unlimited', -1, 10, 1.5);
const turnField = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });
const withTurn = <T extends object>(m: T, turn: number | undefined) => (turn === undefined ? m : { ...m, turn });

const rawMove: fc.Arbitrary<CodewordsMove> = fc.oneof(
  fc
    .tuple(fc.constantFrom(SAFE_CLUE, 'two words', 'R2D2', '', 'Z'.repeat(30), '@board'), count, turnField)
    .map(([word, c, turn]) => withTurn({ type: 'clue' as const, word, count: c }, turn)),
  fc.tuple(fc.integer({ min: -2, max: 26 }), turnField).map(([card, turn]) => withTurn({ type: 'guess' as const, card }, turn)),
  turnField.map((turn) => withTurn({ type: 'endTurn' as const }, turn)),
);

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('raw' as const), seat: fc.constantFrom(...SEATS), move: rawMove, dt: fc.nat(20_000) }),
  fc.record({ kind: fc.constant('legal' as const), pick: fc.nat(1000), dt: fc.nat(20_000) }),
  fc.record({ kind: fc.constant('tick' as const), dt: fc.nat(90_000) }),
);

/** A move that is probably accepted: the right seat, a valid clue, a hidden card. */
function legalMove(state: CodewordsState, pick: number): { seat: string; move: CodewordsMove } {
  const team = state.turn.team;
  if (state.turn.phase === 'clue') {
    const counts: ClueCount[] = [0, 1, 2, 3, 'unlimited'];
    return { seat: `${team}:spymaster`, move: { type: 'clue', word: SAFE_CLUE, count: counts[pick % 5] ?? 1 } };
  }
  if (state.turn.guesses > 0 && pick % 6 === 0) return { seat: `${team}:operative`, move: { type: 'endTurn' } };
  const hiddenCards = state.cards.flatMap((c, i) => (c.revealed ? [] : [i]));
  return { seat: `${team}:operative`, move: { type: 'guess', card: hiddenCards[pick % hiddenCards.length] ?? 0 } };
}

function resolve(state: CodewordsState, m: CodewordsMove): CodewordsMove {
  // '@board' stands for "a word on the board" so refused board clues get exercised too.
  return m.type === 'clue' && m.word === '@board' ? { ...m, word: state.cards[0]?.word ?? '' } : m;
}

function checkInvariants(before: CodewordsState, after: CodewordsState): void {
  const colors = after.cards.map((c) => c.color);
  const n = (c: string) => colors.filter((x) => x === c).length;
  expect(n(after.startingTeam)).toBe(9);
  expect(n(after.startingTeam === 'red' ? 'blue' : 'red')).toBe(8);
  expect(n('bystander')).toBe(7);
  expect(n('assassin')).toBe(1);
  // Words and key never change; revealed cards stay revealed.
  expect(after.cards.map((c) => c.word)).toEqual(before.cards.map((c) => c.word));
  expect(colors).toEqual(before.cards.map((c) => c.color));
  before.cards.forEach((c, i) => {
    if (c.revealed) expect(after.cards[i]?.revealed).toBe(true);
  });
  // Every revealed card is in the log exactly once.
  const logged = after.log.flatMap((e) => e.guesses.map((g) => g.card));
  expect(new Set(logged).size).toBe(logged.length);
  expect(logged.length).toBe(after.cards.filter((c) => c.revealed).length);
  // One winner at most, and it never changes.
  expect([null, 'red', 'blue']).toContain(after.winner);
  if (before.winner !== null) expect(after.winner).toBe(before.winner);
  expect(outcome(after) === null).toBe(after.winner === null);
  expect(after.turn.number).toBeGreaterThanOrEqual(before.turn.number);
  if (after.turn.guessesLeft !== null) expect(after.turn.guessesLeft).toBeGreaterThanOrEqual(0);
  expect(after.log.filter((e) => e.ended === 'running').length).toBeLessThanOrEqual(1);
}

function checkViews(state: CodewordsState): void {
  const pub = view(state, 'public');
  if (state.winner === null) {
    expect(colorLeaks(pub)).toEqual([]);
    expect(view(rotateHiddenColors(state), 'public')).toEqual(pub);
    expect(audience(state, { seat: 'red:operative' })).toBe('public');
  } else {
    expect(pub.cards.every((c) => c.color !== null)).toBe(true);
  }
  expect(JSON.stringify(pub)).not.toMatch(/rng|usedWords|customWords/);
}

describe('rules under random play', () => {
  it('never throw, keep the key, end at most once, accept nothing after the end, never leak', () => {
    let ended = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom(null, 15, 60),
        fc.array(action, { maxLength: 80 }),
        (seed, turnSeconds, actions) => {
          let now = 1_000;
          let state = unwrap(setup({ settings: { turnSeconds, customWords: null }, seed, now, previous: null }));
          checkViews(state);
          for (const a of actions) {
            now += a.dt;
            const before = state;
            if (a.kind === 'tick') {
              const next = tick(state, now);
              const due = deadline(state);
              expect(next === null).toBe(due === null || now < due);
              if (next !== null) state = next;
            } else {
              const { seat, move: m } = a.kind === 'legal' ? legalMove(state, a.pick) : { seat: a.seat, move: a.move };
              const r: Result<CodewordsState> = move(state, resolve(state, m), as(seat), now);
              if (before.winner !== null) {
                expect(r.ok).toBe(false);
                if (!r.ok) expect(r.error.code).toBe('GAME_OVER');
              }
              if (r.ok) state = r.value;
            }
            checkInvariants(before, state);
            checkViews(state);
          }
          if (state.winner !== null) ended++;
        },
      ),
      { numRuns: 300, seed: 20240611 },
    );
    // The fuzzer must actually reach the end of games, or the end-game checks prove nothing.
    expect(ended).toBeGreaterThan(20);
  });

  it('same seed and same moves give the same game', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.nat(1000), { maxLength: 40 }), (seed, picks) => {
        const runGame = () => {
          let s = unwrap(setup({ settings: { turnSeconds: 30, customWords: null }, seed, now: 0, previous: null }));
          picks.forEach((pick, i) => {
            const { seat, move: m } = legalMove(s, pick);
            const r = move(s, m, as(seat), i * 1000);
            if (r.ok) s = r.value;
          });
          return s;
        };
        expect(runGame()).toEqual(runGame());
      }),
      { numRuns: 100 },
    );
  });
});
