/**
 * The browser's session token: a random secret created once and kept in localStorage.
 * The server maps it to a player, so a reload or a second tab gets the same seat back.
 * It is a secret: never render it, log it or put it in a URL.
 */

const TOKEN_KEY = 'parlor:token';
// Same shape the server's handshake schema accepts; anything else is replaced.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,64}$/;

// Used when localStorage is unavailable (some private modes throw on access):
// the tab still works, it just cannot reclaim its seat after a reload.
let memoryToken: string | null = null;

/** 24 random bytes as base64url: exactly 32 characters, no padding. */
function newToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns this browser's session token, creating and storing it on first use. Browser only. */
export function getSessionToken(): string {
  try {
    const stored = localStorage.getItem(TOKEN_KEY);
    if (stored && TOKEN_SHAPE.test(stored)) return stored;
    const token = newToken();
    localStorage.setItem(TOKEN_KEY, token);
    return token;
  } catch {
    memoryToken ??= newToken();
    return memoryToken;
  }
}
