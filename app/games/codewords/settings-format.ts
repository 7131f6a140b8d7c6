/** Turn timer choices offered to the host, in seconds (null: no timer). */
export const TURN_TIMER_CHOICES: readonly (number | null)[] = [null, 30, 60, 90, 120, 180];

/** "Off", "30 seconds", "2 minutes". */
export function timerLabel(seconds: number | null | undefined): string {
  if (!seconds) return 'Off';
  if (seconds >= 120 && seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** "Default list (400 words)" / "Custom list (30 words)" from the snapshot's settings summary. */
export function wordListLabel(wordList: unknown, wordCount: unknown): string {
  const kind = wordList === 'custom' ? 'Custom list' : 'Default list';
  return typeof wordCount === 'number' ? `${kind} (${wordCount} words)` : kind;
}

/** The settings as everyone but the host reads them: the turn timer and the word list. */
export function settingsSummary(settings: Readonly<Record<string, unknown>>): readonly (readonly [string, string])[] {
  return [
    ['Turn timer', timerLabel(settings.turnSeconds as number | null | undefined)],
    ['Words', wordListLabel(settings.wordList, settings.wordCount)],
  ];
}
