import { Moved, type Actor, type Notice, type Outcome, type RosterChange, type RosterPlayer, type SetupCtx } from '../engine';
import { ErrorCode, fail, ok, type Result } from '../errors';
import { MAX_DRAWING_COORDS, MAX_OPS_PER_TURN, MAX_STROKE_POINTS, PALETTE, fillOp, opSize, strokeOp } from './draw';
import { SKETCH_ERRORS, SketchError } from './errors';
import { addScore, admit, allGuessed, endTurn, guessPoints, MAX_LINES, newGame, SEAT, startDrawing, syncRoster, tick } from './flow';
import { cleanLine, LINE_REFUSAL, matchKey, mentions, oneEditApart } from './text';
import type { DrawOp, Line, LineAudience, SketchMove, SketchSettings, SketchState } from './types';

/**
 * Sketch's moves as pure functions: choosing the word, lines of text (guesses and messages
 * alike), and the drawing (strokes, fills, undo, clear).
 *
 * Lines. A line is a guess when its sender has not guessed yet and it matches the word
 * (case-, accent- and space-insensitively, text.ts): it scores, and others see only "X
 * guessed the word", never the guess. Otherwise the views decide who sees it:
 * - the drawer's lines, and those of players who guessed, reach only the drawer and the
 *   players who guessed, while the turn runs (they know the word);
 * - a line that holds the word reaches only them too, whoever said it ("apple pie" when the
 *   word is "apple"); lines said before the word was chosen stay as they were (nobody
 *   knew it then, and hiding one that holds it would give the word away);
 * - every other line is public (spectators see what the public sees).
 * A guess one edit away from the word also tells its sender alone that it is close.
 */

/** Deals a game for the seated players. */
export function setup(ctx: SetupCtx<SketchSettings, SketchState>): Result<SketchState> {
  return newGame(ctx.settings, ctx.players, ctx.seed, ctx.now, ctx.previous?.usedWords ?? []);
}

