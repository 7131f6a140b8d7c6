import { describe, expect, it } from 'vitest';
import { dealChoices, sources } from './deal';
import { fillOp } from './draw';
import {
  CHOICE_MS,
  deadline,
  DRAWER_AWAY_GRACE_MS,
  DRAWER_MAX,
  hintTime,
  MAX_GALLERY,
  MAX_GALLERY_COORDS,
  PAUSE_MS,
  tick,
} from './flow';
import { roster } from './rules';
import { DEFAULT_SETTINGS } from './settings';
import { advance, choose, drawerOf, guessRight, play, playToEnd, rosterChange, runUntil, start, STROKE } from './testing';
import type { SketchSettings, SketchState } from './types';
import { view } from './view';
import { EASY_WORDS, HARD_WORDS, MEDIUM_WORDS } from './words';

const WORDS = ['apple', 'banana', 'cherry', 'kiwi', 'lemon', 'mango', 'peach', 'plum', 'grape', 'melon', 'lime', 'fig'];
const CUSTOM: Partial<SketchSettings> = { customWords: WORDS, customOnly: true };

/** Who drew, turn after turn (skips included), playing every turn to its end at once. */
function drawers(state: SketchState): string[] {
  return playToEnd(state).state.history.map((h) => `${h.round}:${h.drawer}${h.reason === 'skipped' ? '(skipped)' : ''}`);
}

describe('the order of drawers', () => {
  it('every player draws once per round, in join order, for the rounds set', () => {
    const s = start({ players: ['ana', 'ben', 'cy'], settings: { ...CUSTOM, rounds: 2 } });
    expect(drawers(s)).toEqual(['1:ana', '1:ben', '1:cy', '2:ana', '2:ben', '2:cy']);
    expect(playToEnd(s).state).toMatchObject({ phase: 'over', endReason: 'rounds played', round: 2 });
  });

  it('appends a late joiner, who draws at the end of the running round and gets a score line at once', () => {
    let s = start({ players: ['ana', 'ben'], settings: { ...CUSTOM, rounds: 2 } });
    s = rosterChange(s, 'joined', 'zoe', 10);
    expect(s.players.at(-1)).toEqual({ id: 'zoe', seq: 2, score: 0, away: false, left: false });
    expect(drawers(s)).toEqual(['1:ana', '1:ben', '1:zoe', '2:ana', '2:ben', '2:zoe']);
  });

  it('a late joiner guesses in the turn under way', () => {
    let s = choose(start({ players: 2, settings: CUSTOM }), 100);
    s = rosterChange(s, 'joined', 'zoe', 200);
    s = guessRight(s, 'zoe', 300);
    expect(s.turn.pub.guessed).toEqual(['zoe']);
  });

  it('skips a player who is away when their turn comes, for that round', () => {
    let s = start({ players: ['ana', 'ben', 'cy'], settings: { ...CUSTOM, rounds: 2 } });
    s = rosterChange(s, 'away', 'ben', 10);
    const { state } = runUntil(choose(s, 20), 'choosing', 20);
    expect(drawerOf(state)).toBe('cy');
    expect(state.history.map((h) => [h.drawer, h.reason])).toEqual([
      ['ana', 'time'],
      ['ben', 'skipped'],
    ]);
    const back = rosterChange(state, 'back', 'ben', state.turn.pub.endsAt - 1);
    expect(drawers(back)).toEqual(['1:ana', '1:ben(skipped)', '1:cy', '2:ana', '2:ben', '2:cy']);
  });

  it('a player who leaves and comes back keeps their score and draws at most once a round', () => {
    let s = start({ players: ['ana', 'ben', 'cy'], settings: { ...CUSTOM, rounds: 1 } });
    s = choose(s, 10);
    s = guessRight(s, 'ben', 20);
    const score = s.players[1]!.score;
    s = rosterChange(s, 'left', 'ben', 30);
    expect(s.players[1]).toMatchObject({ id: 'ben', left: true, score });
    // ana's turn: cy alone is left to guess.
    s = guessRight(s, 'cy', 40);
    expect(s.phase).toBe('pause');
    s = rosterChange(s, 'joined', 'ben', 50);
    expect(s.players.find((p) => p.id === 'ben')).toMatchObject({ left: false, score });
    expect(drawers(s)).toEqual(['1:ana', '1:ben', '1:cy']);
  });

  it('a player whose place passed while they were gone draws at the end of the round', () => {
    let s = start({ players: ['ana', 'ben', 'cy', 'dan'], settings: { ...CUSTOM, rounds: 1 } });
    s = rosterChange(s, 'left', 'ben', 10);
    ({ state: s } = runUntil(choose(s, 20), 'choosing', 20));
    expect(drawerOf(s)).toBe('cy');
    s = rosterChange(s, 'joined', 'ben', s.turn.pub.endsAt - 1);
    expect(s.players.map((p) => p.id)).toEqual(['ana', 'cy', 'dan', 'ben']);
    expect(drawers(s)).toEqual(['1:ana', '1:cy', '1:dan', '1:ben']);
  });

  it('ignores players without a player seat (more players than the game takes)', () => {
    const s = start({ players: 2, settings: CUSTOM });
    const players = [...s.players.map((p) => ({ id: p.id, seat: 'player', connected: true })), { id: 'extra', seat: null, connected: true }];
    expect(roster(s, { type: 'joined', playerId: 'extra' }, players, 10)).toBeNull();
  });

  it('treats a player who lost their seat as gone', () => {
    const s = start({ players: 3, settings: CUSTOM });
    const players = s.players.map((p) => ({ id: p.id, seat: p.id === 'p3' ? null : 'player', connected: true }));
    const next = roster(s, { type: 'back', playerId: 'p2' }, players, 10)!;
    expect(next.players.find((p) => p.id === 'p3')!.left).toBe(true);
  });
});

