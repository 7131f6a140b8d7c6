import { PUBLIC_AUDIENCE, type PreviousView, type Viewer } from '../engine';
import type { Line, SketchRole, SketchState, SketchView } from './types';

/**
 * What each audience sees. Three keys while a turn runs:
 * - `drawer:<playerId>`: the drawer alone (an audience of one): the choices, then the word;
 * - `guessed`: the players who guessed the word this turn: the word, and the lines only the
 *   drawer and they may read;
 * - `public`: everyone else (guessers, unseated players, spectators): the word's shape and
 *   the hints already due, the public lines.
 * The drawing, the public turn and the score lines are the same for all, and are the
 * state's own objects in every view: a committed stroke changes every view in the same
 * place, so the server sends one shared patch for it.
 *
 * Views are built field by field (never by spreading the state) so that hidden fields (the
 * word, the choices, the hint plan, rng, the custom list) cannot slip in when the state grows.
 */

/** Audience key of the players who guessed the word this turn. */
export const GUESSED_AUDIENCE = 'guessed';

/** The audience key of the current drawer. */
export function drawerAudience(playerId: string): string {
  return `drawer:${playerId}`;
}

/** The audience key of a viewer: the drawer's own key, `guessed`, or `public`. */
export function audience(state: SketchState, viewer: Viewer): string {
  const t = state.turn.pub;
  if (t.drawer !== '' && viewer.playerId === t.drawer) return drawerAudience(viewer.playerId);
  if (t.guessed.includes(viewer.playerId)) return GUESSED_AUDIENCE;
  return PUBLIC_AUDIENCE;
}

/** The role an audience key stands for in this state; unknown keys (an old drawer's) are guessers. */
export function roleOf(state: SketchState, audienceKey: string): SketchRole {
  const drawer = state.turn.pub.drawer;
  if (drawer !== '' && audienceKey === drawerAudience(drawer)) return 'drawer';
  return audienceKey === GUESSED_AUDIENCE ? 'guessed' : 'guesser';
}

/** Whether an audience may read a line now: public lines, and this turn's others for those who know the word. */
export function mayRead(line: Line, role: SketchRole, turn: number): boolean {
  return line.to === 'public' || (role !== 'guesser' && line.turn === turn);
}

/**
 * The game as an audience may see it. `previous` (the view this audience was last given,
 * and its state) lets the lines be reused when neither they nor the turn changed.
 */
export function view(state: SketchState, audienceKey: string, previous?: PreviousView<SketchState, SketchView>): SketchView {
  const t = state.turn;
  const role = roleOf(state, audienceKey);
  const over = state.phase === 'over';
  const knowsWord = role !== 'guesser' || state.phase === 'pause' || over;
  const turnNumber = t.pub.number;
  const before =
    previous?.view.audience === audienceKey && previous.view.role === role && previous.state.turn.pub.number === turnNumber ? previous : undefined;
  const lines =
    before?.state.lines === state.lines
      ? before.view.lines
      : role === 'guesser' && !state.lines.some((l) => l.to !== 'public')
        ? state.lines
        : state.lines.filter((l) => mayRead(l, role, turnNumber));
  return {
    audience: audienceKey,
    role,
    phase: state.phase,
    round: state.round,
    rounds: state.settings.rounds,
    drawSeconds: state.settings.drawSeconds,
    turn: t.pub,
    word: knowsWord ? t.word : null,
    choices: role === 'drawer' && state.phase === 'choosing' ? t.choices : null,
    drawing: state.drawing,
    lines,
    players: state.players,
    history: over ? state.history : null,
    gallery: over ? state.gallery : null,
    endReason: state.endReason,
  };
}
