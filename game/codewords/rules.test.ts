import { describe, expect, it } from 'vitest';
import { deadline, MAX_LOG_ENTRIES, move, outcome, setup, tick } from './rules';
import { CODEWORDS_SEATS, otherTeam } from './seats';
import { as, clueLog, first, hidden, play, SAFE_CLUE, start, tryMove, unwrap } from './testing';
import type { ClueCount, CodewordsState, Team } from './types';
import { DEFAULT_WORDS } from './words';

const letters = (i: number) => String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + Math.floor(i / 26));
const customList = (n: number) => Array.from({ length: n }, (_, i) => `WORD${letters(i)}`);

function expectCode(result: { ok: boolean; error?: { code: string; message: string } }, code: string) {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message.length).toBeGreaterThan(0);
}

function clue(state: CodewordsState, count: ClueCount = 'unlimited', team: Team = state.turn.team) {
  return play(state, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count });
}

function guess(state: CodewordsState, card: number, team: Team = state.turn.team, now = 0) {
  return play(state, `${team}:operative`, { type: 'guess', card }, now);
}

/** Passes the turn by guessing a bystander. */
function passByBystander(state: CodewordsState): CodewordsState {
  return guess(clue(state), first(state, 'bystander'));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('setup', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(start({ seed: 123 })).toEqual(start({ seed: 123 }));
    expect(start({ seed: 123 }).cards).not.toEqual(start({ seed: 124 }).cards);
  });

  it('deals 25 distinct words from the default list', () => {
    const s = start();
    expect(s.cards).toHaveLength(25);
    expect(new Set(s.cards.map((c) => c.word)).size).toBe(25);
    for (const c of s.cards) expect(DEFAULT_WORDS).toContain(c.word);
    expect(s.cards.every((c) => !c.revealed)).toBe(true);
  });

  it('deals a key of 9/8/7/1 with the starting team holding 9, both teams starting sometimes', () => {
    const starters = new Set<Team>();
    for (let seed = 0; seed < 40; seed++) {
      const s = start({ seed });
      starters.add(s.startingTeam);
      const count = (color: string) => s.cards.filter((c) => c.color === color).length;
      expect(count(s.startingTeam)).toBe(9);
      expect(count(otherTeam(s.startingTeam))).toBe(8);
      expect(count('bystander')).toBe(7);
      expect(count('assassin')).toBe(1);
    }
    expect(starters).toEqual(new Set(['red', 'blue']));
  });

  it('gives turn 1 to the starting team in the clue phase', () => {
    const s = start({ seed: 5 });
    expect(s.turn).toEqual({
      number: 1,
      team: s.startingTeam,
      phase: 'clue',
      clue: null,
      guesses: 0,
      guessesLeft: null,
      deadline: null,
    });
    expect(s.log).toEqual([]);
    expect(s.winner).toBeNull();
    expect(outcome(s)).toBeNull();
    expect(deadline(s)).toBeNull();
  });

  it('sets a deadline when the timer is on', () => {
    const s = start({ settings: { turnSeconds: 60 }, now: 1000 });
    expect(s.turn.deadline).toBe(61_000);
    expect(deadline(s)).toBe(61_000);
  });

  it('uses a custom list and refuses one that is too short', () => {
    const words = customList(30);
    const s = start({ settings: { customWords: words } });
    for (const c of s.cards) expect(words).toContain(c.word);
    const r = setup({ settings: { turnSeconds: null, customWords: customList(24) }, seed: 1, now: 0, previous: null });
    expectCode(r, 'SETTINGS_INVALID');
    // Duplicates do not count twice.
    const dup = setup({
      settings: { turnSeconds: null, customWords: [...customList(24), 'WORDAA'] },
      seed: 1,
      now: 0,
      previous: null,
    });
    expectCode(dup, 'SETTINGS_INVALID');
  });

  it('records the dealt words as used', () => {
    const s = start();
    expect(new Set(s.usedWords)).toEqual(new Set(s.cards.map((c) => c.word)));
  });
});

