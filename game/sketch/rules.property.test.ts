import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Moved, PUBLIC_AUDIENCE } from '../engine';
import { deadline, SEAT, tick } from './flow';
import { move, outcome, roster, setup } from './rules';
import { DEFAULT_SETTINGS } from './settings';
import { matchKey } from './text';
import { as, rosterAfter, rosterOf, sameLookWord, unwrap, wordLeaks, withSecret } from './testing';
import type { SketchMove, SketchSettings, SketchState } from './types';
import { audience, view } from './view';

/**
 * Seeded fuzzing of whole games: random mixes of legal and illegal moves by random players,
 * joins, leaves, disconnections and the clock, checking after every step that the rules
 * hold and that nobody who may not know the word can find it in what they are sent.
 * A failing case prints its seed and path; pin it as a named regression test.
 */

/**
 * Secret words with keys that hold no other word's key and no text of a view (ids, phases),
 * with spaces, hyphens and apostrophes, so that a key found in a view is a real leak.
 */
const VOCAB = [
  'qzalbo', 'qzbrun', 'qzcift', 'qzdomp', 'qzelk vy', 'qzfarn-tu', 'qzgulp', 'qzhesk', "qzi'mow", 'qzjant',
  'qzkorb', 'qzlimf', 'qzmurg', 'qzneb od', 'qzoft', 'qzpelk', 'qzquon', 'qzrisp', 'qzsulk', 'qztamb',
  'qzuvel', 'qzvorn', 'qzwisk', 'qzxalt', 'qzyomp', 'qzzerb', 'qzabdu', 'qzbeko', 'qzcadi', 'qzdufe',
];
const FILLERS = ['hello', 'is it a', 'nice!', 'hmm', 'that looks like', '???', 'go go', 'wow'];

type Say = { kind: 'word' | 'close' | 'sentence' | 'vocab' | 'noise' | 'blank' | 'long'; pick: number; style: number };

type Action =
  | { kind: 'tick'; dt: number }
  | { kind: 'legal'; pick: number; dt: number }
  | { kind: 'say'; who: number; say: Say; dt: number }
  | { kind: 'raw'; who: number; move: SketchMove; dt: number }
  | { kind: 'roster'; change: 'join' | 'leave' | 'away' | 'back' | 'rejoin'; who: number; dt: number };

const coords = fc.array(fc.integer({ min: -300, max: 2000 }), { minLength: 0, maxLength: 12 });
const rawMove: fc.Arbitrary<SketchMove> = fc.oneof(
  fc.integer({ min: -1, max: 5 }).map((index) => ({ type: 'choose' as const, index })),
  fc.record({ c: fc.integer({ min: -1, max: 17 }), w: fc.oneof(fc.integer({ min: -5, max: 9 }), fc.constant(1e9)), p: coords }).map((r) => ({ type: 'stroke' as const, ...r })),
  fc.record({ c: fc.integer({ min: 0, max: 15 }), x: fc.integer({ min: -50, max: 1700 }), y: fc.integer({ min: -50, max: 1000 }) }).map((r) => ({ type: 'fill' as const, ...r })),
  fc.constant({ type: 'undo' as const }),
  fc.constant({ type: 'clear' as const }),
  fc.integer({ min: 0, max: 40 }).map((turn) => ({ type: 'say' as const, text: 'hi', turn })),
);
const say: fc.Arbitrary<Say> = fc.record({
  kind: fc.constantFrom<Say['kind']>('word', 'word', 'close', 'sentence', 'sentence', 'vocab', 'vocab', 'noise', 'blank', 'long'),
  pick: fc.nat(1000),
  style: fc.nat(7),
});
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), dt: fc.nat(40_000) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('legal' as const), pick: fc.nat(1000), dt: fc.nat(6_000) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('say' as const), who: fc.nat(20), say, dt: fc.nat(6_000) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('raw' as const), who: fc.nat(20), move: rawMove, dt: fc.nat(6_000) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('roster' as const),
      change: fc.constantFrom<'join' | 'leave' | 'away' | 'back' | 'rejoin'>('join', 'leave', 'away', 'back', 'rejoin'),
      who: fc.nat(20),
      dt: fc.nat(8_000),
    }),
    weight: 1,
  },
);

