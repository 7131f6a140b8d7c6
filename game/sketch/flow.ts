import type { RosterPlayer } from '../engine';
import { ErrorCode, fail, ok, type Result } from '../errors';
import { nextInt, seedRng, shuffle } from '../rng';
import { dealChoices } from './deal';
import { blankMask, isLetterCell, matchKey, wordCells } from './text';
import type { GalleryEntry, PlayerLine, PublicTurn, SketchSettings, SketchState, TurnEnd, TurnPoints, TurnResult, TurnState } from './types';
import { opSize } from './draw';

/**
 * The life of a Sketch game: turns, rounds, timers and the roster. Pure functions of the
 * state and the time (`now`, server ms).
 *
 * Order: players draw in the order they first joined the game, once per round. A player
 * who joins late is appended (and draws at the end of this round if it is still running);
 * one who is away when their turn comes is skipped for the round; one who left is passed
 * over. A player who leaves and comes back keeps their score and place, and still draws at
 * most once per round.
 *
 * A turn: the drawer chooses a word (`choosing`, {@link CHOICE_MS}, then a random choice),
 * draws (`drawing`, the host's draw time, with hint letters revealed at even intervals),
 * then the word is shown to all (`pause`, {@link PAUSE_MS}). It ends early when every
 * guesser who is here guessed, when the drawer leaves, or when the drawer stays away for
 * {@link DRAWER_AWAY_GRACE_MS} (a reload does not cost the turn).
 *
 * Timers: {@link deadline} is the next moment something is due; {@link tick} does all that
 * is due. A late tick starts the next phase's timer from `now`, so a late timer never
 * shortens the next phase, and a tick after a long outage does not play the game through.
 */

/** The seat every player takes: Sketch has no teams and no roles to pick. */
export const SEAT = 'player';
/** Fewest players present for a game to start or go on. */
export const MIN_PLAYERS = 2;
/** How long the drawer has to choose a word. */
export const CHOICE_MS = 15_000;
/** How long the word is shown to all between turns. */
export const PAUSE_MS = 5_000;
/** How long an away drawer keeps the turn before it is skipped. */
export const DRAWER_AWAY_GRACE_MS = 10_000;
/** Lines kept (the oldest go first). */
export const MAX_LINES = 100;
/** Drawings kept for the gallery, and their coordinates altogether (the oldest go first). */
export const MAX_GALLERY = 40;
export const MAX_GALLERY_COORDS = 150_000;
/** Score lines kept: beyond it, the lines of players who left go, the oldest first. */
export const MAX_PLAYER_LINES = 100;
/** Played words remembered across a room's games. */
export const MAX_USED_WORDS = 2000;

/** Scoring. A guess: base + time left (a share of {@link GUESS_TIME}) + an order bonus. */
export const GUESS_BASE = 50;
export const GUESS_TIME = 200;
/** The first guesser's bonus; each later guesser gets {@link GUESS_ORDER_STEP} less, down to 0. */
export const GUESS_ORDER = 100;
export const GUESS_ORDER_STEP = 25;
/** The drawer's points when every guesser got the word; a share of it otherwise. */
export const DRAWER_MAX = 250;

/** Points for the guesser who got the word `order`-th (0 = first) with `leftMs` of `totalMs` to go. */
export function guessPoints(leftMs: number, totalMs: number, order: number): number {
  const left = Math.min(1, Math.max(0, leftMs / totalMs));
  return GUESS_BASE + Math.round(GUESS_TIME * left) + Math.max(0, GUESS_ORDER - GUESS_ORDER_STEP * order);
}

/** The drawer's points when `guessed` of `eligible` guessers got the word. */
export function drawerPoints(guessed: number, eligible: number): number {
  return eligible === 0 ? 0 : Math.round((DRAWER_MAX * guessed) / eligible);
}

const NO_TURN: TurnState = {
  pub: { number: 0, round: 0, drawer: '', phase: 'pause', endsAt: 0, mask: null, guessed: [], result: null },
  word: null,
  wordKey: '',
  choices: [],
  hintPlan: [],
  hintsShown: 0,
  drawStart: null,
  points: [],
  drawerAwayUntil: null,
};

/**
 * Deals a new game for the seated players (in join order) and starts the first turn.
 * Refuses with `CANNOT_START` with fewer than {@link MIN_PLAYERS} seated players.
 */
