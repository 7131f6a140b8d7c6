/**
 * The host's pasted custom word list, kept in this browser per room. The snapshot says only
 * how many custom words a room has (never which), so the host's form shows the text again
 * after a reload from here. Any game with a custom list uses it.
 */

const key = (code: string) => `parlor:words:${code}`;

/** The text last pasted for this room in this browser, or ''. */
export function loadWordList(code: string): string {
  try {
    return localStorage.getItem(key(code)) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the pasted text once the server accepted it. */
export function saveWordList(code: string, text: string): void {
  try {
    localStorage.setItem(key(code), text);
  } catch {
    // Not remembered; the list on the server is unaffected.
  }
}
