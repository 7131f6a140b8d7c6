import type { Actor, Outcome, SetupCtx } from '../engine';
import { ErrorCode, fail, ok, type Result } from '../errors';
import { CodewordsError } from './errors';
import { seedRng } from '../rng';
import { checkClue, guessesAllowed } from './clue';
import { dealKey, pickWords } from './deal';
import { appendLog, updateLastClue } from './log';
import { otherTeam, parseSeat } from './seats';
import type {
  Card,
  ClueLogEntry,
  LogEntry,
  CodewordsMove,
  CodewordsSettings,
  CodewordsState,
  Team,
  TurnState,
} from './types';
import { BOARD_SIZE, DEFAULT_WORDS } from './words';

export { MAX_LOG_ENTRIES } from './log';

/**
 * Codewords rules as pure functions: deal, apply a move, advance the timer.
 *
 * Timer semantics: with `turnSeconds` set, each turn has ONE deadline covering both the
 * clue and the guesses. It is set when the turn starts (game start, or the turn passing
 * for any reason) and is not reset when the clue is given. When it passes, the turn goes
 * to the other team; a turn that had a clue gets `ended: 'timeout'` in the log, a turn
 * that timed out before any clue adds a line of its own (`kind: 'timeout'`), so that everyone,
 * late joiners and reloaded pages included, reads "Red ran out of time".
 * A move arriving after the deadline is judged as if the timeout had already happened.
 */

/** Deals a new game. Refuses with `SETTINGS_INVALID` when the word list is too short. */
// Codewords deals without the roster: the seats are the teams.
export function setup(ctx: Omit<SetupCtx<CodewordsSettings, CodewordsState>, 'players'>): Result<CodewordsState> {
  const list = ctx.settings.customWords ?? DEFAULT_WORDS;
  const picked = pickWords(list, ctx.previous?.usedWords ?? [], seedRng(ctx.seed));
  if (picked === null) {
    return fail(ErrorCode.SETTINGS_INVALID, `The word list needs at least ${BOARD_SIZE} different words`);
  }
  const key = dealKey(picked.rng);
  const cards: Card[] = picked.words.map((word, i) => ({
    word,
    // dealKey returns exactly BOARD_SIZE colours, one per word.
    color: key.colors[i] ?? 'bystander',
    revealed: false,
  }));
  return ok({
    settings: ctx.settings,
    rng: key.rng,
    cards,
    startingTeam: key.startingTeam,
    turn: newTurn(1, key.startingTeam, ctx.settings, ctx.now),
    log: [],
    winner: null,
    winReason: null,
    usedWords: picked.usedWords,
  });
}

