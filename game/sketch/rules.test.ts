import { describe, expect, it } from 'vitest';
import { MAX_DRAWING_COORDS, MAX_OPS_PER_TURN, MAX_STROKE_POINTS, WIDTHS, CANVAS } from './draw';
import { CHOICE_MS, DRAWER_MAX, GUESS_BASE, GUESS_ORDER, GUESS_TIME, MAX_LINES, PAUSE_MS, guessPoints } from './flow';
import { move, outcome } from './rules';
import {
  advance,
  as,
  choose,
  guessRight,
  play,
  playToEnd,
  playWithNotices,
  refusal,
  secretOf,
  start,
  STROKE,
  tryMove,
} from './testing';
import type { SketchSettings, SketchState } from './types';
import { view } from './view';

/** Words with a known shape; "custom words only" so every offer comes from them. */
const WORDS = ['ice cream', 'apple', 'banana', 'crème brûlée', 'jack-in-the-box', 'kiwi', 'lemon', 'mango', 'peach', 'plum', 'grape', 'melon'];
const CUSTOM: Partial<SketchSettings> = { customWords: WORDS, customOnly: true };

/** A turn in its drawing phase with `word` (by swapping it into the offer), p1 drawing, at time 1000. */
function drawing(word = 'apple', settings: Partial<SketchSettings> = {}, players = 3): SketchState {
  const s = start({ players, settings: { ...CUSTOM, ...settings } });
  const offered = { ...s, turn: { ...s.turn, choices: [word, ...s.turn.choices.slice(1)] } };
  return choose(offered, 1000, 0);
}

describe('setup', () => {
  it('needs two seated players', () => {
    expect(() => start({ players: 1 })).toThrow(/CANNOT_START/);
    expect(start({ players: 2 }).players).toHaveLength(2);
  });

  it('starts with the first player in join order choosing from the offered words', () => {
    const s = start({ players: ['ana', 'ben', 'cy'], now: 500, settings: { choices: 4 } });
    expect(s.phase).toBe('choosing');
    expect(s.turn.pub).toMatchObject({ number: 1, round: 1, drawer: 'ana', phase: 'choosing', endsAt: 500 + CHOICE_MS, mask: null, guessed: [] });
    expect(s.turn.choices).toHaveLength(4);
    expect(new Set(s.turn.choices).size).toBe(4);
    expect(s.players.map((p) => [p.id, p.score])).toEqual([['ana', 0], ['ben', 0], ['cy', 0]]);
  });

  it('is the same game for the same seed, another for another', () => {
    expect(start({ seed: 9 })).toEqual(start({ seed: 9 }));
    expect(start({ seed: 9 }).turn.choices).not.toEqual(start({ seed: 10 }).turn.choices);
  });
});

describe('choosing the word', () => {
  it('only the drawer chooses, only while choosing, only an offered word', () => {
    const s = start({ settings: { ...CUSTOM, choices: 3 } });
    expect(refusal(s, 'p2', { type: 'choose', index: 0 })).toBe('NOT_DRAWER');
    expect(refusal(s, 'p1', { type: 'choose', index: 3 })).toBe('NOT_A_CHOICE');
    expect(refusal(s, 'p1', { type: 'choose', index: -1 })).toBe('NOT_A_CHOICE');
    expect(refusal(s, 'p1', { type: 'choose', index: 0.5 })).toBe('NOT_A_CHOICE');
    const d = play(s, 'p1', { type: 'choose', index: 2 }, 3000);
    expect(secretOf(d)).toBe(s.turn.choices[2]);
    expect(d.turn.pub).toMatchObject({ phase: 'drawing', endsAt: 3000 + 80_000 });
    expect(refusal(d, 'p1', { type: 'choose', index: 0 })).toBe('WRONG_PHASE');
  });

  it('picks one of the offered words at random when the choice timer runs out', () => {
    const picked = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const s = start({ seed, settings: CUSTOM });
      const d = advance(s, CHOICE_MS);
      expect(d.phase).toBe('drawing');
      expect(s.turn.choices).toContain(secretOf(d));
      expect(d.turn.drawStart).toBe(CHOICE_MS);
      picked.add(String(s.turn.choices.indexOf(secretOf(d)!)));
      // Not a moment before.
      expect(advance(s, CHOICE_MS - 1).phase).toBe('choosing');
    }
    expect(picked.size).toBe(3);
  });
});

