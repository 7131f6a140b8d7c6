import { describe, expect, it } from 'vitest';
import { lobbySnapshot } from '@/game/testing';
import { audience, view } from '@/game/sketch/view';
import { choose, guessRight, playToEnd, runUntil, secretOf, start } from '@/game/sketch/testing';
import type { SketchState } from '@/game/sketch/types';
import type { RoomSnapshot } from '@/game/protocol';
import { lengthLabel, maskText, myMove } from './display';
import { announcement, gameEvents } from './events';
import { soundFor, YOU_GUESSED, SOMEONE_GUESSED, TURN_END } from './sounds';

const players = [
  { id: 'p1', nickname: 'Ana', seat: 'player', connected: true },
  { id: 'p2', nickname: 'Bo', seat: 'player', connected: true },
  { id: 'p3', nickname: 'Cy', seat: 'player', connected: true },
];

let version = 0;
/** The snapshot player `as` would get of `state`. */
function snap(state: SketchState, as: string): RoomSnapshot {
  const key = audience(state, { playerId: as, seat: 'player' });
  return lobbySnapshot(++version, {
    gameId: 'sketch',
    phase: state.phase === 'over' ? 'over' : 'playing',
    players,
    gameNumber: 1,
    audience: key,
    view: view(state, key),
  });
}

const dealt = start({ seed: 3 });
const drawer = dealt.turn.pub.drawer;
const guesser = dealt.players.find((p) => p.id !== drawer)!.id;
const other = dealt.players.find((p) => p.id !== drawer && p.id !== guesser)!.id;
const drawing = choose(dealt);

describe("Sketch's events", () => {
  it('tells the drawer to choose and the others who is choosing', () => {
    const lobby = lobbySnapshot(0, { gameId: 'sketch', players, gameNumber: 1, view: view(runUntil(drawing, 'pause').state, 'public') });
    const drawerLines = gameEvents(lobby, snap(dealt, drawer)).map(announcement);
    expect(drawerLines.some((l) => /your turn to draw/i.test(l))).toBe(true);
    expect(gameEvents(lobby, snap(dealt, guesser)).map(announcement).join(' ')).toMatch(/is choosing a word/);
  });

  it("says the word to the drawer only, and its length to guessers", () => {
    const word = secretOf(drawing)!;
    expect(gameEvents(snap(dealt, drawer), snap(drawing, drawer)).map(announcement)).toEqual([`Draw ${word}.`]);
    const guesserLines = gameEvents(snap(dealt, guesser), snap(drawing, guesser)).map(announcement).join(' ');
    expect(guesserLines).not.toContain(word);
    expect(guesserLines).toMatch(/is drawing: .*letters?/);
  });

  it('marks the own guess as "you", others\' as theirs, and sounds them apart', () => {
    const after = guessRight(drawing, guesser);
    const mine = gameEvents(snap(drawing, guesser), snap(after, guesser));
    expect(mine).toEqual([{ type: 'guessed', name: players.find((p) => p.id === guesser)!.nickname, you: true }]);
    expect(soundFor(mine)).toBe(YOU_GUESSED);
    const theirs = gameEvents(snap(drawing, other), snap(after, other));
    expect(theirs.map((e) => e.type === 'guessed' && e.you)).toEqual([false]);
    expect(soundFor(theirs)).toBe(SOMEONE_GUESSED);
  });

  it('shows the word to all when the turn ends, and names the winner at the end', () => {
    const ended = runUntil(drawing, 'pause').state;
    const events = gameEvents(snap(drawing, other), snap(ended, other));
    expect(events.map(announcement).join(' ')).toContain(`The word was ${secretOf(drawing)!}. Time's up.`);
    expect(soundFor(events)).toBe(TURN_END);
    const over = playToEnd(drawing).state;
    const last = gameEvents(snap(drawing, other), snap(over, other)).map(announcement);
    expect(last.at(-1)).toMatch(/^Game over: .* (wins|tie) with \d+ points\.$/);
  });

  it('says nothing for a first snapshot, and a new game from its first turn', () => {
    expect(gameEvents(null, snap(drawing, guesser))).toEqual([]);
    const lobby = lobbySnapshot(0, { gameId: 'sketch', players, gameNumber: 0 });
    expect(gameEvents(lobby, snap(dealt, guesser)).map((e) => e.type)).toEqual(['choosing']);
    const ended = playToEnd(drawing).state;
    expect(gameEvents(snap(ended, guesser), { ...snap(dealt, guesser), gameNumber: 2 }).map((e) => e.type)).toEqual(['choosing']);
  });
});

describe("Sketch's display helpers", () => {
  it('shows blanks, hints and gaps, and counts letters per word', () => {
    expect(maskText([null, 'a', null, ' ', null, '-', null])).toBe('_ A _   _ - _');
    expect(lengthLabel([null, null, ' ', null, null, null])).toBe('2 + 3 letters');
    expect(lengthLabel([null])).toBe('1 letter');
  });

  it("asks the drawer to choose then draw, a guesser to guess, and nobody in the pause", () => {
    const me = (id: string) => players.find((p) => p.id === id)!;
    expect(myMove(snap(dealt, drawer), me(drawer))).toBe('Choose a word');
    expect(myMove(snap(drawing, drawer), me(drawer))).toBe('Your turn to draw');
    expect(myMove(snap(drawing, guesser), me(guesser))).toBe('Guess the word');
    expect(myMove(snap(guessRight(drawing, guesser), guesser), me(guesser))).toBeNull();
    expect(myMove(snap(runUntil(drawing, 'pause').state, guesser), me(guesser))).toBeNull();
  });
});
