import { Moved, type Actor, type Notice, type RosterPlayer } from '../engine';
import type { Result } from '../errors';
import { deadline, SEAT, tick } from './flow';
import { move, roster, setup } from './rules';
import { DEFAULT_SETTINGS } from './settings';
import { blankMask, matchKey } from './text';
import type { SketchMove, SketchSettings, SketchState } from './types';

/**
 * Helpers for Sketch tests (rules here, and server or browser tests that drive a game; not
 * used by the game itself): deal a game for named players, act as a player, run the clock,
 * change the roster, read the secret, and look for the word in what a client receives.
 */

/** Players `p1`..`pn`. */
export function playerIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `p${i + 1}`);
}

/** A roster of seated, connected players in this order. */
export function rosterOf(ids: readonly string[]): RosterPlayer[] {
  return ids.map((id) => ({ id, seat: SEAT, connected: true }));
}

/** The value of an accepted result; fails the test with the refusal otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A state out of a move's answer (with or without notices). */
export function stateOf(value: SketchState | Moved<SketchState>): SketchState {
  return value instanceof Moved ? value.state : value;
}

/** Deals a game: 3 players by default, at time 0, seed 1. */
export function start(
  opts: { players?: number | readonly string[]; seed?: number; settings?: Partial<SketchSettings>; now?: number; previous?: SketchState | null } = {},
): SketchState {
  const ids = typeof opts.players === 'number' ? playerIds(opts.players) : (opts.players ?? playerIds(3));
  return unwrap(
    setup({
      settings: { ...DEFAULT_SETTINGS, ...opts.settings },
      seed: opts.seed ?? 1,
      now: opts.now ?? 0,
      previous: opts.previous ?? null,
      players: rosterOf(ids),
    }),
  );
}

/** A seated player as an actor. */
export function as(playerId: string): Actor {
  return { playerId, seat: SEAT };
}

/** Applies a move; the raw result. */
export function tryMove(state: SketchState, playerId: string, m: SketchMove, now = 0): Result<SketchState | Moved<SketchState>> {
  return move(state, m, as(playerId), now);
}

/** Applies a move that must be accepted; the new state. */
export function play(state: SketchState, playerId: string, m: SketchMove, now = 0): SketchState {
  return stateOf(unwrap(tryMove(state, playerId, m, now)));
}

/** Applies a move that must be accepted; the new state and the notices it sends. */
export function playWithNotices(state: SketchState, playerId: string, m: SketchMove, now = 0): { state: SketchState; notices: readonly Notice[] } {
  const value = unwrap(tryMove(state, playerId, m, now));
  return value instanceof Moved ? { state: value.state, notices: value.notices } : { state: value, notices: [] };
}

/** The refusal code of a move that must be refused. */
export function refusal(state: SketchState, playerId: string, m: SketchMove, now = 0): string {
  const r = tryMove(state, playerId, m, now);
  if (r.ok) throw new Error(`Expected a refusal of ${JSON.stringify(m)}`);
  return r.error.code;
}

/** The current drawer. */
export function drawerOf(state: SketchState): string {
  return state.turn.pub.drawer;
}

/** The word being drawn (hidden from guessers), or null while choosing. */
export function secretOf(state: SketchState): string | null {
  return state.turn.word;
}

/** The drawer chooses a word (the first offered by default). */
export function choose(state: SketchState, now = 0, index = 0): SketchState {
  return play(state, drawerOf(state), { type: 'choose', index }, now);
}

/** A player guesses the word right. */
export function guessRight(state: SketchState, playerId: string, now = 0): SketchState {
  const word = secretOf(state);
  if (word === null) throw new Error('No word to guess yet');
  return play(state, playerId, { type: 'say', text: word }, now);
}

/** Players who are neither the drawer nor have guessed, nor left. */
export function guessersOf(state: SketchState): string[] {
  const t = state.turn.pub;
  return state.players.filter((p) => !p.left && p.id !== t.drawer && !t.guessed.includes(p.id)).map((p) => p.id);
}

/** Runs the clock to `now`: everything due by then happens. */
export function advance(state: SketchState, now: number): SketchState {
  return tick(state, now) ?? state;
}

