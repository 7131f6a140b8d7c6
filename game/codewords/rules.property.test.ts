import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../errors';
import { deadline, move, outcome, setup, tick } from './rules';
import { loggedGuesses } from './log';
import { as, clueLog, colorLeaks, rotateHiddenColors, SAFE_CLUE, unwrap } from './testing';
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

// Mostly legal moves, so that games reach their end; enough noise to hit every refusal.
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('raw' as const), seat: fc.constantFrom(...SEATS), move: rawMove, dt: fc.nat(20_000) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('legal' as const), pick: fc.nat(1000), dt: fc.nat(10_000) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), dt: fc.nat(90_000) }), weight: 1 },
);

/** A move that is usually accepted: the right seat, a valid clue, a hidden card. */
function legalMove(state: CodewordsState, pick: number): { seat: string; move: CodewordsMove } {
  const team = state.turn.team;
  if (state.turn.phase === 'clue') {
    const counts: ClueCount[] = [0, 1, 2, 3, 'unlimited'];
    return { seat: `${team}:spymaster`, move: { type: 'clue', word: SAFE_CLUE, count: counts[pick % 5] ?? 1 } };
  }
  if (state.turn.guesses > 0 && pick % 6 === 0) return { seat: `${team}:operative`, move: { type: 'endTurn' } };
  // Now and then a double tap on a card someone already revealed.
  const revealedCards = state.cards.flatMap((c, i) => (c.revealed ? [i] : []));
  if (revealedCards.length > 0 && pick % 11 === 0) {
    return { seat: `${team}:operative`, move: { type: 'guess', card: revealedCards[0] ?? 0 } };
  }
  const hiddenCards = state.cards.flatMap((c, i) => (c.revealed ? [] : [i]));
  return { seat: `${team}:operative`, move: { type: 'guess', card: hiddenCards[pick % hiddenCards.length] ?? 0 } };
}

function resolve(state: CodewordsState, m: CodewordsMove): CodewordsMove {
  // '@board' stands for "a word on the board" so refused board clues get exercised too.
  return m.type === 'clue' && m.word === '@board' ? { ...m, word: state.cards[0]?.word ?? '' } : m;
}

// The checks below collect problems instead of calling expect() thousands of times:
// plain comparisons keep the fuzzer fast; any problem fails the run with its description.

function invariantProblems(before: CodewordsState, after: CodewordsState): string[] {
  const problems: string[] = [];
  const fail = (cond: boolean, what: string) => {
    if (!cond) problems.push(what);
  };
  const colors = after.cards.map((c) => c.color);
  const n = (c: string) => colors.filter((x) => x === c).length;
  fail(n(after.startingTeam) === 9, 'starting team has 9 agents');
  fail(n(after.startingTeam === 'red' ? 'blue' : 'red') === 8, 'other team has 8 agents');
  fail(n('bystander') === 7, '7 bystanders');
  fail(n('assassin') === 1, '1 assassin');
  // Words and key never change; revealed cards stay revealed.
  fail(after.cards.every((c, i) => c.word === before.cards[i]?.word && c.color === before.cards[i]?.color), 'key unchanged');
  fail(before.cards.every((c, i) => !c.revealed || after.cards[i]?.revealed === true), 'revealed cards stay revealed');
  // Every revealed card is in the log exactly once.
  const logged = loggedGuesses(after.log).map((g) => g.card);
  fail(new Set(logged).size === logged.length, 'no card logged twice');
  fail(logged.length === after.cards.filter((c) => c.revealed).length, 'every revealed card logged');
  // One winner at most, and it never changes.
  fail(after.winner === null || after.winner === 'red' || after.winner === 'blue', 'one winner at most');
  fail(before.winner === null || after.winner === before.winner, 'the winner never changes');
  fail((outcome(after) === null) === (after.winner === null), 'outcome matches winner');
  fail(after.turn.number >= before.turn.number, 'turn numbers never go back');
  fail(after.turn.guessesLeft === null || after.turn.guessesLeft >= 0, 'guessesLeft never negative');
  fail(clueLog(after).filter((e) => e.ended === 'running').length <= 1, 'one running clue at most');
  // A turn that passed before its clue (only the timer does that) left a line saying so.
  if (after.turn.number > before.turn.number && before.turn.phase === 'clue') {
    const added = after.log[before.log.length];
    fail(added?.kind === 'timeout' && added.team === before.turn.team, 'a turn out of time before its clue is logged');
  }
  return problems;
}

function viewProblems(state: CodewordsState): string[] {
  const pub = view(state, 'public');
  const json = JSON.stringify(pub);
  const problems: string[] = [];
  if (/rng|usedWords|customWords/.test(json)) problems.push('hidden field in public view');
  if (state.winner === null) {
    problems.push(...colorLeaks(pub).map((leak) => `public view leaks ${leak}`));
    if (JSON.stringify(view(rotateHiddenColors(state), 'public')) !== json) {
      problems.push('public view depends on hidden colours');
    }
    if (audience(state, { seat: 'red:operative' }) !== 'public') problems.push('operative not public');
  } else if (pub.cards.some((c) => c.color === null)) {
    problems.push('key not shown after the end');
  }
  return problems;
}

function check(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}

describe('rules under random play', () => {
  it('never throw, keep the key, end at most once, accept nothing after the end, never leak', () => {
    let ended = 0;
    const refusals = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom(null, 15, 60),
        fc.array(action, { minLength: 10, maxLength: 120, size: 'max' }),
        (seed, turnSeconds, actions) => {
          let now = 1_000;
          let state = unwrap(setup({ settings: { turnSeconds, customWords: null }, seed, now, previous: null }));
          check(viewProblems(state));
          for (const a of actions) {
            now += a.dt;
            const before = state;
            if (a.kind === 'tick') {
              const next = tick(state, now);
              const due = deadline(state);
              check(next === null === (due === null || now < due) ? [] : ['tick fires exactly at the deadline']);
              if (next !== null) state = next;
            } else {
              const { seat, move: m } = a.kind === 'legal' ? legalMove(state, a.pick) : { seat: a.seat, move: a.move };
              const r: Result<CodewordsState> = move(state, resolve(state, m), as(seat), now);
              if (before.winner !== null && (r.ok || r.error.code !== 'GAME_OVER')) {
                check(['a move after the end was not refused with GAME_OVER']);
              }
              if (r.ok) state = r.value;
              else refusals.add(r.error.code);
            }
            check(invariantProblems(before, state));
            check(viewProblems(state));
          }
          if (state.winner !== null) ended++;
        },
      ),
      { numRuns: 200, seed: 20240611 },
    );
    // The fuzzer must actually reach the end of games, or the end-game checks prove nothing.
    expect(ended).toBeGreaterThan(50);
    expect([...refusals].sort()).toEqual(
      [
        'BAD_REQUEST',
        'CARD_REVEALED',
        'CLUE_INVALID',
        'GAME_OVER',
        'MUST_GUESS_FIRST',
        'NOT_YOUR_TURN',
        'STALE_TURN',
        'WRONG_PHASE',
        'WRONG_ROLE',
      ].sort(),
    );
  }, 30_000);

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
