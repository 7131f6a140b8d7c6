import { errorCodes } from '../errors';

/** The error codes of Codewords, beside the platform's, and what each means. */
export const CODEWORDS_ERRORS = {
  NOT_YOUR_TURN: "It is the other team's turn.",
  WRONG_ROLE: 'Your seat cannot make that move (an operative giving a clue, a spymaster guessing...).',
  STALE_TURN: 'The move was made for a turn that is already over.',
  WRONG_PHASE: 'The move does not fit the phase of the turn (a guess before the clue, a second clue).',
  CARD_REVEALED: 'That card was already revealed (also the second of two simultaneous taps).',
  CLUE_INVALID: 'The clue breaks a rule; the message says which.',
  MUST_GUESS_FIRST: 'Ending the turn needs at least one guess first.',
} as const;

/** The codes as constants, for `fail`. */
export const CodewordsError = errorCodes(CODEWORDS_ERRORS);