/** Runs the clock deadline by deadline until the phase is `phase` (or the game is over); the state and the time. */
export function runUntil(state: SketchState, phase: SketchState['phase'], now = 0): { state: SketchState; now: number } {
  let s = state;
  let t = now;
  for (let i = 0; i < 10_000 && s.phase !== phase && s.phase !== 'over'; i++) {
    const due = deadline(s);
    if (due === null) break;
    t = Math.max(t, due);
    s = advance(s, t);
  }
  return { state: s, now: t };
}

/** Plays the game to its end: each drawer chooses, every guesser guesses right at once. */
export function playToEnd(state: SketchState, now = 0): { state: SketchState; now: number } {
  let s = state;
  let t = now;
  for (let i = 0; i < 10_000 && s.phase !== 'over'; i++) {
    if (s.phase === 'choosing') s = choose(s, t);
    else if (s.phase === 'drawing') for (const id of guessersOf(s)) if (s.phase === 'drawing') s = guessRight(s, id, t);
    if (s.phase === 'pause') ({ state: s, now: t } = runUntil(s, 'choosing', t));
  }
  return { state: s, now: t };
}

/** The room's roster as the game knows it (players not left), with `change` applied. */
export function rosterAfter(state: SketchState, change: { type: 'joined' | 'left' | 'away' | 'back'; playerId: string }): RosterPlayer[] {
  const list: RosterPlayer[] = state.players.filter((p) => !p.left).map((p) => ({ id: p.id, seat: SEAT, connected: !p.away }));
  const i = list.findIndex((p) => p.id === change.playerId);
  switch (change.type) {
    case 'joined':
      if (i === -1) list.push({ id: change.playerId, seat: SEAT, connected: true });
      return list;
    case 'left':
      return list.filter((p) => p.id !== change.playerId);
    case 'away':
    case 'back':
      return list.map((p) => (p.id === change.playerId ? { id: p.id, seat: p.seat, connected: change.type === 'back' } : p));
  }
}

/** The roster hook hears a change; the new state (the same one when nothing changed). */
export function rosterChange(state: SketchState, type: 'joined' | 'left' | 'away' | 'back', playerId: string, now = 0): SketchState {
  return roster(state, { type, playerId }, rosterAfter(state, { type, playerId }), now) ?? state;
}

/**
 * The same game with another secret word of the same shape: the word (and the drawer's
 * choice that was it) replaced, the hint plan and mask kept. For metamorphic privacy tests:
 * a view that does not change is a view that does not depend on the word.
 */
export function withSecret(state: SketchState, word: string): SketchState {
  const t = state.turn;
  if (t.word === null) throw new Error('No word yet');
  if (JSON.stringify(blankMask(word)) !== JSON.stringify(blankMask(t.word))) throw new Error(`"${word}" has another shape than "${t.word}"`);
  const choices = t.choices.map((c) => (c === t.word ? word : c));
  return { ...state, turn: { ...t, word, wordKey: matchKey(word), choices } };
}

/**
 * `word` with every letter the public mask still hides changed (the revealed ones and the
 * spaces, hyphens and apostrophes kept): another secret of the same look.
 */
export function sameLookWord(word: string, mask: readonly (string | null)[], shift = 1): string {
  const cells = [...word.normalize('NFC')];
  if (cells.length !== mask.length) throw new Error('sameLookWord handles words without combining marks');
  return cells
    .map((cell, i) => {
      if (mask[i] !== null) return cell;
      const code = (cell.toLowerCase().charCodeAt(0) - 97 + shift) % 26;
      return String.fromCharCode(97 + (code < 0 ? code + 26 : code));
    })
    .join('');
}

/**
 * Every string in a view (walking its whole JSON) that holds the word by its match key:
 * case, accents, spaces and punctuation ignored. Empty means the view does not show it.
 */
export function wordLeaks(view: unknown, word: string): string[] {
  const key = matchKey(word);
  const leaks: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (key.length > 0 && matchKey(value).includes(key)) leaks.push(`${path}=${value}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(JSON.parse(JSON.stringify(view)) as unknown, '');
  return leaks;
}

/** A short stroke the drawer can commit. */
export const STROKE: SketchMove = { type: 'stroke', c: 3, w: 1, p: [100, 100, 200, 150, 300, 120] };