/** Applies one move by a seated player. Pure; refusals carry a stable code and a message. */
export function move(state: CodewordsState, m: CodewordsMove, by: Actor, now: number): Result<CodewordsState> {
  if (state.winner !== null) return fail(ErrorCode.GAME_OVER, 'The game is over');
  // A late move (the server's timer has not fired yet) is judged against the next turn.
  const s = tick(state, now) ?? state;
  const seat = parseSeat(by.seat);
  if (seat === null) return fail(CodewordsError.WRONG_ROLE, 'Take a team seat to play');
  if (m.turn !== undefined && m.turn !== s.turn.number) {
    return fail(CodewordsError.STALE_TURN, 'That turn is already over');
  }
  if (seat.team !== s.turn.team) return fail(CodewordsError.NOT_YOUR_TURN, `It is ${s.turn.team}'s turn`);

  switch (m.type) {
    case 'clue':
      if (seat.role !== 'spymaster') return fail(CodewordsError.WRONG_ROLE, 'Only the spymaster gives clues');
      if (s.turn.phase !== 'clue') return fail(CodewordsError.WRONG_PHASE, 'A clue was already given this turn');
      return giveClue(s, m.word, m.count);
    case 'guess':
      if (seat.role !== 'operative') return fail(CodewordsError.WRONG_ROLE, 'Only operatives reveal cards');
      if (s.turn.phase !== 'guess') return fail(CodewordsError.WRONG_PHASE, "Wait for your spymaster's clue");
      return guess(s, m.card, now);
    case 'endTurn':
      if (seat.role !== 'operative') return fail(CodewordsError.WRONG_ROLE, 'Only operatives end the turn');
      if (s.turn.phase !== 'guess') return fail(CodewordsError.WRONG_PHASE, "Wait for your spymaster's clue");
      if (s.turn.guesses === 0) return fail(CodewordsError.MUST_GUESS_FIRST, 'Reveal at least one card first');
      return ok(passTurn(s, 'passed', now));
    default: {
      // Exhaustive: a new move type fails to compile here. At run time an unparsed
      // payload with an unknown type is refused rather than thrown.
      const unknown: never = m;
      return fail(ErrorCode.BAD_REQUEST, `Unknown move ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}

/** The next moment {@link tick} has work: the turn deadline, or null (no timer, or over). */
export function deadline(state: CodewordsState): number | null {
  return state.winner === null ? state.turn.deadline : null;
}

/**
 * Passes the turn when its deadline has passed; null when there is nothing to do.
 * The new turn's deadline counts from `now`, so a late timer does not shorten it.
 */
export function tick(state: CodewordsState, now: number): CodewordsState | null {
  const due = deadline(state);
  if (due === null || now < due) return null;
  return passTurn(state, 'timeout', now);
}

/** The winner and why, once the game is over. */
export function outcome(state: CodewordsState): Outcome | null {
  return state.winner === null ? null : { winner: state.winner, reason: state.winReason ?? 'agents' };
}

/** Hidden agents of a team. */
export function agentsLeft(cards: readonly Card[], team: Team): number {
  return cards.filter((c) => c.color === team && !c.revealed).length;
}

function giveClue(state: CodewordsState, word: string, count: unknown): Result<CodewordsState> {
  const clue = checkClue(
    word,
    count,
    state.cards.map((c) => c.word),
  );
  if (!clue.ok) return clue;
  // Field by field, not `{ team, ...clue.value, guesses }`: a log line is made on every clue, and
  // on Node 20 a spread followed by a new key survives scavenges (docs/performance.md#hot-path-idioms).
  const entry: ClueLogEntry = { kind: 'clue', team: state.turn.team, word: clue.value.word, count: clue.value.count, guesses: [], ended: 'running' };
  return ok({
    ...state,
    turn: { ...state.turn, phase: 'guess', clue: clue.value, guesses: 0, guessesLeft: guessesAllowed(clue.value.count) },
    log: appendLog(state.log, entry),
  });
}

function guess(state: CodewordsState, index: number, now: number): Result<CodewordsState> {
  const card = Number.isInteger(index) ? state.cards[index] : undefined;
  if (card === undefined) return fail(ErrorCode.BAD_REQUEST, `No card ${index}; cards are 0 to ${state.cards.length - 1}`);
  if (card.revealed) return fail(CodewordsError.CARD_REVEALED, `"${card.word}" is already revealed`);

  const team = state.turn.team;
  const cards = state.cards.map((c, i) => (i === index ? { ...c, revealed: true } : c));
  const log = updateLastClue(state.log, (e) => ({
    ...e,
    guesses: e.guesses.concat([{ card: index, word: card.word, color: card.color }]),
  }));
  const guessesLeft = state.turn.guessesLeft === null ? null : state.turn.guessesLeft - 1;
  const revealed: CodewordsState = {
    ...state,
    cards,
    log,
    turn: { ...state.turn, guesses: state.turn.guesses + 1, guessesLeft },
  };

  if (card.color === 'assassin') return ok(endGame(revealed, otherTeam(team), 'assassin'));
  // Before the turn-ending rules: revealing a team's last agent wins for THAT team, even
  // when the other team revealed it.
  if (card.color === 'red' || card.color === 'blue') {
    if (agentsLeft(cards, card.color) === 0) return ok(endGame(revealed, card.color, 'agents'));
  }
  if (card.color !== team) return ok(passTurn(revealed, 'wrong-card', now));
  if (guessesLeft === 0) return ok(passTurn(revealed, 'limit', now));
  return ok(revealed);
}

function passTurn(state: CodewordsState, ended: ClueLogEntry['ended'], now: number): CodewordsState {
  // A turn with a clue closes its line; only the timer ends a turn before its clue, and says so.
  const log =
    state.turn.phase === 'guess' ? updateLastClue(state.log, (e) => ({ ...e, ended })) : appendLog(state.log, timeoutEntry(state.turn.team));
  return {
    ...state,
    log,
    turn: newTurn(state.turn.number + 1, otherTeam(state.turn.team), state.settings, now),
  };
}

function endGame(state: CodewordsState, winner: Team, reason: 'agents' | 'assassin'): CodewordsState {
  return {
    ...state,
    winner,
    winReason: reason,
    log: updateLastClue(state.log, (e) => ({ ...e, ended: 'game-over' })),
    // No timer once the game is over.
    turn: { ...state.turn, deadline: null },
  };
}

function newTurn(number: number, team: Team, settings: CodewordsSettings, now: number): TurnState {
  return {
    number,
    team,
    phase: 'clue',
    clue: null,
    guesses: 0,
    guessesLeft: null,
    deadline: settings.turnSeconds === null ? null : now + settings.turnSeconds * 1000,
  };
}

function timeoutEntry(team: Team): LogEntry {
  return { kind: 'timeout', team };
}
