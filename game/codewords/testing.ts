import type { Actor } from '../engine';
import type { Result } from '../errors';
import { isClue } from './log';
import { move, setup } from './rules';
import type { CardColor, ClueLogEntry, CodewordsMove, CodewordsSeat, CodewordsSettings, CodewordsState } from './types';

/**
 * Helpers for Codewords tests (not used by the game itself): deal a game, act as a seat,
 * find cards by colour.
 */

/** Default settings for tests. */
export const NO_TIMER: CodewordsSettings = { turnSeconds: null, customWords: null };

/** The value of an accepted result; fails the test with the refusal otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Deals a game. */
export function start(
  opts: { seed?: number; settings?: Partial<CodewordsSettings>; now?: number; previous?: CodewordsState | null } = {},
): CodewordsState {
  return unwrap(
    setup({
      settings: { ...NO_TIMER, ...opts.settings },
      seed: opts.seed ?? 1,
      now: opts.now ?? 0,
      previous: opts.previous ?? null,
    }),
  );
}

/**
 * A clue that is valid for these cards (as the server, a view or a page shows them): not a
 * board word, not inside one, and none inside it. For tests that need any legal clue.
 */
export function clueFor(cards: readonly { readonly word: string }[]): string {
  const words = cards.map((c) => c.word.toLowerCase());
  const candidates = ['zephyr', 'quokka', 'fjord', 'xylophone', 'kumquat', 'gazebo', 'walrus', 'sphinx'];
  const clue = candidates.find((c) => words.every((w) => !w.includes(c) && !c.includes(w)));
  if (!clue) throw new Error('no clue candidate fits this board');
  return clue;
}

/** An actor sitting in `seat`. */
export function as(seat: CodewordsSeat | string): Actor {
  return { playerId: `p_${seat}`, seat };
}

/** Applies a move; the raw result. */
export function tryMove(state: CodewordsState, seat: string, m: CodewordsMove, now = 0): Result<CodewordsState> {
  return move(state, m, as(seat), now);
}

/** Applies a move that must be accepted. */
export function play(state: CodewordsState, seat: string, m: CodewordsMove, now = 0): CodewordsState {
  return unwrap(tryMove(state, seat, m, now));
}

/** The clue lines of a game's log, oldest first (the timeout lines left out). */
export function clueLog(state: Pick<CodewordsState, 'log'>): ClueLogEntry[] {
  return state.log.filter(isClue);
}

/** Indexes of unrevealed cards of a colour. */
export function hidden(state: CodewordsState, color: CardColor): number[] {
  return state.cards.flatMap((c, i) => (c.color === color && !c.revealed ? [i] : []));
}

/** The first unrevealed card of a colour (fails when none). */
export function first(state: CodewordsState, color: CardColor): number {
  const i = hidden(state, color)[0];
  if (i === undefined) throw new Error(`No hidden ${color} card`);
  return i;
}

/** A clue word that is valid on any default board (no default word is in it or holds it). */
export const SAFE_CLUE = 'ZYXQUV';

const COLORS: readonly string[] = ['red', 'blue', 'bystander', 'assassin'];

/**
 * Every place in a view (walking the whole JSON) that holds a card colour where it could
 * betray an unrevealed card: anything but a revealed card's colour, a logged guess's colour
 * (always revealed), or a team name in a team field. Empty means no leak.
 */
export function colorLeaks(view: unknown): string[] {
  const json: unknown = JSON.parse(JSON.stringify(view));
  const revealed = new Set<number>();
  const cards = (json as { cards?: { revealed?: boolean }[] }).cards ?? [];
  cards.forEach((c, i) => {
    if (c.revealed === true) revealed.add(i);
  });
  const teamFields = /^(turn\.team|startingTeam|winner|log\.\d+\.team)$/;
  const leaks: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (!COLORS.includes(value)) return;
      const card = /^cards\.(\d+)\.color$/.exec(path);
      if (card && revealed.has(Number(card[1]))) return;
      if (/^log\.\d+\.guesses\.\d+\.color$/.test(path)) return;
      if (teamFields.test(path) && (value === 'red' || value === 'blue')) return;
      leaks.push(`${path}=${value}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, path === '' ? String(i) : `${path}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(json, '');
  return leaks;
}

/** The same game with the colours of the unrevealed cards rotated (counts unchanged). */
export function rotateHiddenColors(state: CodewordsState, by = 1): CodewordsState {
  const idx = state.cards.flatMap((c, i) => (c.revealed ? [] : [i]));
  const colors = idx.map((i) => state.cards[i]?.color);
  const cards = state.cards.map((c, i) => {
    const k = idx.indexOf(i);
    return k === -1 ? c : { ...c, color: colors[(k + by) % colors.length] ?? c.color };
  });
  return { ...state, cards };
}
