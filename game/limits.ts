/**
 * The protocol's plain constants and text checks, with no dependency at all. The browser
 * imports these instead of `game/protocol`, whose zod schemas would put zod in every
 * page's first load; `game/protocol` re-exports them and builds its schemas on them, so
 * both sides agree on the bounds and on the messages.
 */

/** Bumped on any incompatible change; the handshake refuses other versions. */
export const PROTOCOL_VERSION = 6;

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

/**
 * One character that shows nothing by itself: a control other than the whitespace ones (tab,
 * line feeds: those are spaces), a format character (bidi marks and overrides, U+061C, the
 * soft hyphen, U+180E, the BOM, ...) or any default-ignorable code point (zero-width spaces
 * and joiners, the word joiner, variation selectors, tag characters, the Hangul fillers
 * U+115F, U+1160, U+3164 and U+FFA0, ...). A name or a line of these alone would show
 * blank, and inside a word they hide a difference nobody can see.
 */
export const INVISIBLE_CHAR = /(?![\t-\r])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

const JOINING_SCRIPTS = ['Arab', 'Syrc', 'Nkoo', 'Mong', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh'];

/**
 * One visible letter or mark of a script that spells with the zero-width joiner and
 * non-joiner inside words (Persian "می‌خواهم", Indic half forms): between two of these they
 * are spelling, and kept; anywhere else they only hide a difference.
 */
export const JOINING_LETTER = new RegExp(
  `(?!\\p{Default_Ignorable_Code_Point})(?=[\\p{L}\\p{M}])[${JOINING_SCRIPTS.map((s) => `\\p{scx=${s}}`).join('')}]`,
  'u',
);

// What keeps its invisible characters: an emoji (a variation selector or skin tone, a keycap,
// zero-width joiners between emoji, the tags of a subdivision flag) and a joiner inside a
// word of a JOINING_LETTER script. Matched before INVISIBLE_CHAR at each position, so only
// these survive.
const EMOJI = String.raw`\p{Emoji}(?:\p{Emoji_Modifier}|[\uFE0E\uFE0F])?\u20E3?`;
const EMOJI_SEQUENCE = String.raw`\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|${EMOJI}(?:\u200D${EMOJI})*`;
const JOINED = `${JOINING_LETTER.source}[\u200c\u200d](?=${JOINING_LETTER.source})`;
const CLEAN = new RegExp(`(${EMOJI_SEQUENCE}|${JOINED})|${INVISIBLE_CHAR.source}`, 'gu');

// U+2800 (a Braille cell with no dots) draws as a blank: as good as a space in a name.
const BLANK = /[\s\u2800]+/g;

/**
 * Removes control, format and invisible characters ({@link INVISIBLE_CHAR}, keeping those
 * inside an emoji or a Persian or Indic word) and collapses runs of whitespace to one space:
 * what is left is what a reader sees, so a name or a chat line that is empty afterwards is
 * refused as empty.
 */
export function cleanText(text: string): string {
  // Most names and lines have nothing to take out, and finding so is cheaper than CLEAN's scan.
  const plain = PRINTABLE_ASCII.test(text) || !INVISIBLE_CHAR.test(text);
  return (plain ? text : text.replace(CLEAN, keepVisible)).replace(BLANK, ' ').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function keepVisible(_match: string, kept: string | undefined): string {
  return kept ?? '';
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
