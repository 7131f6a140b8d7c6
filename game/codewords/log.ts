import type { ClueLogEntry, LoggedGuess, LogEntry } from './types';

/**
 * The game log: one line per clue (with the guesses it led to) and one per turn that ran out
 * before its clue. Every line is public. The rules write it; views, tests and the browser read it.
 */

/** The log keeps at most this many lines (the oldest go first). */
export const MAX_LOG_ENTRIES = 200;

/** Whether a log line is a clue. Lines stored before the log had kinds were all clues. */
export function isClue(entry: LogEntry): entry is ClueLogEntry {
  return entry.kind !== 'timeout';
}

/**
 * The log with `entry` added last. Bounded: a game of endless timed-out turns must not grow
 * without limit. (`concat` and `slice` make arrays of the exact size; see
 * docs/performance.md#hot-path-idioms.)
 */
export function appendLog(log: readonly LogEntry[], entry: LogEntry): LogEntry[] {
  return log.slice(1 - MAX_LOG_ENTRIES).concat([entry]);
}

/** The log with its last line changed by `f` when that line is a clue (the turn's own clue). */
export function updateLastClue(log: readonly LogEntry[], f: (entry: ClueLogEntry) => ClueLogEntry): LogEntry[] {
  const next = log.slice();
  const last = next.length - 1;
  const entry = next[last];
  if (entry !== undefined && isClue(entry)) next[last] = f(entry);
  return next;
}

/** Every logged guess, oldest first, with the team whose turn it was. */
export function loggedGuesses(log: readonly LogEntry[]): (LoggedGuess & { readonly team: ClueLogEntry['team'] })[] {
  return log.flatMap((entry) => (isClue(entry) ? entry.guesses.map((guess) => ({ ...guess, team: entry.team })) : []));
}