describe('rematch', () => {
  it('avoids words used in earlier games while the list allows, and accumulates them', () => {
    let prev = start({ seed: 1 });
    const seen = new Set(prev.cards.map((c) => c.word));
    for (let game = 2; game <= 10; game++) {
      const next = start({ seed: game, previous: prev });
      for (const c of next.cards) {
        expect(seen.has(c.word)).toBe(false);
        seen.add(c.word);
      }
      expect(next.usedWords).toHaveLength(25 * game);
      prev = next;
    }
  });

  it('reuses words only when the list runs short, preferring the ones left out last time', () => {
    const words = customList(30);
    const g1 = start({ seed: 1, settings: { customWords: words } });
    const g2 = start({ seed: 2, settings: { customWords: words }, previous: g1 });
    const unusedIn1 = words.filter((w) => !g1.usedWords.includes(w));
    expect(unusedIn1).toHaveLength(5);
    const w2 = g2.cards.map((c) => c.word);
    for (const w of unusedIn1) expect(w2).toContain(w);
    expect(new Set(w2).size).toBe(25);
    // The memory restarted with game 2's board, so game 3 deals the 5 words game 2 left out.
    const g3 = start({ seed: 3, settings: { customWords: words }, previous: g2 });
    const w3 = g3.cards.map((c) => c.word);
    for (const w of words.filter((x) => !w2.includes(x))) expect(w3).toContain(w);
  });

  it('works again and again with a 25-word list', () => {
    const words = customList(25);
    let prev: CodewordsState | null = null;
    for (let seed = 1; seed <= 4; seed++) {
      const s: CodewordsState = start({ seed, settings: { customWords: words }, previous: prev });
      expect(new Set(s.cards.map((c) => c.word))).toEqual(new Set(words));
      prev = s;
    }
  });

  it('forgets words of another list', () => {
    const g1 = start({ seed: 1 });
    const words = customList(40);
    const g2 = start({ seed: 2, settings: { customWords: words }, previous: g1 });
    expect(g2.usedWords.every((w) => words.includes(w))).toBe(true);
  });
});

describe('seats', () => {
  it('offers one spymaster and 1-18 operatives per team', () => {
    expect(CODEWORDS_SEATS.map((s) => [s.id, s.team, s.min, s.max, s.joinMidGame])).toEqual([
      ['red:spymaster', 'red', 1, 1, false],
      ['red:operative', 'red', 1, 18, true],
      ['blue:spymaster', 'blue', 1, 1, false],
      ['blue:operative', 'blue', 1, 18, true],
    ]);
  });
});