const settingsArb: fc.Arbitrary<SketchSettings> = fc.record({
  rounds: fc.integer({ min: 1, max: 3 }),
  drawSeconds: fc.constantFrom(30, 45, 60),
  choices: fc.integer({ min: 1, max: 5 }),
  hints: fc.integer({ min: 0, max: 5 }),
}).map((r) => ({ ...DEFAULT_SETTINGS, ...r, customWords: VOCAB, customOnly: true }));

/** A text for a line, from the current word (when there is one) and the vocabulary. */
function sayText(state: SketchState, s: Say): string {
  const word = state.turn.word ?? VOCAB[s.pick % VOCAB.length]!;
  const styled = [word, word.toUpperCase(), ` ${word} `, word.replace(/ /g, ''), word.replace(/[aeiou]/, (v) => `${v}\u0301`), word.split('').join(' '), `${word}!`, word.replace(/-/g, ' ')][s.style]!;
  switch (s.kind) {
    case 'word':
      return styled;
    case 'close': {
      const i = s.pick % word.length;
      return s.style % 2 === 0 ? word.slice(0, i) + (word[i] === 'x' ? 'y' : 'x') + word.slice(i + 1) : word.slice(0, i) + word.slice(i + 1);
    }
    case 'sentence':
      return `${FILLERS[s.pick % FILLERS.length]} ${styled} ${FILLERS[s.style % FILLERS.length]}`;
    case 'vocab':
      return VOCAB[s.pick % VOCAB.length]!;
    case 'noise':
      return FILLERS[s.pick % FILLERS.length]!;
    case 'blank':
      return ' \u200b ';
    case 'long':
      return 'x'.repeat(101);
  }
}

/** A move that is usually accepted: the drawer chooses or draws, a guesser guesses right. */
function legalMove(state: SketchState, pick: number): { by: string; move: SketchMove } | null {
  const t = state.turn;
  if (state.phase === 'choosing') return { by: t.pub.drawer, move: { type: 'choose', index: pick % Math.max(1, t.choices.length) } };
  if (state.phase !== 'drawing') return null;
  const guessers = state.players.filter((p) => !p.left && p.id !== t.pub.drawer && !t.pub.guessed.includes(p.id));
  if (pick % 3 === 0 && guessers.length > 0) return { by: guessers[pick % guessers.length]!.id, move: { type: 'say', text: t.word! } };
  if (pick % 7 === 1) return { by: t.pub.drawer, move: { type: 'undo' } };
  return { by: t.pub.drawer, move: { type: 'stroke', c: pick % 16, w: pick % 5, p: [pick % 1600, pick % 900, (pick * 7) % 1600, (pick * 3) % 900] } };
}

/** The players of the room: every player the game knows who has not left, plus those in the harness. */
function someone(state: SketchState, who: number): string {
  const here = state.players.filter((p) => !p.left).map((p) => p.id);
  const pool = [...here, 'spectator', 'stranger'];
  return pool[who % pool.length]!;
}

function check(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}

/** Everything checked after every step. */
/**
 * What the checks remember across steps: each round's drawers' join order so far, and the
 * first line id said after each turn's word was chosen (lines said before stay as they were).
 */
interface Memo {
  readonly order: Map<number, number[]>;
  readonly drawingFrom: Map<number, number>;
}

