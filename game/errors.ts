/**
 * The platform's stable error codes. Every rejected action answers `{ ok: false, code,
 * message }` with one of these or one its game declares (`GameDefinition.errors`); clients
 * branch on the code and show the message. Codes never change meaning once shipped: add
 * new ones instead.
 */
export const ErrorCode = {
  /** The payload did not match the event's schema. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The client speaks another protocol version; it should reload. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  /** The handshake carried no valid session token. */
  BAD_AUTH: 'BAD_AUTH',
  /** No room has that code (or it expired). */
  ROOM_NOT_FOUND: 'ROOM_NOT_FOUND',
  /** The room has the maximum number of players. */
  ROOM_FULL: 'ROOM_FULL',
  /** The room has the maximum number of spectators. */
  SPECTATORS_FULL: 'SPECTATORS_FULL',
  /** The socket has not joined that room. */
  NOT_IN_ROOM: 'NOT_IN_ROOM',
  /** Only the host may do that. */
  NOT_HOST: 'NOT_HOST',
  /** Spectators watch; they cannot take seats or act. */
  NOT_A_PLAYER: 'NOT_A_PLAYER',
  /** The nickname is empty, too long or made of unusable characters. */
  NICKNAME_INVALID: 'NICKNAME_INVALID',
  /** Someone in the room already has that nickname, or one that looks the same. */
  NICKNAME_TAKEN: 'NICKNAME_TAKEN',
  /** The seat does not exist or has no room left. */
  SEAT_TAKEN: 'SEAT_TAKEN',
  /** Seats cannot change while a game is running. */
  ROLES_LOCKED: 'ROLES_LOCKED',
  /** The game closes the room chat to this member while it runs (their lines go through the game). */
  CHAT_CLOSED: 'CHAT_CLOSED',
  /** The settings are invalid (custom word list, timer, ...). */
  SETTINGS_INVALID: 'SETTINGS_INVALID',
  /** The game cannot start yet (a seat that must be filled is empty). */
  CANNOT_START: 'CANNOT_START',
  /** That needs a running game and there is none. */
  GAME_NOT_STARTED: 'GAME_NOT_STARTED',
  /** That cannot be done while a game is running. */
  GAME_IN_PROGRESS: 'GAME_IN_PROGRESS',
  /** The game has ended; no more moves. */
  GAME_OVER: 'GAME_OVER',
  /** A move, or a vote to remove someone, by a player without a seat. */
  NOT_SEATED: 'NOT_SEATED',
  /** A game this server does not offer: asked for in a new room, or of a stored room made by a newer node. */
  GAME_UNKNOWN: 'GAME_UNKNOWN',
  /** Too many requests; `retryAfterMs` in the ack says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** This player was removed from the room (by the host, or by a vote of the players); they cannot come back to it. */
  KICKED: 'KICKED',
  /** A player voted to remove themselves (leaving the room does that). */
  CANNOT_VOTE_SELF: 'CANNOT_VOTE_SELF',
  /** This address already holds the most rooms it may create. */
  TOO_MANY_ROOMS: 'TOO_MANY_ROOMS',
  /** This address (an IPv6 /64) already has the most connections it may open. */
  TOO_MANY_CONNECTIONS: 'TOO_MANY_CONNECTIONS',
  /** The handshake came from a web page on another site. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** No player with that id is in the room (a host action's or a vote's target). */
  NO_SUCH_PLAYER: 'NO_SUCH_PLAYER',
  /**
   * The shared room store (Redis) cannot be reached just now; nothing was changed. Try
   * again in a moment (only with several nodes: the embedded server never answers this).
   */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** Other actions on the same room kept winning the race; nothing was changed. Try again. */
  TRY_AGAIN: 'TRY_AGAIN',
  /** Something broke on the server; the room is unharmed. */
  INTERNAL: 'INTERNAL',
} as const;

/** One of the platform's error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A rejected action as data: thrown only for programmer errors, returned otherwise. */
export interface GameError {
  /** One of {@link ErrorCode} or of the game's own codes (`GameDefinition.errors`). */
  readonly code: string;
  readonly message: string;
}

/** What a pure reducer returns: the new state, or the reason it refused. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GameError };

/** An accepted result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A refused result with a stable code and a message a player can read. */
export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/**
 * A game's error codes as constants (`{ NOT_YOUR_TURN: 'NOT_YOUR_TURN' }`) from what each
 * means, so a game declares its codes once: the meanings are its `errors`, the constants
 * what its rules pass to {@link fail}.
 */
export function errorCodes<T extends Readonly<Record<string, string>>>(meanings: T): { readonly [K in keyof T]: K } {
  return Object.fromEntries(Object.keys(meanings).map((code) => [code, code])) as { readonly [K in keyof T]: K };
}