export function newGame(
  settings: SketchSettings,
  roster: readonly RosterPlayer[],
  seed: number,
  now: number,
  usedWords: readonly string[],
): Result<SketchState> {
  const seated = roster.filter((p) => p.seat === SEAT);
  if (seated.length < MIN_PLAYERS) return fail(ErrorCode.CANNOT_START, `Sketch needs at least ${MIN_PLAYERS} players`);
  const players: PlayerLine[] = seated.map((p, i) => ({ id: p.id, seq: i, score: 0, away: !p.connected, left: false }));
  const state: SketchState = {
    settings,
    rng: seedRng(seed),
    phase: 'pause',
    endReason: null,
    players,
    nextSeq: players.length,
    round: 1,
    drawnThisRound: [],
    cursor: -1,
    turn: NO_TURN,
    drawing: [],
    opsThisTurn: 0,
    drawingSize: 0,
    lines: [],
    nextLineId: 1,
    history: [],
    gallery: [],
    usedWords: usedWords.slice(-MAX_USED_WORDS),
  };
  return ok(nextTurn(state, now));
}

/** Whether a turn is under way (a word being chosen or drawn). */
export function running(state: SketchState): boolean {
  return state.phase === 'choosing' || state.phase === 'drawing';
}

/** Players still in the game (not left). */
export function present(state: SketchState): PlayerLine[] {
  return state.players.filter((p) => !p.left);
}

/** When the `k`-th hint (0-based) of the turn is due, or null. */
export function hintTime(state: SketchState, k: number): number | null {
  const t = state.turn;
  if (t.drawStart === null || k >= t.hintPlan.length) return null;
  return t.drawStart + Math.floor((state.settings.drawSeconds * 1000 * (k + 1)) / (t.hintPlan.length + 1));
}

/** The next moment {@link tick} has something to do, or null once the game is over. */
export function deadline(state: SketchState): number | null {
  if (state.phase === 'over') return null;
  const t = state.turn;
  let due = t.pub.endsAt;
  if (state.phase === 'drawing') {
    const hint = hintTime(state, t.hintsShown);
    if (hint !== null && hint < due) due = hint;
  }
  if (t.drawerAwayUntil !== null && running(state) && t.drawerAwayUntil < due) due = t.drawerAwayUntil;
  return due;
}

/** Does everything due by `now`, in order; null when nothing was. */
export function tick(state: SketchState, now: number): SketchState | null {
  let s = state;
  // Each step moves a phase on or reveals a hint, and every new timer counts from `now`:
  // a handful of steps at most (a hint or five, the turn's end, the pause's end).
  for (let steps = 0; steps < 100; steps++) {
    const due = deadline(s);
    if (due === null || now < due) return s === state ? null : s;
    s = step(s, now);
  }
  throw new Error(`sketch: tick at ${now} did not settle`);
}

/** One due thing. */
function step(state: SketchState, now: number): SketchState {
  const t = state.turn;
  if (running(state) && t.drawerAwayUntil !== null && t.drawerAwayUntil <= now) return endTurn(state, 'drawer-away', now);
  switch (state.phase) {
    case 'choosing': {
      const [i, rng] = nextInt(state.rng, t.choices.length);
      return startDrawing({ ...state, rng }, t.choices[i]!, now);
    }
    case 'drawing':
      return t.pub.endsAt <= now ? endTurn(state, 'time', now) : revealHint(state);
    case 'pause':
      return nextTurn(state, now);
    default:
      throw new Error(`sketch: nothing is due in phase ${state.phase}`);
  }
}

/**
 * The next turn: the next player in join order who has not drawn this round. Players
 * away when their turn comes are skipped (and drawn for the round); after the last round,
 * or with too few players left, the game is over.
 */
export function nextTurn(state: SketchState, now: number): SketchState {
  let { round, cursor, drawnThisRound: drawn, history } = state;
  for (;;) {
    if (present(state).length < MIN_PLAYERS) return endGame({ ...state, round, cursor, drawnThisRound: drawn, history }, 'too few players');
    // `players` is in draw order (by `seq`).
    const candidates = state.players.filter((p) => p.seq > cursor && !p.left && !drawn.includes(p.id));
    for (const p of candidates) {
      cursor = p.seq;
      drawn = drawn.concat(p.id);
      if (!p.away) return startTurn({ ...state, round, cursor, drawnThisRound: drawn, history }, p.id, now);
      history = history.concat({ turn: null, round, drawer: p.id, word: null, reason: 'skipped', points: [] });
    }
    if (round >= state.settings.rounds) return endGame({ ...state, round, cursor, drawnThisRound: drawn, history }, 'rounds played');
    round++;
    cursor = -1;
    drawn = [];
  }
}

function startTurn(state: SketchState, drawer: string, now: number): SketchState {
  const played = new Set(state.usedWords);
  const { choices, rng } = dealChoices(state.settings, played, state.settings.choices, state.rng);
  // The settings schema guarantees a word source: an empty deal is a programmer error.
  if (choices.length === 0) throw new Error('sketch: no word to offer');
  const pub: PublicTurn = {
    number: state.turn.pub.number + 1,
    round: state.round,
    drawer,
    phase: 'choosing',
    endsAt: now + CHOICE_MS,
    mask: null,
    guessed: [],
    result: null,
  };
  return {
    ...state,
    rng,
    phase: 'choosing',
    turn: { pub, word: null, wordKey: '', choices, hintPlan: [], hintsShown: 0, drawStart: null, points: [], drawerAwayUntil: null },
    drawing: [],
    opsThisTurn: 0,
    drawingSize: 0,
  };
}