describe('guessing', () => {
  it('a right guess, however it is typed, scores by time left and order, and is never written down', () => {
    for (const typed of ['ice cream', 'ICE CREAM', 'icecream', ' Ice-Cream! ', 'îce crêam']) {
      const s = drawing('ice cream');
      const after = play(s, 'p2', { type: 'say', text: typed }, 21_000);
      expect(after.turn.pub.guessed, typed).toEqual(['p2']);
      // 20 s of 80 gone: 50 + 200 * 60/80 + 100 for being first.
      expect(after.players.find((p) => p.id === 'p2')!.score).toBe(GUESS_BASE + 150 + GUESS_ORDER);
      expect(after.lines.at(-1)).toEqual({ id: 1, turn: 1, by: 'p2', kind: 'guessed', text: '', to: 'public' });
      expect(JSON.stringify(after.lines)).not.toMatch(/ice|cr[eéè]am/i);
    }
  });

  it('accent-insensitive both ways: the word with accents, the guess without', () => {
    const s = drawing('crème brûlée');
    expect(play(s, 'p2', { type: 'say', text: 'creme brulee' }, 2000).turn.pub.guessed).toEqual(['p2']);
  });

  it('later guessers score less: the order bonus steps down', () => {
    let s = drawing('apple', {}, 5);
    s = guessRight(s, 'p2', 1000);
    s = guessRight(s, 'p3', 1000);
    s = guessRight(s, 'p4', 1000);
    const scores = s.players.map((p) => p.score);
    expect(scores).toEqual([0, guessPoints(80_000, 80_000, 0), guessPoints(80_000, 80_000, 1), guessPoints(80_000, 80_000, 2), 0]);
    expect(scores[1]! - scores[2]!).toBe(25);
    expect(guessPoints(0, 80_000, 9)).toBe(GUESS_BASE);
    expect(guessPoints(80_000, 80_000, 0)).toBe(GUESS_BASE + GUESS_TIME + GUESS_ORDER);
  });

  it('ends the turn once every guesser here got it: the drawer scores the whole share, the word is shown', () => {
    let s = drawing('apple');
    s = guessRight(s, 'p2', 5000);
    expect(s.phase).toBe('drawing');
    s = guessRight(s, 'p3', 9000);
    expect(s.phase).toBe('pause');
    expect(s.turn.pub.endsAt).toBe(9000 + PAUSE_MS);
    expect(s.turn.pub.result).toMatchObject({ turn: 1, drawer: 'p1', word: 'apple', reason: 'guessed' });
    expect(s.players.find((p) => p.id === 'p1')!.score).toBe(DRAWER_MAX);
    expect(view(s, 'public').word).toBe('apple');
  });

  it('gives the drawer a share when time runs out with some guessers', () => {
    let s = drawing('apple', {}, 5);
    s = guessRight(s, 'p2', 5000);
    s = advance(s, 1000 + 80_000);
    expect(s.phase).toBe('pause');
    expect(s.turn.pub.result?.reason).toBe('time');
    expect(s.players.find((p) => p.id === 'p1')!.score).toBe(Math.round(DRAWER_MAX / 4));
    expect(s.turn.pub.result?.points).toEqual([
      { id: 'p2', points: guessPoints(76_000, 80_000, 0) },
      { id: 'p1', points: Math.round(DRAWER_MAX / 4) },
    ]);
  });

  it('nobody guessed: nobody scores', () => {
    const s = advance(drawing('apple'), 1000 + 80_000);
    expect(s.turn.pub.result).toMatchObject({ reason: 'time', points: [] });
    expect(s.players.every((p) => p.score === 0)).toBe(true);
  });

  it('a guess one edit away tells its sender alone, and shows like any wrong guess', () => {
    const s = drawing('banana');
    for (const close of ['banan', 'bananas', 'banena', 'BANANA!x']) {
      const { state, notices } = playWithNotices(s, 'p2', { type: 'say', text: close }, 2000);
      expect(notices, close).toEqual([{ playerId: 'p2', kind: 'close', text: `"${close}" is close!` }]);
      expect(state.turn.pub.guessed).toEqual([]);
    }
    const { state, notices } = playWithNotices(s, 'p2', { type: 'say', text: 'banan' }, 2000);
    expect(view(state, 'public').lines.map((l) => l.text)).toEqual(['banan']);
    expect(notices).toHaveLength(1);
    for (const far of ['bnaan', 'apple', 'ban', 'hello']) expect(playWithNotices(s, 'p2', { type: 'say', text: far }, 2000).notices).toEqual([]);
  });

  it('lines that hold the word reach only the drawer and those who guessed', () => {
    let s = drawing('apple', {}, 4);
    s = guessRight(s, 'p3', 2000);
    s = play(s, 'p2', { type: 'say', text: 'is it an APPLE pie?' }, 3000);
    s = play(s, 'p2', { type: 'say', text: 'a-p-p-l-e-s' }, 3000);
    s = play(s, 'p2', { type: 'say', text: 'pineapple' }, 3000);
    s = play(s, 'p2', { type: 'say', text: 'a pear' }, 3000);
    expect(s.lines.filter((l) => l.kind === 'chat').map((l) => [l.text, l.to])).toEqual([
      ['is it an APPLE pie?', 'guessed'],
      ['a-p-p-l-e-s', 'guessed'],
      ['pineapple', 'guessed'],
      ['a pear', 'public'],
    ]);
    expect(view(s, 'public').lines.filter((l) => l.kind === 'chat').map((l) => l.text)).toEqual(['a pear']);
    expect(view(s, 'guessed').lines.filter((l) => l.kind === 'chat')).toHaveLength(4);
    expect(view(s, 'drawer:p1').lines.filter((l) => l.kind === 'chat')).toHaveLength(4);
  });

  it('the drawer and those who guessed talk among themselves while the turn runs', () => {
    let s = start({ settings: CUSTOM });
    s = play(s, 'p1', { type: 'say', text: 'hmm, hard choice' }, 100);
    s = choose(s, 1000);
    s = guessRight(s, 'p2', 2000);
    s = play(s, 'p2', { type: 'say', text: 'easy one' }, 2500);
    s = play(s, 'p1', { type: 'say', text: 'nice' }, 2600);
    s = play(s, 'p3', { type: 'say', text: 'no idea' }, 2700);
    expect(s.lines.filter((l) => l.kind === 'chat').map((l) => [l.by, l.to])).toEqual([
      ['p1', 'guessed'],
      ['p2', 'guessed'],
      ['p1', 'guessed'],
      ['p3', 'public'],
    ]);
    // In the pause, the word is known to all: everyone talks to everyone.
    const paused = advance(s, 1000 + 80_000);
    expect(play(paused, 'p2', { type: 'say', text: 'gg' }, 82_000).lines.at(-1)!.to).toBe('public');
  });

  it('lines said before the word was chosen stay as they were: hiding one that holds it would give the word away', () => {
    let s = start({ settings: CUSTOM });
    const word = s.turn.choices[0]!;
    s = play(s, 'p2', { type: 'say', text: `I bet it is ${word.toUpperCase()}` }, 100);
    s = play(s, 'p3', { type: 'say', text: 'hello' }, 200);
    const before = view(s, 'public').lines;
    expect(before).toHaveLength(2);
    s = choose(s, 1000, 0);
    expect(view(s, 'public').lines).toEqual(before);
  });

  it('a guesser who already guessed does not score again with the word', () => {
    let s = drawing('apple', {}, 4);
    s = guessRight(s, 'p2', 2000);
    const score = s.players[1]!.score;
    s = play(s, 'p2', { type: 'say', text: 'apple' }, 3000);
    expect(s.players[1]!.score).toBe(score);
    expect(s.turn.pub.guessed).toEqual(['p2']);
    expect(s.lines.at(-1)).toMatchObject({ kind: 'chat', to: 'guessed' });
  });

  it('the drawer saying the word is no guess, and only those who know it read it', () => {
    const s = play(drawing('apple'), 'p1', { type: 'say', text: 'apple' }, 2000);
    expect(s.turn.pub.guessed).toEqual([]);
    expect(view(s, 'public').lines).toEqual([]);
  });

  it('refuses empty and long lines', () => {
    const s = drawing();
    expect(refusal(s, 'p2', { type: 'say', text: '   ' })).toBe('EMPTY_LINE');
    expect(refusal(s, 'p2', { type: 'say', text: '\u200b\u2060' })).toBe('EMPTY_LINE');
    expect(refusal(s, 'p2', { type: 'say', text: 'a'.repeat(101) })).toBe('LINE_TOO_LONG');
  });

  it('keeps the last lines only', () => {
    let s = drawing();
    for (let i = 0; i < MAX_LINES + 20; i++) s = play(s, i % 2 ? 'p2' : 'p3', { type: 'say', text: `line ${i}` }, 2000);
    expect(s.lines).toHaveLength(MAX_LINES);
    expect(s.lines[0]!.text).toBe('line 20');
    expect(s.nextLineId).toBe(MAX_LINES + 21);
  });
});

