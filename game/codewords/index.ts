import { z } from 'zod';
import type { GameDefinition } from '../engine';
import { MAX_CLUE_COUNT } from './clue';
import { CODEWORDS_ERRORS } from './errors';
import { deadline, move, outcome, setup, tick } from './rules';
import { CODEWORDS_SEATS } from './seats';
import type { CodewordsMove, CodewordsSettings, CodewordsState, CodewordsView } from './types';
import { audience, view } from './view';
import { DEFAULT_WORDS, normalizeWordList } from './words';

/**
 * Codewords: two teams, a 5x5 grid of words, one spymaster per team who knows which words
 * are their agents. This module wires the pure rules into the engine contract.
 */

/** Shortest and longest turn timer, in seconds. */
export const TURN_SECONDS = { min: 15, max: 600 } as const;

// Entries longer than this are junk; the word-list check names shorter invalid words.
const RAW_WORD_MAX = 200;
// Bounds the work done on a hostile payload before the real check (duplicates included).
const RAW_LIST_MAX = 5000;

/**
 * Settings from the host's lobby form. Both fields are required (send null for "none").
 * `customWords` comes out normalized: upper case, trimmed, deduplicated.
 */
export const codewordsSettingsSchema = z.object({
  turnSeconds: z
    .number()
    .int('The turn timer is a whole number of seconds')
    .min(TURN_SECONDS.min, `The turn timer is at least ${TURN_SECONDS.min} seconds`)
    .max(TURN_SECONDS.max, `The turn timer is at most ${TURN_SECONDS.max} seconds`)
    .nullable(),
  customWords: z
    .array(z.string().max(RAW_WORD_MAX, `A word has at most ${RAW_WORD_MAX} characters`))
    .max(RAW_LIST_MAX, `A word list has at most ${RAW_LIST_MAX} entries`)
    .nullable()
    .transform((words, ctx) => {
      if (words === null) return null;
      const checked = normalizeWordList(words);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.error.message });
      return z.NEVER;
    }),
});

/** A move payload from a client. Clue words are checked (better messages) by the rules. */
export const codewordsMoveSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('clue'),
    word: z.string().max(64),
    count: z.union([z.number().int().min(0).max(MAX_CLUE_COUNT), z.literal('unlimited')]),
    turn: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('guess'),
    card: z.number().int(),
    turn: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('endTurn'),
    turn: z.number().int().positive().optional(),
  }),
]);

/** The Codewords game definition. */
export const codewords = {
  id: 'codewords',
  name: 'Codewords',
  settingsSchema: codewordsSettingsSchema,
  defaultSettings: { turnSeconds: null, customWords: null },
  moveSchema: codewordsMoveSchema,
  errors: CODEWORDS_ERRORS,
  // The size of a custom list, never its words: the list could be a teacher's quiz.
  settingsSummary: (settings) => ({
    turnSeconds: settings.turnSeconds,
    wordList: settings.customWords === null ? 'default' : 'custom',
    wordCount: (settings.customWords ?? DEFAULT_WORDS).length,
  }),
  seats: () => CODEWORDS_SEATS,
  // A spymaster has seen the key: back only as their team's spymaster. An operative keeps their team.
  mayChangeSeat: (_state, from, to) => from.team === to.team && (!from.id.endsWith(':spymaster') || from.id === to.id),
  setup,
  move,
  deadline,
  tick,
  audience,
  view,
  outcome,
} satisfies GameDefinition<CodewordsState, CodewordsMove, CodewordsView, CodewordsSettings>;

export type * from './types';
export { parseWordList, countWords, DEFAULT_WORDS, BOARD_SIZE, MAX_CUSTOM_WORDS, MAX_WORD_LENGTH } from './words';
export { checkClue, checkClueShape, MAX_CLUE_LENGTH, MAX_CLUE_COUNT } from './clue';
export { CODEWORDS_ERRORS, CodewordsError } from './errors';