/**
 * Starts drawing `word`: the shape goes public, hint positions are drawn (at most half the
 * letters, so a word is never given away whole), and lines of the room that hold the word
 * are taken from the public (they join the lines only those who guess it will see).
 */
export function startDrawing(state: SketchState, word: string, now: number): SketchState {
  const t = state.turn;
  const cells = wordCells(word);
  const letters = cells.flatMap((cell, i) => (isLetterCell(cell) ? [i] : []));
  const [order, rng] = shuffle(letters, state.rng);
  const hintPlan = order.slice(0, Math.min(state.settings.hints, Math.floor(letters.length / 2)));
  const wordKey = matchKey(word);
  const pub: PublicTurn = { ...t.pub, phase: 'drawing', endsAt: now + state.settings.drawSeconds * 1000, mask: blankMask(word) };
  return {
    ...state,
    rng,
    phase: 'drawing',
    turn: { ...t, pub, word, wordKey, hintPlan, hintsShown: 0, drawStart: now },
    usedWords: state.usedWords.length >= MAX_USED_WORDS ? state.usedWords.slice(1 - MAX_USED_WORDS).concat(wordKey) : state.usedWords.concat(wordKey),
  };
}

function revealHint(state: SketchState): SketchState {
  const t = state.turn;
  const at = t.hintPlan[t.hintsShown]!;
  const mask = t.pub.mask!.slice();
  mask[at] = wordCells(t.word!)[at]!;
  return { ...state, turn: { ...t, pub: { ...t.pub, mask }, hintsShown: t.hintsShown + 1 } };
}

/** Whether every guesser who is here got the word (and at least one did). */
export function allGuessed(state: SketchState): boolean {
  const t = state.turn.pub;
  if (t.guessed.length === 0) return false;
  return state.players.every((p) => p.id === t.drawer || p.left || p.away || t.guessed.includes(p.id));
}

/**
 * Ends the turn: the drawer scores by the share of guessers who got the word (not when
 * they left or stayed away), the drawing goes to the gallery, and the word is shown to all
 * during the pause. A turn that ends before a word was chosen has nothing to show: the next
 * turn starts at once.
 */
export function endTurn(state: SketchState, reason: TurnEnd, now: number): SketchState {
  const t = state.turn;
  if (state.phase === 'choosing' || t.word === null) {
    const result: TurnResult = { turn: t.pub.number, round: t.pub.round, drawer: t.pub.drawer, word: null, reason, points: [] };
    const ended = { ...state, history: state.history.concat(result), turn: { ...t, drawerAwayUntil: null, pub: { ...t.pub, result } } };
    return nextTurn(ended, now);
  }
  const scored = reason === 'guessed' || reason === 'time';
  const eligible = state.players.filter(
    (p) => p.id !== t.pub.drawer && (t.pub.guessed.includes(p.id) || (!p.left && !p.away)),
  ).length;
  const forDrawer = scored ? drawerPoints(t.pub.guessed.length, eligible) : 0;
  const points: readonly TurnPoints[] = forDrawer > 0 ? t.points.concat({ id: t.pub.drawer, points: forDrawer }) : t.points;
  const players = forDrawer > 0 ? addScore(state.players, t.pub.drawer, forDrawer) : state.players;
  const result: TurnResult = { turn: t.pub.number, round: t.pub.round, drawer: t.pub.drawer, word: t.word, reason, points };
  const pub: PublicTurn = { ...t.pub, phase: 'pause', endsAt: now + PAUSE_MS, result };
  return {
    ...state,
    phase: 'pause',
    players,
    turn: { ...t, pub, drawerAwayUntil: null },
    history: state.history.concat(result),
    gallery: state.drawing.length > 0 ? keep(state.gallery, { turn: t.pub.number, drawer: t.pub.drawer, word: t.word, ops: state.drawing }) : state.gallery,
  };
}

/** The gallery with one more drawing, the oldest dropped beyond its bounds. */
function keep(gallery: readonly GalleryEntry[], entry: GalleryEntry): readonly GalleryEntry[] {
  const out = gallery.concat(entry);
  let coords = out.reduce((sum, e) => sum + e.ops.reduce((n, op) => n + opSize(op), 0), 0);
  let first = 0;
  while (out.length - first > 1 && (out.length - first > MAX_GALLERY || coords > MAX_GALLERY_COORDS)) {
    coords -= out[first]!.ops.reduce((n, op) => n + opSize(op), 0);
    first++;
  }
  return first === 0 ? out : out.slice(first);
}