function problemsOf(before: SketchState, after: SketchState, now: number, explicitTick: boolean, { order, drawingFrom }: Memo): string[] {
  const problems: string[] = [];
  const fail = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const t = after.turn;
  const running = after.phase === 'choosing' || after.phase === 'drawing';

  // Scores: never negative, never down, and all of them are what the turns gave.
  fail(after.players.every((p) => Number.isInteger(p.score) && p.score >= 0), 'scores are whole and not negative');
  fail(before.players.every((b) => (after.players.find((p) => p.id === b.id)?.score ?? b.score) >= b.score), 'scores never go down');
  const total = after.players.reduce((n, p) => n + p.score, 0);
  const given = after.history.reduce((n, r) => n + r.points.reduce((m, x) => m + x.points, 0), 0) + (running ? t.points.reduce((n, x) => n + x.points, 0) : 0);
  fail(total === given, `scores sum to the points the turns gave (${total} against ${given})`);
  for (const r of after.history) {
    if (r.turn === null) continue;
    const drawer = r.points.filter((x) => x.id === r.drawer);
    fail(drawer.length <= 1 && drawer.every((x) => x.points <= 250 && (r.reason === 'guessed' || r.reason === 'time')), 'the drawer scores once, by share, only when the turn ran its course');
    fail(r.points.every((x) => x.id === r.drawer || (x.points >= 50 && x.points <= 350)), 'a guess scores 50 to 350');
  }

  // Order: a turn (or skip) of a round, logged in history when it ends, comes after the round's earlier ones in join order.
  const seqOf = (id: string) => after.players.find((p) => p.id === id)?.seq ?? -1;
  const fresh = after.history.slice(before.history.length).map((r) => ({ round: r.round, seq: seqOf(r.drawer) }));
  for (const entry of fresh) {
    const seqs = order.get(entry.round) ?? [];
    fail(seqs.every((q) => q < entry.seq), `round ${entry.round} follows join order once each: ${seqs} then ${entry.seq}`);
    order.set(entry.round, seqs.concat(entry.seq));
  }
  fail(after.round >= before.round && t.pub.number >= before.turn.pub.number, 'rounds and turns never go back');

  // Hints: revealed only once due, and only the word's own letters.
  if (after.phase === 'drawing') {
    const shown = (t.pub.mask ?? []).filter((c, i) => c !== null && /[\p{L}\p{N}]/u.test(c) && t.hintPlan.includes(i)).length;
    fail(shown === t.hintsShown, 'the mask holds exactly the hints shown');
    if (before.turn.pub.number === t.pub.number && before.phase === 'choosing') fail(t.drawStart === now, 'drawing starts when the word is chosen');
    // Hints at even intervals of the draw time, from its start: k of n at start + time * k / (n + 1).
    const n = t.hintPlan.length;
    const at = (k: number) => t.drawStart! + Math.floor((after.settings.drawSeconds * 1000 * k) / (n + 1));
    let due = 0;
    while (due < n && at(due + 1) <= now) due++;
    fail(t.hintsShown <= due, 'no hint before its time');
    if (explicitTick) fail(t.hintsShown === due, 'every hint due is shown after a tick');
    fail(t.hintsShown <= Math.floor((t.pub.mask ?? []).filter((c) => c === null || /[\p{L}\p{N}]/u.test(c)).length / 2), 'at most half the letters are hints');
  }

  // Privacy: nobody who may not know the word finds it in their view, before or after hints,
  // but in lines said before it was chosen (a guess at the choices is no leak).
  if (after.phase === 'drawing' && t.word !== null) {
    if (!drawingFrom.has(t.pub.number)) drawingFrom.set(t.pub.number, before.turn.pub.number === t.pub.number ? before.nextLineId : 0);
    const since = drawingFrom.get(t.pub.number)!;
    const viewers = [...after.players.filter((p) => !p.left).map((p) => p.id), 'spectator'];
    for (const id of viewers) {
      const key = audience(after, { playerId: id, seat: id === 'spectator' ? null : SEAT });
      const knows = id === t.pub.drawer || t.pub.guessed.includes(id);
      fail(knows === (key !== PUBLIC_AUDIENCE), `${id} is in the audience of what they know (${key})`);
      if (!knows) {
        const seen = view(after, key);
        const leaks = wordLeaks({ ...seen, lines: seen.lines.filter((l) => l.id >= since) }, t.word);
        fail(leaks.length === 0, `${id} can read the word: ${leaks.join(', ')}`);
      }
    }
    // Metamorphic: another word of the same look changes nothing the public is sent.
    const other = sameLookWord(t.word, t.pub.mask!, 1 + (t.pub.number % 24));
    fail(JSON.stringify(view(withSecret(after, other), PUBLIC_AUDIENCE)) === JSON.stringify(view(after, PUBLIC_AUDIENCE)), 'the public view depends on the hidden letters');
  }
  if (after.phase === 'choosing') {
    const swapped = { ...after, turn: { ...t, choices: t.choices.map((c) => `${c}zz`) } };
    fail(JSON.stringify(view(swapped, PUBLIC_AUDIENCE)) === JSON.stringify(view(after, PUBLIC_AUDIENCE)), 'the public view depends on the choices');
  }
  const json = JSON.stringify(view(after, PUBLIC_AUDIENCE));
  fail(!/rng|usedWords|customWords|hintPlan|wordKey|choices":\[|drawStart|qzalbo, /.test(json), 'no hidden field in the public view');
  fail(after.lines.every((l) => l.kind === 'chat' || l.text === ''), 'a right guess is never written down');

  // The end: an outcome exactly when over, ranked best first, and no timer after it.
  const out = outcome(after);
  fail((out !== null) === (after.phase === 'over'), 'an outcome exactly when over');
  if (out) {
    fail(out.ranking!.every((r, i) => i === 0 || r.score <= out.ranking![i - 1]!.score), 'ranking best first');
    fail(deadline(after) === null, 'no deadline after the end');
  } else {
    fail(deadline(after) !== null, 'a running game always has a deadline');
  }
  return problems;
}

interface Run {
  state: SketchState;
  /** Lines kept from the public because they held the word. */
  hidden: number;
  refusals: Set<string>;
  notices: number;
  rounds: Map<number, { left: Set<string> }>;
}

/** Plays one random game, checking every step; returns what happened. */
function runGame(seed: number, settings: SketchSettings, players: number, actions: readonly Action[], checks = true): Run {
  let now = 1_000;
  let state = unwrap(setup({ settings, seed, now, previous: null, players: rosterOf(Array.from({ length: players }, (_, i) => `p${i + 1}`)) }));
  const refusals = new Set<string>();
  let notices = 0;
  let joined = 0;
  const rounds = new Map<number, { left: Set<string> }>();
  const roundInfo = (r: number) => {
    let info = rounds.get(r);
    if (!info) rounds.set(r, (info = { left: new Set() }));
    return info;
  };
  const memo: Memo = { order: new Map(), drawingFrom: new Map() };
  if (checks) check(problemsOf(state, state, now, true, memo));
  for (const a of actions) {
    if (state.phase === 'over') break;
    now += a.dt;
    const before = state;
    let explicitTick = false;
    switch (a.kind) {
      case 'tick': {
        const due = deadline(state);
        const next = tick(state, now);
        if ((next === null) !== (due === null || now < due)) check(['tick acts exactly when a deadline passed']);
        if (next) state = next;
        explicitTick = true;
        break;
      }
      case 'roster': {
        const here = state.players.filter((p) => !p.left);
        const gone = state.players.filter((p) => p.left);
        const pick = (list: readonly { id: string }[]) => list[a.who % Math.max(1, list.length)]?.id;
        let change: { type: 'joined' | 'left' | 'away' | 'back'; playerId: string } | null = null;
        if (a.change === 'join' && here.length < 8) change = { type: 'joined', playerId: `j${++joined}` };
        if (a.change === 'rejoin' && gone.length > 0) change = { type: 'joined', playerId: pick(gone)! };
        if (a.change === 'leave' && here.length > 0) change = { type: 'left', playerId: pick(here)! };
        if (a.change === 'away') change = pick(here.filter((p) => !p.away)) ? { type: 'away', playerId: pick(here.filter((p) => !p.away))! } : null;
        if (a.change === 'back') change = pick(here.filter((p) => p.away)) ? { type: 'back', playerId: pick(here.filter((p) => p.away))! } : null;
        if (!change) break;
        if (change.type === 'left') roundInfo(state.round).left.add(change.playerId);
        const next = roster(state, change, rosterAfter(state, change), now);
        if (next) state = next;
        break;
      }
      default: {
        let by: string;
        let m: SketchMove;
        if (a.kind === 'legal') {
          const legal = legalMove(state, a.pick);
          if (!legal) break;
          ({ by, move: m } = legal);
        } else {
          by = someone(state, a.who);
          m = a.kind === 'say' ? { type: 'say', text: sayText(state, a.say) } : a.move;
        }
        // The server refuses moves from spectators (no seat) before the game hears of them; strangers hold some other seat.
        const seat = by === 'spectator' || by === 'stranger' ? 'bogus' : SEAT;
        const r = move(state, m, { playerId: by, seat }, now);
        if (!r.ok) {
          refusals.add(r.error.code);
          break;
        }
        if (r.value instanceof Moved) {
          notices += r.value.notices.length;
          const wrong = r.value.notices.filter((n) => n.playerId !== by || n.kind !== 'close');
          if (wrong.length > 0) check([`a notice went to someone else than the mover: ${JSON.stringify(wrong)}`]);
          state = r.value.state;
        } else {
          state = r.value;
        }
      }
    }
    // Players gone when a round starts were not here for the whole round.
    for (let r = before.round + 1; r <= state.round; r++) for (const p of state.players) if (p.left) roundInfo(r).left.add(p.id);
    // Rounds that ended: everyone here for the whole round drew or was skipped once.
    for (let r = before.round; r < state.round || (r === state.round && state.phase === 'over' && state.endReason === 'rounds played' && r === before.round); r++) {
      const info = roundInfo(r);
      const entries = state.history.filter((h) => h.round === r).map((h) => h.drawer);
      // A player who joins in the action that ends the round joins after it (the roster hook runs the clock first).
      const wasHere = new Set(before.players.filter((p) => !p.left).map((p) => p.id));
      const missing = state.players.filter((p) => !p.left && wasHere.has(p.id) && !info.left.has(p.id) && !entries.includes(p.id));
      if (checks && missing.length > 0) check([`round ${r} ended without a turn for ${missing.map((p) => p.id)}`]);
      if (r === state.round) break;
    }
    if (checks) check(problemsOf(before, state, now, explicitTick, memo));
  }
  const wordOf = (turn: number) => (turn === state.turn.pub.number ? state.turn.word : state.history.find((h) => h.turn === turn)?.word) ?? null;
  const hidden = state.lines.filter((l) => {
    const word = wordOf(l.turn);
    return l.to === 'guessed' && word !== null && matchKey(l.text).includes(matchKey(word));
  }).length;
  return { state, refusals, notices, rounds, hidden };
}

describe('Sketch under random play', () => {
  it('keeps the order, the scores and the secret, whatever the players do', () => {
    let over = 0;
    let guessedTurns = 0;
    let hinted = 0;
    let notices = 0;
    const refusals = new Set<string>();
    const reasons = new Set<string>();
    let hiddenLines = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        settingsArb,
        fc.integer({ min: 2, max: 6 }),
        fc.array(action, { minLength: 20, maxLength: 160, size: 'max' }),
        (seed, settings, players, actions) => {
          const run = runGame(seed, settings, players, actions);
          if (run.state.phase === 'over') over++;
          guessedTurns += run.state.history.filter((h) => h.reason === 'guessed').length;
          hinted += run.state.turn.hintsShown;
          notices += run.notices;
          for (const code of run.refusals) refusals.add(code);
          for (const h of run.state.history) reasons.add(h.reason);
          hiddenLines += run.hidden;
        },
      ),
      { numRuns: 250, seed: 20260611 },
    );
    // The fuzzer must reach what it checks, or the checks prove nothing.
    expect(over).toBeGreaterThan(60);
    expect(guessedTurns).toBeGreaterThan(150);
    expect(hinted).toBeGreaterThan(100);
    expect(notices).toBeGreaterThan(50);
    expect(hiddenLines).toBeGreaterThan(250);
    expect([...reasons].sort()).toEqual(['drawer-away', 'drawer-left', 'guessed', 'players-left', 'skipped', 'time']);
    expect([...refusals].sort()).toEqual(
      ['BAD_REQUEST', 'BAD_STROKE', 'EMPTY_LINE', 'GAME_OVER', 'LINE_TOO_LONG', 'NOTHING_TO_UNDO', 'NOT_A_CHOICE', 'NOT_DRAWER', 'NOT_IN_GAME', 'STALE_TURN', 'WRONG_PHASE'].sort(),
    );
  }, 120_000);

  it('same seed and same actions give the same game', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), settingsArb, fc.array(action, { maxLength: 80 }), (seed, settings, actions) => {
        const a = runGame(seed, settings, 4, actions, false).state;
        const b = runGame(seed, settings, 4, actions, false).state;
        expect(b).toEqual(a);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('different seeds deal different games', () => {
    const words = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const s = unwrap(setup({ settings: DEFAULT_SETTINGS, seed, now: 0, previous: null, players: rosterOf(['a', 'b']) }));
      words.add(s.turn.choices.join());
    }
    expect(words.size).toBeGreaterThan(15);
  });

  it('the checks catch a leak (a view that shows the word to the public is found)', () => {
    const s = unwrap(setup({ settings: { ...DEFAULT_SETTINGS, customWords: VOCAB, customOnly: true }, seed: 3, now: 0, previous: null, players: rosterOf(['a', 'b', 'c']) }));
    const drawing = unwrap(move(s, { type: 'choose', index: 0 }, as('a'), 10));
    const d = drawing instanceof Moved ? drawing.state : drawing;
    expect(wordLeaks(view(d, PUBLIC_AUDIENCE), d.turn.word!)).toEqual([]);
    expect(wordLeaks(view(d, 'drawer:a'), d.turn.word!).length).toBeGreaterThan(0);
    expect(matchKey(d.turn.word!)).toMatch(/^qz/);
  });
});