describe('move refusals', () => {
  const s = start({ seed: 11 });
  const team = s.turn.team;
  const other = otherTeam(team);
  const guessing = clue(s, 2);

  it('NOT_YOUR_TURN for the other team', () => {
    expectCode(tryMove(s, `${other}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 }), 'NOT_YOUR_TURN');
    expectCode(tryMove(guessing, `${other}:operative`, { type: 'guess', card: 0 }), 'NOT_YOUR_TURN');
  });

  it('WRONG_ROLE for an operative giving a clue, a spymaster guessing or ending the turn, or no seat', () => {
    expectCode(tryMove(s, `${team}:operative`, { type: 'clue', word: SAFE_CLUE, count: 1 }), 'WRONG_ROLE');
    expectCode(tryMove(guessing, `${team}:spymaster`, { type: 'guess', card: 0 }), 'WRONG_ROLE');
    const afterOne = guess(guessing, first(guessing, team));
    expectCode(tryMove(afterOne, `${team}:spymaster`, { type: 'endTurn' }), 'WRONG_ROLE');
    expectCode(move(s, { type: 'endTurn' }, { playerId: 'x', seat: 'spectator' }, 0), 'WRONG_ROLE');
    expectCode(move(s, { type: 'endTurn' }, as(''), 0), 'WRONG_ROLE');
  });

  it('WRONG_PHASE for guessing or ending before the clue, and for a second clue', () => {
    expectCode(tryMove(s, `${team}:operative`, { type: 'guess', card: 0 }), 'WRONG_PHASE');
    expectCode(tryMove(s, `${team}:operative`, { type: 'endTurn' }), 'WRONG_PHASE');
    expectCode(tryMove(guessing, `${team}:spymaster`, { type: 'clue', word: 'OTHER', count: 1 }), 'WRONG_PHASE');
  });

  it('BAD_REQUEST for a card out of range', () => {
    for (const card of [-1, 25, 1.5, Number.NaN]) {
      expectCode(tryMove(guessing, `${team}:operative`, { type: 'guess', card }), 'BAD_REQUEST');
    }
  });

  it('BAD_REQUEST for an unknown move type that slipped past the schema', () => {
    const bogus = { type: 'flip' } as unknown as Parameters<typeof move>[1];
    expectCode(move(guessing, bogus, as(`${team}:operative`), 0), 'BAD_REQUEST');
  });

  it('CARD_REVEALED for a revealed card', () => {
    const card = first(guessing, team);
    const after = guess(guessing, card);
    expectCode(tryMove(after, `${team}:operative`, { type: 'guess', card }), 'CARD_REVEALED');
  });

  it('CLUE_INVALID for a board word or a bad count', () => {
    const word = s.cards[3]?.word ?? '';
    const r = tryMove(s, `${team}:spymaster`, { type: 'clue', word: word.toLowerCase(), count: 1 });
    expectCode(r, 'CLUE_INVALID');
    expect(!r.ok && r.error.message).toBe(`"${word}" is a word on the board`);
    expectCode(tryMove(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 10 }), 'CLUE_INVALID');
    expectCode(tryMove(s, `${team}:spymaster`, { type: 'clue', word: 'two words', count: 1 }), 'CLUE_INVALID');
  });

  it('MUST_GUESS_FIRST for ending the turn without a guess', () => {
    expectCode(tryMove(guessing, `${team}:operative`, { type: 'endTurn' }), 'MUST_GUESS_FIRST');
  });

  it('STALE_TURN when the move names another turn, before any other check', () => {
    expectCode(tryMove(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1, turn: 2 }), 'STALE_TURN');
    expectCode(tryMove(s, `${other}:operative`, { type: 'endTurn', turn: 7 }), 'STALE_TURN');
    expect(tryMove(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1, turn: 1 }).ok).toBe(true);
    // A double tap on "end turn" after the turn passed is stale, not an error about the new turn.
    const ended = play(guess(guessing, first(guessing, team)), `${team}:operative`, { type: 'endTurn', turn: 1 });
    expectCode(tryMove(ended, `${team}:operative`, { type: 'endTurn', turn: 1 }), 'STALE_TURN');
  });

  it('GAME_OVER for anything after the end', () => {
    const over = guess(clue(s), first(s, 'assassin'));
    expect(over.winner).toBe(other);
    expectCode(tryMove(over, `${other}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 }), 'GAME_OVER');
    expectCode(tryMove(over, `${team}:operative`, { type: 'guess', card: 0 }), 'GAME_OVER');
    expectCode(tryMove(over, `${team}:operative`, { type: 'endTurn' }), 'GAME_OVER');
  });

  it('never mutates the state it is given', () => {
    const frozen = deepFreeze(start({ seed: 11, settings: { turnSeconds: 30 } }));
    const copy = structuredClone(frozen);
    const g = clue(frozen, 1);
    guess(g, first(g, team));
    guess(g, first(g, 'assassin'));
    tick(frozen, 10 ** 9);
    expect(frozen).toEqual(copy);
  });
});

