import { SETTING_BOUNDS } from '@/game/sketch/settings';

/** Draw times offered to the host, in seconds (the rules take 30-240). */
export const DRAW_TIME_CHOICES: readonly number[] = [30, 45, 60, 80, 100, 120, 150, 180, 240];

/** The whole numbers from `min` to `max`, for a select. */
export function range({ min, max }: { readonly min: number; readonly max: number }): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The word tiers with their names, in order. */
export const TIERS = [
  ['easy', 'Easy'],
  ['medium', 'Medium'],
  ['hard', 'Hard'],
] as const;

/** "80 seconds", "2 minutes". */
export function secondsLabel(seconds: number): string {
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`;
}

/** Where the words come from, from the snapshot's settings summary. */
export function wordsLabel(settings: Readonly<Record<string, unknown>>): string {
  const tiers = TIERS.filter(([id]) => Number(settings[id]) > 0).map(([, name]) => name.toLowerCase());
  const mix = tiers.length === 3 ? 'all difficulties' : tiers.join(' and ');
  const custom = `${Number(settings.customWordCount) || 0} custom words`;
  if (settings.wordList === 'custom') return `Custom words only (${custom})`;
  if (settings.wordList === 'mixed') return `Default words (${mix}) and ${custom}`;
  return `Default words (${mix})`;
}

/** The settings as everyone but the host reads them. */
export function settingsSummary(settings: Readonly<Record<string, unknown>>): readonly (readonly [string, string])[] {
  return [
    ['Rounds', String(settings.rounds)],
    ['Draw time', secondsLabel(Number(settings.drawSeconds))],
    ['Word choices', String(settings.choices)],
    ['Hints', settings.hints === 0 ? 'None' : String(settings.hints)],
    ['Players', `Up to ${String(settings.maxPlayers ?? SETTING_BOUNDS.maxPlayers.max)}`],
    ['Words', wordsLabel(settings)],
  ];
}
