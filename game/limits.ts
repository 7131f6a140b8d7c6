/**
 * The protocol's plain constants and text checks, with no dependency at all. The browser
 * imports these instead of `game/protocol`, whose zod schemas would put zod in every
 * page's first load; `game/protocol` re-exports them and builds its schemas on them, so
 * both sides agree on the bounds and on the messages.
 */

/** Bumped on any incompatible change; the handshake refuses other versions. */
export const PROTOCOL_VERSION = 5;

/** Room codes use letters and digits nobody confuses when read aloud (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A whole room code once normalised: 4 to 6 characters of {@link ROOM_CODE_ALPHABET}. */
export const ROOM_CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{4,6}$`);

/**
 * The HTTP path that tells whether a room exists, and its line as the public list shows it
 * (`GET`, answered with a `RoomLookup` of game/protocol.ts; docs/protocol.md). A room
 * link's first visit asks it before the nickname, so a dead link says so at once.
 */
export function roomLookupPath(code: string): string {
  return `/api/rooms/${encodeURIComponent(code)}`;
}

/** Bounds that both sides agree on. */
export const LIMITS = {
  nicknameMax: 24,
  playersPerRoom: 20,
  spectatorsPerRoom: 200,
  chatMax: 300,
  chatHistory: 100,
  /** Most bytes of one stream frame's data (its JSON text, or its binary length). */
  streamFrameBytes: 4096,
} as const;

/** The messages a refused nickname, room code or chat line shows, in the browser and in an ack. */
export const TEXT_ERRORS = {
  nicknameEmpty: 'Pick a nickname',
  nicknameLong: `At most ${LIMITS.nicknameMax} characters`,
  roomCode: 'Room codes are 4 to 6 letters and digits',
  chatEmpty: 'Say something',
  chatLong: `At most ${LIMITS.chatMax} characters`,
} as const;

// C0/C1 control characters and the bidi overrides that could disguise a name.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes control and invisible characters and collapses runs of whitespace. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Upper case without spaces: how a room code is written however it was typed. */
export function normalizeRoomCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** A checked text: the value to send, or the message to show. */
export type Checked = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/** Cleans `text` and checks its length, as the server's schema does. */
function checkLength(text: string, max: number, empty: string, long: string): Checked {
  const value = cleanText(text);
  if (value.length === 0) return { ok: false, message: empty };
  if (value.length > max) return { ok: false, message: long };
  return { ok: true, value };
}

/**
 * The browser's check of a nickname before sending it: the same cleaning, bounds and
 * messages as the server's `nicknameSchema` (which still parses whatever arrives).
 */
export function checkNickname(text: string): Checked {
  return checkLength(text, LIMITS.nicknameMax, TEXT_ERRORS.nicknameEmpty, TEXT_ERRORS.nicknameLong);
}

/** The browser's check of a chat line, as the server's `chatTextSchema`. */
export function checkChatText(text: string): Checked {
  return checkLength(text, LIMITS.chatMax, TEXT_ERRORS.chatEmpty, TEXT_ERRORS.chatLong);
}

/** The browser's check of a typed room code, as the server's `roomCodeSchema`: normalised if valid. */
export function checkRoomCode(text: string): Checked {
  const value = normalizeRoomCode(text);
  return ROOM_CODE_PATTERN.test(value) ? { ok: true, value } : { ok: false, message: TEXT_ERRORS.roomCode };
}
