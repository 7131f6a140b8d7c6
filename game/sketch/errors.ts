import { errorCodes } from '../errors';

/** The error codes of Sketch, beside the platform's, and what each means. */
export const SKETCH_ERRORS = {
  NOT_DRAWER: 'Only the player drawing this turn may do that (choose the word, draw, fill, undo, clear).',
  WRONG_PHASE: 'The move does not fit the phase of the turn (drawing before the word is chosen, choosing twice, drawing during the pause).',
  NOT_A_CHOICE: 'The word index is not one of the words offered.',
  DRAWING_FULL: 'The drawing holds as many operations or points as a turn allows; undo or clear to go on.',
  NOTHING_TO_UNDO: 'The drawing is empty.',
  EMPTY_LINE: 'The line has nothing visible to show.',
  LINE_TOO_LONG: 'The line is longer than a guess or message may be.',
  BAD_STROKE: 'A stroke needs whole x,y pairs: an even number of coordinates, at least one point.',
  STALE_TURN: 'The move was made for a turn that is already over.',
  NOT_IN_GAME: 'The player has no place in this game (no player seat).',
} as const;

/** The codes as constants, for `fail`. */
export const SketchError = errorCodes(SKETCH_ERRORS);