describe('drawing', () => {
  it('only the drawer draws, and only while drawing', () => {
    const s = start({ settings: CUSTOM });
    for (const m of [STROKE, { type: 'fill' as const, c: 1, x: 1, y: 1 }, { type: 'undo' as const }, { type: 'clear' as const }]) {
      expect(refusal(s, 'p1', m), m.type).toBe('WRONG_PHASE');
      expect(refusal(s, 'p2', m), m.type).toBe('NOT_DRAWER');
    }
    const d = choose(s, 1000);
    for (const id of ['p2', 'p3']) expect(refusal(d, id, STROKE)).toBe('NOT_DRAWER');
    const paused = advance(play(d, 'p1', STROKE, 2000), 1000 + 80_000);
    expect(refusal(paused, 'p1', STROKE, 82_000)).toBe('WRONG_PHASE');
    expect(refusal(paused, 'p2', STROKE, 82_000)).toBe('NOT_DRAWER');
  });

  it('commits strokes with the width clamped into the set and the points into the canvas', () => {
    let s = drawing();
    s = play(s, 'p1', { type: 'stroke', c: 4, w: 1e9, p: [-10, 20, 30, 40, 5000, 5000], s: 12 }, 2000);
    s = play(s, 'p1', { type: 'stroke', c: 4, w: -7, p: [1, 1] }, 2000);
    s = play(s, 'p1', { type: 'stroke', c: 4, w: 2.6, p: [1, 1] }, 2000);
    expect(s.drawing).toEqual([
      { type: 'stroke', s: 12, c: 4, w: WIDTHS.length - 1, p: [0, 20, 30, 40, CANVAS.width, CANVAS.height] },
      { type: 'stroke', c: 4, w: 0, p: [1, 1] },
      { type: 'stroke', c: 4, w: 3, p: [1, 1] },
    ]);
    expect(s.drawingSize).toBe(10);
  });

  it('refuses strokes that are not whole points, and colours off the palette', () => {
    const s = drawing();
    expect(refusal(s, 'p1', { type: 'stroke', c: 1, w: 1, p: [1, 2, 3] })).toBe('BAD_STROKE');
    expect(refusal(s, 'p1', { type: 'stroke', c: 1, w: 1, p: [] })).toBe('BAD_STROKE');
    expect(refusal(s, 'p1', { type: 'stroke', c: 1, w: 1, p: [1.5, 2] })).toBe('BAD_STROKE');
    expect(refusal(s, 'p1', { type: 'stroke', c: 1, w: 1, p: [NaN, 2] })).toBe('BAD_STROKE');
    expect(refusal(s, 'p1', { type: 'stroke', c: 1, w: 1, p: Array(2 * MAX_STROKE_POINTS + 2).fill(1) })).toBe('BAD_STROKE');
    expect(refusal(s, 'p1', { type: 'stroke', c: 16, w: 1, p: [1, 2] })).toBe('BAD_REQUEST');
    expect(refusal(s, 'p1', { type: 'fill', c: -1, x: 1, y: 2 })).toBe('BAD_REQUEST');
    expect(refusal(s, 'p1', { type: 'fill', c: 1, x: 1.5, y: 2 })).toBe('BAD_STROKE');
  });

  it('records fills as operations, clamped into the canvas', () => {
    const s = play(drawing(), 'p1', { type: 'fill', c: 6, x: -4, y: 99_999 }, 2000);
    expect(s.drawing).toEqual([{ type: 'fill', c: 6, x: 0, y: CANVAS.height }]);
  });

  it('undo removes the last operation, clear all of them; neither on an empty drawing', () => {
    let s = drawing();
    expect(refusal(s, 'p1', { type: 'undo' })).toBe('NOTHING_TO_UNDO');
    expect(refusal(s, 'p1', { type: 'clear' })).toBe('NOTHING_TO_UNDO');
    s = play(s, 'p1', STROKE, 2000);
    s = play(s, 'p1', { type: 'fill', c: 1, x: 5, y: 5 }, 2000);
    s = play(s, 'p1', { type: 'undo' }, 2000);
    expect(s.drawing).toHaveLength(1);
    expect(s.drawingSize).toBe(6);
    s = play(s, 'p1', STROKE, 2000);
    s = play(s, 'p1', { type: 'clear' }, 2000);
    expect(s.drawing).toEqual([]);
    expect(s.drawingSize).toBe(0);
    expect(refusal(s, 'p1', { type: 'undo' })).toBe('NOTHING_TO_UNDO');
  });

  it(`bounds a turn to ${MAX_OPS_PER_TURN} operations, undone ones included`, () => {
    let s = drawing();
    for (let i = 0; i < MAX_OPS_PER_TURN; i++) s = play(s, 'p1', { type: 'fill', c: 1, x: i, y: 1 }, 2000);
    expect(refusal(s, 'p1', STROKE, 2000)).toBe('DRAWING_FULL');
    s = play(s, 'p1', { type: 'clear' }, 2000);
    expect(refusal(s, 'p1', STROKE, 2000)).toBe('DRAWING_FULL');
  });

  it(`bounds the drawing to ${MAX_DRAWING_COORDS} coordinates; undo makes room`, () => {
    let s = drawing();
    const long = { type: 'stroke' as const, c: 1, w: 1, p: Array.from({ length: 2 * MAX_STROKE_POINTS }, (_, i) => i % 800) };
    const fit = Math.floor(MAX_DRAWING_COORDS / long.p.length);
    for (let i = 0; i < fit; i++) s = play(s, 'p1', long, 2000);
    expect(refusal(s, 'p1', long, 2000)).toBe('DRAWING_FULL');
    s = play(s, 'p1', { type: 'undo' }, 2000);
    expect(tryMove(s, 'p1', long, 2000).ok).toBe(true);
  });

  it('a new turn starts with an empty drawing, and the finished one goes to the gallery', () => {
    let s = drawing();
    s = play(s, 'p1', STROKE, 2000);
    const drawn = s.drawing;
    s = advance(s, 1000 + 80_000);
    expect(s.gallery).toEqual([{ turn: 1, drawer: 'p1', word: 'apple', ops: drawn }]);
    s = advance(s, 1000 + 80_000 + PAUSE_MS);
    expect(s.turn.pub.drawer).toBe('p2');
    expect(s.drawing).toEqual([]);
    expect(s.opsThisTurn).toBe(0);
  });
});