/** Applies one move. Pure; refusals carry a stable code and a message. */
export function move(state: SketchState, m: SketchMove, by: Actor, now: number): Result<SketchState | Moved<SketchState>> {
  if (state.phase === 'over') return fail(ErrorCode.GAME_OVER, 'The game is over');
  // A move that arrives after a timer passed (before the server's tick) is judged after it.
  let s = tick(state, now) ?? state;
  if (s.phase === 'over') return fail(ErrorCode.GAME_OVER, 'The game is over');
  const me = s.players.find((p) => p.id === by.playerId);
  if (!me || me.left) {
    // The roster hook hears joins and leaves, not a seat taken mid-game: such a player is admitted here.
    if (by.seat !== SEAT) return fail(SketchError.NOT_IN_GAME, 'Take a player seat to play');
    s = admit(s, by.playerId);
  }
  if (m.turn !== undefined && m.turn !== s.turn.pub.number) return fail(SketchError.STALE_TURN, 'That turn is already over');

  switch (m.type) {
    case 'say':
      return say(s, by.playerId, m.text, now);
    case 'choose':
      return choose(s, by.playerId, m.index, now);
    case 'stroke':
    case 'fill':
    case 'undo':
    case 'clear':
      return draw(s, by.playerId, m);
    default: {
      // Exhaustive: a new move type fails to compile here; an unparsed payload is refused.
      const unknown: never = m;
      return fail(ErrorCode.BAD_REQUEST, `Unknown move ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}

/** Hears a roster change: the game follows the room's players (see flow.ts `syncRoster`). */
export function roster(state: SketchState, _change: RosterChange, players: readonly RosterPlayer[], now: number): SketchState | null {
  return syncRoster(state, players, now);
}

/** The ranking once the game is over: players still in the room, best score first (ties in join order). */
export function outcome(state: SketchState): Outcome | null {
  if (state.phase !== 'over') return null;
  const ranking = state.players
    .filter((p) => !p.left)
    .sort((a, b) => b.score - a.score || a.seq - b.seq)
    .map((p) => ({ playerId: p.id, score: p.score }));
  return { winner: null, reason: state.endReason ?? 'rounds played', ranking };
}

function choose(s: SketchState, by: string, index: number, now: number): Result<SketchState> {
  const t = s.turn;
  if (by !== t.pub.drawer) return fail(SketchError.NOT_DRAWER, 'Only the drawer chooses the word');
  if (s.phase !== 'choosing') return fail(SketchError.WRONG_PHASE, 'The word is already chosen');
  const word = Number.isInteger(index) ? t.choices[index] : undefined;
  if (word === undefined) return fail(SketchError.NOT_A_CHOICE, `Choose a word from 0 to ${t.choices.length - 1}`);
  return ok(startDrawing(s, word, now));
}

function say(s: SketchState, by: string, text: string, now: number): Result<SketchState | Moved<SketchState>> {
  const line = cleanLine(text);
  if (!line.ok) {
    return fail(line.reason === 'empty' ? SketchError.EMPTY_LINE : SketchError.LINE_TOO_LONG, LINE_REFUSAL[line.reason]);
  }
  const t = s.turn;
  if (s.phase === 'choosing' || s.phase === 'drawing') {
    // They know the word (or the choices): they talk among those who know it.
    if (by === t.pub.drawer || t.pub.guessed.includes(by)) return ok(addLine(s, by, 'chat', line.value, 'guessed'));
  }
  if (s.phase !== 'drawing') return ok(addLine(s, by, 'chat', line.value, 'public'));

  const key = matchKey(line.value);
  if (key === t.wordKey) return ok(guessed(s, by, now));
  const next = addLine(s, by, 'chat', line.value, mentions(key, t.wordKey) ? 'guessed' : 'public');
  if (!oneEditApart(key, t.wordKey)) return ok(next);
  const notice: Notice = { playerId: by, kind: 'close', text: `"${line.value}" is close!` };
  return ok(new Moved(next, [notice]));
}

/** A right guess: points by time left and order, a public "X guessed the word" line, and the turn ends once all here did. */
function guessed(s: SketchState, by: string, now: number): SketchState {
  const t = s.turn;
  const points = guessPoints(t.pub.endsAt - now, s.settings.drawSeconds * 1000, t.pub.guessed.length);
  const turn = {
    ...t,
    pub: { ...t.pub, guessed: t.pub.guessed.concat(by) },
    points: t.points.concat({ id: by, points }),
  };
  const next = addLine({ ...s, players: addScore(s.players, by, points), turn }, by, 'guessed', '', 'public');
  return allGuessed(next) ? endTurn(next, 'guessed', now) : next;
}

/** The state with one more line (the oldest dropped beyond {@link MAX_LINES}). */
function addLine(s: SketchState, by: string, kind: Line['kind'], text: string, to: LineAudience): SketchState {
  const line: Line = { id: s.nextLineId, turn: s.turn.pub.number, by, kind, text, to };
  // `slice` and `concat` make arrays of the exact size (docs/performance.md#hot-path-idioms).
  const lines = s.lines.length >= MAX_LINES ? s.lines.slice(1 - MAX_LINES).concat(line) : s.lines.concat(line);
  return { ...s, lines, nextLineId: s.nextLineId + 1 };
}

type DrawMove = Extract<SketchMove, { type: 'stroke' | 'fill' | 'undo' | 'clear' }>;

function draw(s: SketchState, by: string, m: DrawMove): Result<SketchState> {
  if (by !== s.turn.pub.drawer) return fail(SketchError.NOT_DRAWER, 'Only the drawer draws');
  if (s.phase !== 'drawing') return fail(SketchError.WRONG_PHASE, s.phase === 'choosing' ? 'Choose a word first' : 'The turn is over');
  switch (m.type) {
    case 'undo':
    case 'clear': {
      const last = s.drawing[s.drawing.length - 1];
      if (last === undefined) return fail(SketchError.NOTHING_TO_UNDO, SKETCH_ERRORS.NOTHING_TO_UNDO);
      if (m.type === 'clear') return ok({ ...s, drawing: [], drawingSize: 0 });
      return ok({ ...s, drawing: s.drawing.slice(0, -1), drawingSize: s.drawingSize - opSize(last) });
    }
    case 'stroke': {
      const p = m.p;
      if (p.length < 2 || p.length % 2 !== 0 || !p.every(Number.isInteger)) {
        return fail(SketchError.BAD_STROKE, 'A stroke is whole x,y pairs of integers, at least one point');
      }
      if (p.length > 2 * MAX_STROKE_POINTS) return fail(SketchError.BAD_STROKE, `A stroke has at most ${MAX_STROKE_POINTS} points`);
      return commit(s, m.c, strokeOp(m.c, m.w, p, m.s));
    }
    case 'fill':
      if (!Number.isInteger(m.x) || !Number.isInteger(m.y)) return fail(SketchError.BAD_STROKE, 'A fill is at a point of integers');
      return commit(s, m.c, fillOp(m.c, m.x, m.y));
  }
}

/** Appends an operation to the drawing within the turn's bounds. */
function commit(s: SketchState, colour: number, op: DrawOp): Result<SketchState> {
  if (!Number.isInteger(colour) || colour < 0 || colour >= PALETTE.length) {
    return fail(ErrorCode.BAD_REQUEST, `A colour is 0 to ${PALETTE.length - 1}`);
  }
  const size = opSize(op);
  if (s.opsThisTurn >= MAX_OPS_PER_TURN || s.drawingSize + size > MAX_DRAWING_COORDS) {
    return fail(SketchError.DRAWING_FULL, SKETCH_ERRORS.DRAWING_FULL);
  }
  // Only the drawing changes: every audience's view changes the same way (one shared patch).
  return ok({ ...s, drawing: s.drawing.concat(op), opsThisTurn: s.opsThisTurn + 1, drawingSize: s.drawingSize + size });
}
