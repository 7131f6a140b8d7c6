import { describe, expect, it } from 'vitest';
import { codewords } from '@/game/codewords';
import type { CodewordsState } from '@/game/codewords/types';
import type { Result } from '@/game/errors';
import type { RoomSnapshot } from '@/game/protocol';
import { announcement, gameEvents } from './events';

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let version = 0;
/** A public snapshot of a game state, as an operative's page would receive it. */
function snapshot(state: CodewordsState, gameNumber = 1): RoomSnapshot {
  const over = codewords.outcome(state) !== null;
  return {
    code: 'ABCD',
    version: ++version,
    gameId: 'codewords',
    phase: over ? 'over' : 'playing',
    public: false,
    hostId: null,
    players: [],
    spectators: 0,
    seats: [],
    settings: {},
    gameNumber,
    serverTime: 0,
    audience: 'public',
    view: codewords.view(state, 'public'),
  };
}

const start = unwrap(codewords.setup({ settings: codewords.defaultSettings, seed: 7, now: 0, previous: null }));
const team = start.turn.team;
const other = team === 'red' ? 'blue' : 'red';
const spymaster = { playerId: 'p_a', seat: `${team}:spymaster` };
const operative = { playerId: 'p_b', seat: `${team}:operative` };
const index = (color: string) => start.cards.findIndex((c) => c.color === color && !c.revealed);

describe('gameEvents', () => {
  it('announces a clue, a reveal, the turn passing and the result, in order', () => {
    const clued = unwrap(codewords.move(start, { type: 'clue', word: 'ZEPHYR', count: 2 }, spymaster, 0));
    expect(gameEvents(snapshot(start), snapshot(clued)).map(announcement)).toEqual([`${cap(team)} spymaster: ZEPHYR 2`]);

    const own = index(team);
    const hit = unwrap(codewords.move(clued, { type: 'guess', card: own }, operative, 0));
    const word = start.cards[own]!.word;
    expect(gameEvents(snapshot(clued), snapshot(hit)).map(announcement)).toEqual([`${word}: ${team} agent`]);

    const miss = unwrap(codewords.move(hit, { type: 'guess', card: index('bystander') }, operative, 0));
    expect(gameEvents(snapshot(hit), snapshot(miss)).map(announcement)).toEqual([
      `${start.cards[index('bystander')]!.word}: bystander`,
      `${cap(other)} team's turn`,
    ]);

    const otherSpy = { playerId: 'p_c', seat: `${other}:spymaster` };
    const otherOp = { playerId: 'p_d', seat: `${other}:operative` };
    const clued2 = unwrap(codewords.move(miss, { type: 'clue', word: 'ZEPHYR', count: 1 }, otherSpy, 0));
    const lost = unwrap(codewords.move(clued2, { type: 'guess', card: index('assassin') }, otherOp, 0));
    expect(gameEvents(snapshot(clued2), snapshot(lost)).map(announcement)).toEqual([
      `${start.cards[index('assassin')]!.word}: assassin`,
      `${cap(team)} team wins!`,
    ]);
  });

  it('reports several moves missed during a reconnect, and nothing for the first view', () => {
    const clued = unwrap(codewords.move(start, { type: 'clue', word: 'ZEPHYR', count: 'unlimited' }, spymaster, 0));
    const hit = unwrap(codewords.move(clued, { type: 'guess', card: index(team) }, operative, 0));
    expect(gameEvents(snapshot(start), snapshot(hit)).map((e) => e.type)).toEqual(['clue', 'reveal']);
    expect(gameEvents(null, snapshot(hit))).toEqual([]);
  });

  it('says which team ran out of time, before its clue or while guessing, from the log', () => {
    const timed = unwrap(codewords.setup({ settings: { turnSeconds: 30, customWords: null }, seed: 7, now: 0, previous: null }));
    const passed = codewords.tick(timed, 30_000)!;
    expect(gameEvents(snapshot(timed), snapshot(passed)).map(announcement)).toEqual([`${cap(team)} ran out of time. ${cap(other)} team's turn`]);
    const clued = unwrap(codewords.move(passed, { type: 'clue', word: 'ZEPHYR', count: 1 }, { playerId: 'p_c', seat: `${other}:spymaster` }, 31_000));
    const guessed = codewords.tick(clued, 61_000)!;
    expect(gameEvents(snapshot(clued), snapshot(guessed)).map(announcement)).toEqual([`${cap(other)} ran out of time. ${cap(team)} team's turn`]);
    // A turn that a wrong card ends is no timeout, though the log holds this team's older timeout line.
    const again = clueBy(guessed);
    const miss = unwrap(codewords.move(again, { type: 'guess', card: index('bystander') }, operative, 62_000));
    expect(gameEvents(snapshot(again), snapshot(miss)).map(announcement).at(-1)).toBe(`${cap(other)} team's turn`);
  });

  it('announces a new game on a rematch', () => {
    expect(gameEvents(snapshot(start, 1), snapshot(start, 2)).map(announcement)).toEqual([`New game. ${cap(team)} team's turn`]);
  });
});

/** The state after `team`'s spymaster gives a clue in the turn running, before its deadline. */
function clueBy(state: CodewordsState): CodewordsState {
  return unwrap(codewords.move(state, { type: 'clue', word: 'ZEPHYR', count: 2 }, spymaster, state.turn.deadline! - 1000));
}

function cap(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