describe('moves and turns', () => {
  it('refuses a move made for another turn', () => {
    const s = drawing();
    expect(refusal(s, 'p2', { type: 'say', text: 'hi', turn: 2 })).toBe('STALE_TURN');
    expect(tryMove(s, 'p2', { type: 'say', text: 'hi', turn: 1 }).ok).toBe(true);
  });

  it('judges a late move after the timer that passed', () => {
    const s = drawing('apple');
    // The turn ended at 81 000; the server's timer has not fired yet. The guess lands in the pause.
    const late = play(s, 'p2', { type: 'say', text: 'apple' }, 81_500);
    expect(late.phase).toBe('pause');
    expect(late.turn.pub.guessed).toEqual([]);
    expect(late.lines.at(-1)).toMatchObject({ text: 'apple', to: 'public' });
  });

  it('refuses players without a seat; admits a seated player the roster hook did not announce', () => {
    const s = drawing();
    expect(move(s, { type: 'say', text: 'hi' }, { playerId: 'spec', seat: 'bogus' }, 2000)).toMatchObject({ ok: false, error: { code: 'NOT_IN_GAME' } });
    const joined = play(s, 'newbie', { type: 'say', text: 'hi' }, 2000);
    expect(joined.players.at(-1)).toMatchObject({ id: 'newbie', score: 0, left: false });
    expect(guessRight(joined, 'newbie', 3000).turn.pub.guessed).toEqual(['newbie']);
  });

  it('refuses every move once the game is over, with GAME_OVER', () => {
    const { state, now } = playToEnd(start({ settings: { ...CUSTOM, rounds: 1 } }));
    expect(state.phase).toBe('over');
    for (const m of [STROKE, { type: 'say' as const, text: 'hi' }, { type: 'choose' as const, index: 0 }]) {
      expect(refusal(state, 'p1', m, now)).toBe('GAME_OVER');
    }
    expect(move(state, STROKE, as('p1'), now)).toMatchObject({ ok: false });
  });
});

describe('outcome', () => {
  it('is null while playing, then ranks players best first, ties in join order', () => {
    const s = start({ players: 3, settings: { ...CUSTOM, rounds: 1 } });
    expect(outcome(s)).toBeNull();
    const { state } = playToEnd(s);
    const out = outcome(state)!;
    expect(out.winner).toBeNull();
    expect(out.reason).toBe('rounds played');
    expect(out.ranking!.map((r) => r.score)).toEqual([...out.ranking!.map((r) => r.score)].sort((a, b) => b - a));
    expect(out.ranking!.map((r) => r.playerId).sort()).toEqual(['p1', 'p2', 'p3']);
    const tied = { ...state, players: state.players.map((p) => ({ ...p, score: 10 })) };
    expect(outcome(tied)!.ranking!.map((r) => r.playerId)).toEqual(['p1', 'p2', 'p3']);
  });
});