describe('a drawer who goes', () => {
  it('leaving ends the turn at once: the word is shown, the drawer scores nothing, guessers keep their points', () => {
    let s = choose(start({ players: 4, settings: CUSTOM }), 100);
    s = guessRight(s, 'p2', 1000);
    const p2 = s.players[1]!.score;
    s = rosterChange(s, 'left', 'p1', 2000);
    expect(s.phase).toBe('pause');
    expect(s.turn.pub.result).toMatchObject({ reason: 'drawer-left', points: [{ id: 'p2', points: p2 }] });
    expect(view(s, 'public').word).toBe(s.turn.word);
    expect(s.players.find((p) => p.id === 'p1')!.score).toBe(0);
  });

  it('leaving while choosing passes the turn to the next player at once', () => {
    let s = start({ players: 3, settings: CUSTOM });
    s = rosterChange(s, 'left', 'p1', 100);
    expect(s.phase).toBe('choosing');
    expect(drawerOf(s)).toBe('p2');
    expect(s.turn.pub.number).toBe(2);
    expect(s.history).toEqual([{ turn: 1, round: 1, drawer: 'p1', word: null, reason: 'drawer-left', points: [] }]);
  });

  it('away keeps the turn for a grace period, and coming back in time carries on', () => {
    let s = choose(start({ players: 3, settings: CUSTOM }), 100);
    s = rosterChange(s, 'away', 'p1', 1000);
    expect(s.turn.drawerAwayUntil).toBe(1000 + DRAWER_AWAY_GRACE_MS);
    expect(deadline(s)).toBe(1000 + DRAWER_AWAY_GRACE_MS);
    s = rosterChange(s, 'back', 'p1', 5000);
    expect(s.turn.drawerAwayUntil).toBeNull();
    expect(advance(s, 1000 + DRAWER_AWAY_GRACE_MS).phase).toBe('drawing');
  });

  it('away past the grace period loses the turn, with no points for the drawer', () => {
    let s = choose(start({ players: 3, settings: CUSTOM }), 100);
    s = guessRight(s, 'p2', 500);
    s = rosterChange(s, 'away', 'p1', 1000);
    s = advance(s, 1000 + DRAWER_AWAY_GRACE_MS);
    expect(s.phase).toBe('pause');
    expect(s.turn.pub.result?.reason).toBe('drawer-away');
    expect(s.players[0]!.score).toBe(0);
  });
});

describe('guessers who go', () => {
  it('the turn ends when the guessers still here have all guessed', () => {
    let s = choose(start({ players: 4, settings: CUSTOM }), 100);
    s = guessRight(s, 'p2', 500);
    s = rosterChange(s, 'away', 'p3', 600);
    expect(s.phase).toBe('drawing');
    s = rosterChange(s, 'left', 'p4', 700);
    expect(s.phase).toBe('pause');
    expect(s.turn.pub.result?.reason).toBe('guessed');
    // The drawer's share counts the guesser who got it against those who could: p3 is away, p4 left.
    expect(s.players[0]!.score).toBe(DRAWER_MAX);
  });

  it('an away guesser who comes back is waited for again', () => {
    let s = choose(start({ players: 3, settings: CUSTOM }), 100);
    s = rosterChange(s, 'away', 'p3', 200);
    s = rosterChange(s, 'back', 'p3', 300);
    s = guessRight(s, 'p2', 400);
    expect(s.phase).toBe('drawing');
  });

  it('the game ends when fewer than two players are left', () => {
    let s = choose(start({ players: 2, settings: CUSTOM }), 100);
    s = rosterChange(s, 'left', 'p2', 200);
    expect(s).toMatchObject({ phase: 'over', endReason: 'too few players' });
    expect(s.turn.pub.result?.reason).toBe('players-left');
    expect(deadline(s)).toBeNull();
    expect(rosterChange(s, 'joined', 'p9', 300)).toBe(s);
  });
});

