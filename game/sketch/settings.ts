import { z } from 'zod';
import { LIMITS } from '../limits';
import type { SketchSettings } from './types';
import { MAX_CUSTOM_WORDS, MAX_WORD_LENGTH, MIN_CUSTOM_ONLY_WORDS, normalizeWordList, splitWordList } from './words';

/** Bounds of each host setting. */
export const SETTING_BOUNDS = {
  rounds: { min: 1, max: 10 },
  drawSeconds: { min: 30, max: 240 },
  choices: { min: 1, max: 5 },
  hints: { min: 0, max: 5 },
  maxPlayers: { min: 2, max: LIMITS.playersPerRoom },
  tier: { min: 0, max: 10 },
} as const;

/** A new room's settings. */
export const DEFAULT_SETTINGS: SketchSettings = Object.freeze({
  rounds: 3,
  drawSeconds: 80,
  choices: 3,
  hints: 2,
  maxPlayers: 12,
  customWords: null,
  customOnly: false,
  tiers: Object.freeze({ easy: 1, medium: 1, hard: 1 }),
});

// Bounds the work done on a hostile payload before the real check (duplicates included).
const RAW_LIST_MAX = 5000;
const RAW_TEXT_MAX = 60_000;
const RAW_WORD_MAX = 200;

function whole(name: string, bounds: { readonly min: number; readonly max: number }, unit = '') {
  const u = unit ? ` ${unit}` : '';
  return z
    .number()
    .int(`${name} is a whole number`)
    .min(bounds.min, `${name} is at least ${bounds.min}${u}`)
    .max(bounds.max, `${name} is at most ${bounds.max}${u}`);
}

const tierWeight = (name: string) => whole(`The weight of ${name} words`, SETTING_BOUNDS.tier);

/**
 * The custom list as sent: the pasted text (comma or line separated) or its entries, or null.
 * It comes out tidied and distinct (`normalizeWordList`), so parsing the output again gives
 * the same list (the room merges a partial change into the parsed settings and parses again).
 */
const customWordsSchema = z
  .union([
    z.string().max(RAW_TEXT_MAX, 'The word list is too long'),
    z.array(z.string().max(RAW_WORD_MAX, `A word has at most ${MAX_WORD_LENGTH} characters`)).max(RAW_LIST_MAX, `A word list has at most ${MAX_CUSTOM_WORDS} words`),
  ])
  .nullable()
  .transform((raw, ctx) => {
    if (raw === null) return null;
    const checked = normalizeWordList(typeof raw === 'string' ? splitWordList(raw) : raw);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.error.message });
      return z.NEVER;
    }
    // An empty list is no list.
    return checked.value.length === 0 ? null : checked.value;
  });

/** Settings from the host's lobby form; every field is required (the room merges partial changes first). */
export const sketchSettingsSchema: z.ZodType<SketchSettings, unknown> = z
  .object({
    rounds: whole('Rounds', SETTING_BOUNDS.rounds),
    drawSeconds: whole('The draw time', SETTING_BOUNDS.drawSeconds, 'seconds'),
    choices: whole('Word choices', SETTING_BOUNDS.choices),
    hints: whole('Hints', SETTING_BOUNDS.hints),
    maxPlayers: whole('Players', SETTING_BOUNDS.maxPlayers),
    customWords: customWordsSchema,
    customOnly: z.boolean(),
    tiers: z.object({ easy: tierWeight('easy'), medium: tierWeight('medium'), hard: tierWeight('hard') }),
  })
  .superRefine((s, ctx) => {
    const words = s.customWords?.length ?? 0;
    if (s.customOnly && words > 0 && words < MIN_CUSTOM_ONLY_WORDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['customWords'],
        message: `Custom words only needs at least ${MIN_CUSTOM_ONLY_WORDS} different words; found ${words}`,
      });
    }
    if (words === 0 && s.tiers.easy + s.tiers.medium + s.tiers.hard === 0) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'Pick at least one difficulty, or give a custom word list' });
    }
  });

/** Where the words come from. */
export function wordSource(settings: SketchSettings): 'default' | 'custom' | 'mixed' {
  if (settings.customWords === null) return 'default';
  const tiers = settings.tiers.easy + settings.tiers.medium + settings.tiers.hard;
  return settings.customOnly || tiers === 0 ? 'custom' : 'mixed';
}

/** Settings as everyone may see them: the size of a custom list, never its words. */
export function settingsSummary(settings: SketchSettings): Record<string, string | number | boolean | null> {
  return {
    rounds: settings.rounds,
    drawSeconds: settings.drawSeconds,
    choices: settings.choices,
    hints: settings.hints,
    maxPlayers: settings.maxPlayers,
    wordList: wordSource(settings),
    customWordCount: settings.customWords?.length ?? 0,
    easy: settings.tiers.easy,
    medium: settings.tiers.medium,
    hard: settings.tiers.hard,
  };
}