describe('guessing', () => {
  const s = start({ seed: 21 });
  const team = s.turn.team;
  const other = otherTeam(team);

  it('logs the clue and each guess', () => {
    const g = clue(s, 2);
    expect(g.turn).toMatchObject({ phase: 'guess', clue: { word: SAFE_CLUE, count: 2 }, guessesLeft: 3, guesses: 0 });
    expect(g.log).toEqual([{ kind: 'clue', team, word: SAFE_CLUE, count: 2, guesses: [], ended: 'running' }]);
    const card = first(g, team);
    const after = guess(g, card);
    expect(after.cards[card]?.revealed).toBe(true);
    expect(clueLog(after)[0]?.guesses).toEqual([{ card, word: s.cards[card]?.word, color: team }]);
    expect(after.turn).toMatchObject({ team, guesses: 1, guessesLeft: 2, number: 1 });
  });

  it('stores the clue word upper-cased', () => {
    const g = play(s, `${team}:spymaster`, { type: 'clue', word: 'zyxquv', count: 1 });
    expect(g.turn.clue?.word).toBe('ZYXQUV');
  });

  it('allows count + 1 guesses, then passes the turn with ended "limit"', () => {
    let g = clue(s, 1);
    g = guess(g, first(g, team));
    expect(g.turn.guessesLeft).toBe(1);
    g = guess(g, first(g, team));
    expect(g.turn).toMatchObject({ number: 2, team: other, phase: 'clue', clue: null, guesses: 0 });
    expect(clueLog(g)[0]?.ended).toBe('limit');
    expect(clueLog(g)[0]?.guesses).toHaveLength(2);
  });

  it.each([0, 'unlimited'] as const)('has no limit for a count of %s', (count) => {
    let g = clue(s, count);
    expect(g.turn.guessesLeft).toBeNull();
    for (let i = 0; i < 8; i++) g = guess(g, first(g, team));
    expect(g.turn).toMatchObject({ team, guesses: 8, guessesLeft: null, number: 1 });
  });

  it('a bystander ends the turn with ended "wrong-card"', () => {
    const g = guess(clue(s, 3), first(s, 'bystander'));
    expect(g.turn).toMatchObject({ number: 2, team: other, phase: 'clue' });
    expect(clueLog(g)[0]?.ended).toBe('wrong-card');
    expect(g.winner).toBeNull();
  });

  it("an opponent's agent ends the turn", () => {
    const g = guess(clue(s, 3), first(s, other));
    expect(g.turn.team).toBe(other);
    expect(clueLog(g)[0]?.ended).toBe('wrong-card');
  });

  it('the assassin makes the guessing team lose at once', () => {
    const g = guess(clue(s, 3), first(s, 'assassin'));
    expect(g.winner).toBe(other);
    expect(g.winReason).toBe('assassin');
    expect(outcome(g)).toEqual({ winner: other, reason: 'assassin' });
    expect(clueLog(g)[0]?.ended).toBe('game-over');
    expect(deadline(g)).toBeNull();
  });

  it('revealing your last agent wins', () => {
    let g = clue(s);
    for (let i = 0; i < 8; i++) g = guess(g, first(g, team));
    expect(g.winner).toBeNull();
    g = guess(g, first(g, team));
    expect(outcome(g)).toEqual({ winner: team, reason: 'agents' });
    expect(clueLog(g)[0]?.ended).toBe('game-over');
  });

  it("revealing the opponent's last agent makes the opponent win", () => {
    // The other team reveals 7 of its 8 agents on its turn...
    let g = passByBystander(s);
    g = clue(g);
    for (let i = 0; i < 7; i++) g = guess(g, first(g, other));
    g = guess(g, first(g, 'bystander'));
    expect(g.turn.team).toBe(team);
    // ...then the starting team stumbles on the last one.
    g = guess(clue(g), first(g, other));
    expect(outcome(g)).toEqual({ winner: other, reason: 'agents' });
    expect(clueLog(g).at(-1)?.ended).toBe('game-over');
  });

  it('the last agent wins even when it is also the last allowed guess', () => {
    let g = clue(s);
    for (let i = 0; i < 7; i++) g = guess(g, first(g, team));
    g = play(g, `${team}:operative`, { type: 'endTurn' });
    g = passByBystander(g);
    g = clue(g, 1);
    g = guess(g, first(g, team));
    expect(g.turn.guessesLeft).toBe(1);
    g = guess(g, first(g, team));
    expect(outcome(g)).toEqual({ winner: team, reason: 'agents' });
    expect(clueLog(g).at(-1)?.ended).toBe('game-over');
  });

  it('ending the turn after a guess passes it with ended "passed"', () => {
    const g = play(guess(clue(s, 2), first(s, team)), `${team}:operative`, { type: 'endTurn' });
    expect(g.turn).toMatchObject({ number: 2, team: other, phase: 'clue' });
    expect(clueLog(g)[0]?.ended).toBe('passed');
  });

  it('play alternates turns and keeps one log entry per clue', () => {
    let g = passByBystander(s);
    g = passByBystander(g);
    g = passByBystander(g);
    expect(g.turn).toMatchObject({ number: 4, team: other });
    expect(g.log.map((e) => e.team)).toEqual([team, other, team]);
    expect(hidden(g, 'bystander')).toHaveLength(4);
  });
});