describe('timers', () => {
  it('the deadline is the next due moment: choice, hints, turn end, pause end', () => {
    let s = start({ players: 3, settings: { ...CUSTOM, drawSeconds: 60, hints: 2 } });
    expect(deadline(s)).toBe(CHOICE_MS);
    s = choose(s, 1000);
    const word = s.turn.word!;
    const hints = Math.min(2, Math.floor(word.length / 2));
    expect(s.turn.hintPlan).toHaveLength(hints);
    expect(deadline(s)).toBe(hints > 0 ? 1000 + 20_000 : 61_000);
    expect(hintTime(s, 0)).toBe(1000 + 20_000);
    expect(hintTime(s, 1)).toBe(1000 + 40_000);
    s = advance(s, 61_000);
    expect(s.phase).toBe('pause');
    expect(deadline(s)).toBe(61_000 + PAUSE_MS);
    s = advance(s, 61_000 + PAUSE_MS);
    expect(s.phase).toBe('choosing');
    expect(deadline(s)).toBe(61_000 + PAUSE_MS + CHOICE_MS);
  });

  it('tick does nothing before a deadline, and null says so', () => {
    const s = start({ players: 3, settings: CUSTOM });
    expect(tick(s, CHOICE_MS - 1)).toBeNull();
    expect(tick(s, CHOICE_MS)).not.toBeNull();
  });

  it('a late tick starts the next phase from now: the pause is never cut short, and an outage does not play the game', () => {
    const s = choose(start({ players: 3, settings: { ...CUSTOM, drawSeconds: 30 } }), 0);
    const late = advance(s, 10 * 60_000);
    expect(late.phase).toBe('pause');
    expect(late.turn.pub.endsAt).toBe(10 * 60_000 + PAUSE_MS);
    expect(late.turn.pub.number).toBe(1);
  });

  it('hints are revealed one at a time when due, in the hidden letters only, never more than half', () => {
    let s = start({ players: 3, settings: { ...CUSTOM, customWords: ['watermelon', 'strawberry', 'pineapple', 'blueberry', 'raspberry', 'gooseberry', 'grapefruit', 'clementine', 'tangerine', 'nectarine'], hints: 5, drawSeconds: 60 } });
    s = choose(s, 0);
    const word = s.turn.word!;
    const n = s.turn.hintPlan.length;
    expect(n).toBe(Math.min(5, Math.floor(word.length / 2)));
    for (let k = 0; k < n; k++) {
      const at = hintTime(s, k)!;
      expect(at).toBe(Math.floor((60_000 * (k + 1)) / (n + 1)));
      const before = advance(s, at - 1);
      expect(before.turn.hintsShown).toBe(k);
      expect(before.turn.pub.mask!.filter((c) => c !== null)).toHaveLength(k);
      s = advance(s, at);
      expect(s.turn.hintsShown).toBe(k + 1);
      const mask = s.turn.pub.mask!;
      expect(mask.filter((c) => c !== null)).toHaveLength(k + 1);
      mask.forEach((c, i) => c !== null && expect(c).toBe(word[i]));
    }
    expect(deadline(s)).toBe(60_000);
  });

  it('no hints when the host sets none', () => {
    const s = choose(start({ players: 3, settings: { ...CUSTOM, hints: 0 } }), 0);
    expect(s.turn.hintPlan).toEqual([]);
    expect(deadline(s)).toBe(80_000);
  });
});