/** Adds points to a player's score line. */
export function addScore(players: readonly PlayerLine[], id: string, points: number): readonly PlayerLine[] {
  return players.map((p) => (p.id === id ? { id: p.id, seq: p.seq, score: p.score + points, away: p.away, left: p.left } : p));
}

function endGame(state: SketchState, reason: 'rounds played' | 'too few players'): SketchState {
  return { ...state, phase: 'over', endReason: reason, turn: { ...state.turn, drawerAwayUntil: null } };
}

/**
 * The game's players brought in line with the room's (the roster hook): a seated player the
 * game does not know joins at the end of the order (a late joiner, or one who took a seat
 * mid-game), one who left or lost the seat leaves the order, and `away` follows their
 * connection. Then what that means for the turn: the drawer leaving ends it, the drawer away
 * starts the grace period (and coming back ends it), a guesser leaving may mean everyone
 * left has guessed, and fewer than {@link MIN_PLAYERS} present ends the game.
 * Null when nothing changes.
 */
export function syncRoster(state: SketchState, roster: readonly RosterPlayer[], now: number): SketchState | null {
  if (state.phase === 'over') return null;
  const ticked = tick(state, now);
  let s = ticked ?? state;
  if (s.phase === 'over') return s;
  const seated = new Map<string, RosterPlayer>();
  for (const p of roster) if (p.seat === SEAT) seated.set(p.id, p);

  let changed = false;
  let nextSeq = s.nextSeq;
  let players: PlayerLine[] = s.players.map((p) => {
    const r = seated.get(p.id);
    const left = r === undefined;
    const away = r !== undefined && !r.connected;
    if (p.left === left && p.away === away) return p;
    changed = true;
    return { id: p.id, seq: p.left && !left ? placeOnReturn(s, p, () => nextSeq++) : p.seq, score: p.score, away, left };
  });
  for (const r of seated.values()) {
    if (s.players.some((p) => p.id === r.id)) continue;
    changed = true;
    players.push({ id: r.id, seq: nextSeq++, score: 0, away: !r.connected, left: false });
  }
  if (!changed) return ticked;
  // Kept in draw order (a returning player may have gone to the end).
  players.sort(bySeq);
  if (players.length > MAX_PLAYER_LINES) players = dropOldLeavers(players);
  s = { ...s, players, nextSeq };
  return consequences(s, now);
}

/**
 * A returning player's place in the order: their own, unless the round's order passed it
 * while they were gone and they have not drawn this round: then at the end, like a late joiner.
 */
function placeOnReturn(state: SketchState, p: PlayerLine, newSeq: () => number): number {
  return p.seq < state.cursor && !state.drawnThisRound.includes(p.id) ? newSeq() : p.seq;
}

/** Adds a seated player the game does not know yet (or who had left) to the order. */
export function admit(state: SketchState, id: string): SketchState {
  const known = state.players.find((p) => p.id === id);
  if (known) {
    let nextSeq = state.nextSeq;
    const seq = placeOnReturn(state, known, () => nextSeq++);
    const players = state.players.map((p) => (p.id === id ? { id, seq, score: p.score, away: false, left: false } : p)).sort(bySeq);
    return { ...state, nextSeq, players };
  }
  const players = state.players.concat({ id, seq: state.nextSeq, score: 0, away: false, left: false });
  return { ...state, players: players.length > MAX_PLAYER_LINES ? dropOldLeavers(players) : players, nextSeq: state.nextSeq + 1 };
}

function bySeq(a: PlayerLine, b: PlayerLine): number {
  return a.seq - b.seq;
}

function dropOldLeavers(players: readonly PlayerLine[]): PlayerLine[] {
  let extra = players.length - MAX_PLAYER_LINES;
  return players.filter((p) => !(p.left && extra-- > 0));
}

/** What the roster now means for the turn and the game. */
function consequences(state: SketchState, now: number): SketchState {
  let s = state;
  const t = s.turn;
  const drawer = s.players.find((p) => p.id === t.pub.drawer);
  if (running(s)) {
    if (!drawer || drawer.left) s = endTurn(s, 'drawer-left', now);
    else if (drawer.away && t.drawerAwayUntil === null) s = { ...s, turn: { ...t, drawerAwayUntil: now + DRAWER_AWAY_GRACE_MS } };
    else if (!drawer.away && t.drawerAwayUntil !== null) s = { ...s, turn: { ...t, drawerAwayUntil: null } };
    else if (s.phase === 'drawing' && allGuessed(s)) s = endTurn(s, 'guessed', now);
  }
  if (s.phase !== 'over' && present(s).length < MIN_PLAYERS) {
    if (running(s)) s = endTurn(s, 'players-left', now);
    if (s.phase !== 'over') s = endGame(s, 'too few players');
  }
  return s;
}