describe('timer', () => {
  const s = start({ seed: 31, settings: { turnSeconds: 30 }, now: 1000 });
  const team = s.turn.team;
  const other = otherTeam(team);

  it('does nothing before the deadline', () => {
    expect(tick(s, 30_999)).toBeNull();
  });

  it('passes the turn at the deadline with a timeout line in the log when no clue was given', () => {
    const t = unwrap({ ok: true, value: tick(s, 31_000) ?? s });
    expect(t.turn).toMatchObject({ number: 2, team: other, phase: 'clue', deadline: 61_000 });
    expect(t.log).toEqual([{ kind: 'timeout', team }]);
    // The next team's clue and guesses go on a line of their own after it.
    const c = play(t, `${other}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 }, 32_000);
    const g = play(c, `${other}:operative`, { type: 'guess', card: first(c, other) }, 33_000);
    expect(g.log.map((e) => e.kind)).toEqual(['timeout', 'clue']);
    expect(clueLog(g)[0]?.guesses).toHaveLength(1);
    // A second timeout before a clue is a second line, for the other team.
    expect(tick(t, 61_000)?.log).toEqual([{ kind: 'timeout', team }, { kind: 'timeout', team: other }]);
  });

  it('closes the clue with ended "timeout" and counts the new deadline from now', () => {
    const g = guess(clue(s, 2), first(s, team), team, 5000);
    expect(g.turn.deadline).toBe(31_000); // not reset by the clue or a guess
    const t = tick(g, 40_000);
    expect(clueLog(t!)[0]?.ended).toBe('timeout');
    expect(t?.turn).toMatchObject({ number: 2, team: other, deadline: 70_000 });
  });

  it('resets the deadline when the turn passes by a move', () => {
    const g = guess(clue(s, 2), first(s, 'bystander'), team, 12_345);
    expect(g.turn.deadline).toBe(42_345);
  });

  it('judges a late move after the timeout it missed', () => {
    const g = clue(s, 2);
    const r = tryMove(g, `${team}:operative`, { type: 'guess', card: first(g, team) }, 31_000);
    expectCode(r, 'NOT_YOUR_TURN');
    const stale = tryMove(g, `${team}:operative`, { type: 'guess', card: first(g, team), turn: 1 }, 31_000);
    expectCode(stale, 'STALE_TURN');
    // The other spymaster's clue, sent just after the deadline the server has not ticked yet, counts.
    const early = play(g, `${other}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 }, 31_500);
    expect(early.turn).toMatchObject({ number: 2, team: other, phase: 'guess', deadline: 61_500 });
    expect(clueLog(early).map((e) => e.ended)).toEqual(['timeout', 'running']);
  });

  it('has no deadline and no tick once the game is over', () => {
    const over = guess(clue(s), first(s, 'assassin'));
    expect(deadline(over)).toBeNull();
    expect(tick(over, 10 ** 12)).toBeNull();
  });

  it('never ticks without a timer', () => {
    expect(tick(start(), 10 ** 12)).toBeNull();
  });
});

describe('bounds', () => {
  it('keeps the clue log to the latest MAX_LOG_ENTRIES clues however long the game runs', () => {
    let s = start({ seed: 5, settings: { turnSeconds: 15 }, now: 0 });
    for (let i = 0; i < MAX_LOG_ENTRIES + 20; i++) {
      const now = s.turn.deadline! - 1;
      s = play(s, `${s.turn.team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 }, now);
      s = tick(s, s.turn.deadline!)!;
    }
    expect(s.log).toHaveLength(MAX_LOG_ENTRIES);
    expect(clueLog(s).every((e) => e.ended === 'timeout')).toBe(true);
    expect(s.turn.number).toBe(MAX_LOG_ENTRIES + 21);
  });

  it('bounds the log of turns that all run out before their clue', () => {
    let s = start({ seed: 6, settings: { turnSeconds: 15 }, now: 0 });
    for (let i = 0; i < MAX_LOG_ENTRIES + 5; i++) s = tick(s, s.turn.deadline!)!;
    expect(s.log).toHaveLength(MAX_LOG_ENTRIES);
    expect(s.log.every((e) => e.kind === 'timeout')).toBe(true);
    // The newest line is the turn that just ran out.
    expect(s.log.at(-1)?.team).toBe(otherTeam(s.turn.team));
  });
});
