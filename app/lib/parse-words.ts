/**
 * Splits a pasted word list into words: one per line or separated by commas, trimmed,
 * empty entries dropped. The server validates the result (length, duplicates, count).
 */
export function parseWordList(text: string): string[] {
  return text
    .split(/[\n\r,]+/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}
