import { z } from 'zod';
import type { Actor, GameDefinition, SeatSpec } from '../engine';
import { colourSchema, coordSchema, MAX_STROKE_POINTS, pointsSchema, streamFrameSchema, widthSchema, type StreamFrame } from './draw';
import { SKETCH_ERRORS } from './errors';
import { deadline, SEAT, tick } from './flow';
import { move, outcome, roster, setup } from './rules';
import { DEFAULT_SETTINGS, SETTING_BOUNDS, settingsSummary, sketchSettingsSchema } from './settings';
import { LINE_MAX } from './text';
import type { SketchMove, SketchSettings, SketchState, SketchView } from './types';
import { audience, view } from './view';

/**
 * Sketch: a real-time draw-and-guess game. Everyone who joins plays; in turn, each player
 * chooses a word and draws it while the others guess. This module wires the pure rules
 * into the engine contract.
 */

// Room for invisible characters that cleaning removes before the real bound (LINE_MAX).
const LINE_RAW_MAX = 4 * LINE_MAX;
const turnField = z.number().int().positive().optional();

/** A move payload from a client. Bounds are checked here; the rules clamp what is drawn. */
export const sketchMoveSchema: z.ZodType<SketchMove, unknown> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose'), index: z.number().int(), turn: turnField }),
  z.object({ type: z.literal('say'), text: z.string().max(LINE_RAW_MAX), turn: turnField }),
  z.object({
    type: z.literal('stroke'),
    c: colourSchema,
    w: widthSchema,
    p: pointsSchema(2, 2 * MAX_STROKE_POINTS),
    s: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    turn: turnField,
  }),
  z.object({ type: z.literal('fill'), c: colourSchema, x: coordSchema, y: coordSchema, turn: turnField }),
  z.object({ type: z.literal('undo'), turn: turnField }),
  z.object({ type: z.literal('clear'), turn: turnField }),
]);

// One seat list per player limit, made once: the room reads its seats often.
const SEATS: ReadonlyMap<number, readonly SeatSpec[]> = new Map(
  Array.from({ length: SETTING_BOUNDS.maxPlayers.max - SETTING_BOUNDS.maxPlayers.min + 1 }, (_, i) => {
    const max = SETTING_BOUNDS.maxPlayers.min + i;
    return [max, Object.freeze([Object.freeze({ id: SEAT, label: 'Player', min: 2, max, joinMidGame: true })])];
  }),
);

/** The seats of a game with these settings: one teamless seat for every player. */
export function sketchSeats(settings: Pick<SketchSettings, 'maxPlayers'>): readonly SeatSpec[] {
  return SEATS.get(settings.maxPlayers) ?? [{ id: SEAT, label: 'Player', min: 2, max: settings.maxPlayers, joinMidGame: true }];
}

/** Whether a player may stream the stroke in progress now: the drawer, while drawing. */
export function mayStream(state: SketchState, by: Actor): boolean {
  return state.phase === 'drawing' && state.turn.pub.drawer === by.playerId;
}

/** The Sketch game definition. */
export const sketch = {
  id: 'sketch',
  name: 'Sketch',
  // Players' lines go through the game (`say`), which hides the word from those who have not
  // guessed it; the room chat stays open to spectators, who never see the word.
  chatOpen: (_state, viewer) => viewer.seat === null,
  settingsSchema: sketchSettingsSchema,
  defaultSettings: DEFAULT_SETTINGS,
  moveSchema: sketchMoveSchema,
  errors: SKETCH_ERRORS,
  autoSeat: SEAT,
  settingsSummary,
  seats: sketchSeats,
  setup,
  move,
  roster,
  stream: { schema: streamFrameSchema, allowed: mayStream } satisfies { schema: z.ZodType<StreamFrame>; allowed: typeof mayStream },
  deadline,
  tick,
  audience,
  view,
  outcome,
} satisfies GameDefinition<SketchState, SketchMove, SketchView, SketchSettings>;

export type * from './types';
export type { StreamFrame } from './draw';
export { CANVAS, PALETTE, WIDTHS, MAX_STROKE_POINTS, MAX_OPS_PER_TURN, MAX_DRAWING_COORDS, MAX_FRAME_COORDS, clampWidth, clampPoints } from './draw';
export { SKETCH_ERRORS, SketchError } from './errors';
export { SEAT, CHOICE_MS, PAUSE_MS, DRAWER_AWAY_GRACE_MS, MIN_PLAYERS, guessPoints, drawerPoints } from './flow';
export { DEFAULT_SETTINGS, SETTING_BOUNDS, sketchSettingsSchema, settingsSummary, wordSource } from './settings';
export { LINE_MAX, matchKey, oneEditApart, blankMask, wordCells } from './text';
export { DEFAULT_WORDS, DEFAULT_TIERS, parseWordList, countWords, MAX_CUSTOM_WORDS, MAX_WORD_LENGTH, MIN_CUSTOM_ONLY_WORDS } from './words';
export { audience, view, GUESSED_AUDIENCE, drawerAudience } from './view';