describe('the gallery', () => {
  it('keeps each drawing with its word, dropping the oldest beyond its bounds', () => {
    let s = start({ players: 3, settings: { ...CUSTOM, rounds: 10 } });
    let now = 0;
    for (let turn = 0; turn < 20 && s.phase !== 'over'; turn++) {
      s = choose(s, now);
      s = play(s, drawerOf(s), STROKE, now);
      ({ state: s, now } = runUntil(s, 'choosing', now));
    }
    expect(s.gallery).toHaveLength(20);
    expect(s.gallery.every((g) => g.ops.length === 1 && g.word !== '')).toBe(true);
    expect(s.gallery.map((g) => g.turn)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // A drawing that is all fills is cheap; beyond MAX_GALLERY entries the oldest go.
    const many = { ...s, gallery: Array.from({ length: MAX_GALLERY }, (_, i) => ({ turn: i, drawer: 'p1', word: 'w', ops: [fillOp(1, 1, 1)] })) };
    const ended = advance(play(choose(many, now), drawerOf(many), STROKE, now), now + 80_000);
    expect(ended.gallery).toHaveLength(MAX_GALLERY);
    expect(ended.gallery[0]!.turn).toBe(1);
    // And beyond MAX_GALLERY_COORDS coordinates too, keeping at least the newest.
    const heavy = { ...s, gallery: [{ turn: 0, drawer: 'p1', word: 'w', ops: [{ type: 'stroke' as const, c: 1, w: 1, p: Array(MAX_GALLERY_COORDS).fill(1) }] }] };
    const kept = advance(play(choose(heavy, now), drawerOf(heavy), STROKE, now), now + 80_000);
    expect(kept.gallery.map((g) => g.turn)).toEqual([s.turn.pub.number]);
  });
});

describe('the words offered', () => {
  const played = new Set<string>();
  it('come from the tiers the host weighs, and never twice in one offer', () => {
    const only = (tiers: SketchSettings['tiers']) => ({ ...DEFAULT_SETTINGS, tiers });
    for (let seed = 0; seed < 50; seed++) {
      const hard = dealChoices(only({ easy: 0, medium: 0, hard: 3 }), played, 5, seed).choices;
      expect(hard.every((w) => HARD_WORDS.includes(w))).toBe(true);
      expect(new Set(hard).size).toBe(5);
      const easy = dealChoices(only({ easy: 1, medium: 0, hard: 0 }), played, 3, seed).choices;
      expect(easy.every((w) => EASY_WORDS.includes(w))).toBe(true);
    }
    // Weights: 9 to 1 gives about nine easy words in ten.
    let easyCount = 0;
    for (let seed = 0; seed < 400; seed++) {
      const [w] = dealChoices(only({ easy: 9, medium: 1, hard: 0 }), played, 1, seed).choices;
      if (EASY_WORDS.includes(w!)) easyCount++;
      else expect(MEDIUM_WORDS).toContain(w);
    }
    expect(easyCount).toBeGreaterThan(330);
    expect(easyCount).toBeLessThan(390);
  });

  it('with a custom list: its words alone, or mixed about half and half with the default list', () => {
    const custom = ['zebra crossing', 'rubber duck', 'paper plane'];
    const alone = { ...DEFAULT_SETTINGS, customWords: custom, customOnly: true };
    expect(sources(alone).map((s) => s.source)).toEqual(['custom']);
    expect(dealChoices(alone, played, 5, 1).choices.sort()).toEqual([...custom].sort());
    let fromCustom = 0;
    for (let seed = 0; seed < 400; seed++) {
      const [w] = dealChoices({ ...alone, customWords: [...custom, ...Array.from({ length: 50 }, (_, i) => `custom word ${String.fromCharCode(97 + (i % 26))}${i}`)], customOnly: false }, played, 1, seed).choices;
      if (w!.startsWith('custom') || custom.includes(w!)) fromCustom++;
    }
    expect(fromCustom).toBeGreaterThan(160);
    expect(fromCustom).toBeLessThan(240);
  });

  it('prefer words not played yet in the room, and fall back on played ones only when none is left', () => {
    const settings = { ...DEFAULT_SETTINGS, customWords: ['one', 'two', 'three', 'four'], customOnly: true };
    for (let seed = 0; seed < 20; seed++) {
      expect(dealChoices(settings, new Set(['one', 'two']), 2, seed).choices.sort()).toEqual(['four', 'three']);
      const three = dealChoices(settings, new Set(['one', 'two']), 3, seed).choices;
      expect(three.slice(0, 2).sort()).toEqual(['four', 'three']);
    }
  });

  it('a played word is not offered again in the game, nor in a rematch while fresh ones remain', () => {
    const first = playToEnd(start({ players: 3, settings: { ...CUSTOM, rounds: 2 } })).state;
    const words = first.history.map((h) => h.word);
    expect(new Set(words).size).toBe(6);
    const rematch = start({ players: 3, settings: { ...CUSTOM, rounds: 2 }, previous: first });
    expect(rematch.turn.choices.some((c) => words.includes(c))).toBe(false);
  });
});
