import { z } from 'zod';
import type { SeatSpec } from './engine';
import type { ErrorCode } from './errors';
import type { GameErrorCode } from './games';
import { cleanText, LIMITS, normalizeRoomCode, ROOM_CODE_PATTERN, TEXT_ERRORS } from './limits';
import type { PatchOp } from './patch';

/**
 * The wire protocol between browser and server, typed both ways. Every inbound payload
 * is parsed with the schema below before anything else looks at it; every client action
 * is an emit with an ack answering {@link Response}. See docs/protocol.md.
 */

// The plain constants live in a zod-free module the browser can import cheaply.
export { cleanText, LIMITS, PROTOCOL_VERSION, ROOM_CODE_ALPHABET } from './limits';

/**
 * Every code a refusal can carry: the platform's (game/errors.ts) and those each registered
 * game declares (`GameDefinition.errors`, docs/protocol.md). A closed union.
 */
export type AnyErrorCode = ErrorCode | GameErrorCode;

/** An ack's answer: success with a payload, or a stable error code and a readable message. */
export type Response<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: AnyErrorCode; message: string; retryAfterMs?: number };

/** The callback a client passes as the last argument of every action. */
export type Ack<T extends object = object> = (response: Response<T>) => void;

// ---------------------------------------------------------------------------------------
// Inbound payload schemas
// ---------------------------------------------------------------------------------------

/** A nickname: 1-24 visible characters once cleaned. */
export const nicknameSchema = z
  .string()
  .max(200)
  .transform(cleanText)
  .pipe(z.string().min(1, TEXT_ERRORS.nicknameEmpty).max(LIMITS.nicknameMax, TEXT_ERRORS.nicknameLong));

/**
 * A room code, accepted in any case and with stray spaces; always upper case after parsing.
 * (`overwrite` normalizes within the string schema's own checks, so a code is parsed by one
 * schema on every request.)
 */
export const roomCodeSchema = z.string().max(20).overwrite(normalizeRoomCode).regex(ROOM_CODE_PATTERN, TEXT_ERRORS.roomCode);

const withCode = z.object({ code: roomCodeSchema });
const playerIdSchema = z.string().regex(/^p_[A-Za-z0-9_-]{6,32}$/, 'Not a player id');

/** A chat line: 1-300 visible characters once cleaned. */
export const chatTextSchema = z
  .string()
  .max(2000)
  .transform(cleanText)
  .pipe(z.string().min(1, TEXT_ERRORS.chatEmpty).max(LIMITS.chatMax, TEXT_ERRORS.chatLong));

/** Schemas of every client-to-server event payload, keyed by event name. */
export const schemas = {
  'room:create': z.object({
    nickname: nicknameSchema,
    public: z.boolean(),
    /** The game to play (game/games.ts); the first registered game when absent. */
    gameId: z.string().max(40).optional(),
    /** Game settings; parsed by the game's own schema. */
    settings: z.unknown().optional(),
  }),
  'room:join': withCode.extend({
    nickname: nicknameSchema,
    as: z.enum(['player', 'spectator']),
  }),
  'room:leave': withCode,
  'room:seat': withCode.extend({ seat: z.string().max(40).nullable() }),
  'room:settings': withCode.extend({
    public: z.boolean().optional(),
    settings: z.unknown().optional(),
  }),
  'room:start': withCode,
  'room:rematch': withCode,
  'room:lobby': withCode,
  'room:sync': withCode,
  'game:move': withCode.extend({ move: z.unknown() }),
  'room:kick': withCode.extend({ playerId: playerIdSchema }),
  'room:assign': withCode.extend({ playerId: playerIdSchema, seat: z.string().max(40).nullable() }),
  'room:host': withCode.extend({ playerId: playerIdSchema }),
  /** `vote`: true casts the vote, false withdraws it; absent, it toggles. */
  'room:vote-kick': withCode.extend({ playerId: playerIdSchema, vote: z.boolean().optional() }),
  'chat:send': withCode.extend({ text: chatTextSchema }),
  /** A frame of the game's stream; `data` is parsed by the game's stream schema. Sent without an ack. */
  'game:stream': withCode.extend({ data: z.unknown() }),
} as const;

/** The parsed payload of an event. */
export type Payload<E extends keyof typeof schemas> = z.infer<(typeof schemas)[E]>;
/** The raw payload a client sends for an event. */
export type Input<E extends keyof typeof schemas> = z.input<(typeof schemas)[E]>;

// ---------------------------------------------------------------------------------------
// Outbound shapes
// ---------------------------------------------------------------------------------------

/** Where a room is in its life. */
export type RoomPhase = 'lobby' | 'playing' | 'over';

/** A player as everyone in the room sees them. Never carries a session token. */
export interface PlayerView {
  /** Public id, stable across reloads of the same browser. */
  readonly id: string;
  readonly nickname: string;
  readonly seat: string | null;
  /** Whether at least one of the player's sockets is connected to the room. */
  readonly connected: boolean;
}

/** Votes to remove players: each target's id to the ids of the players voting against them. */
export type KickVotes = Readonly<Record<string, readonly string[]>>;

/** The room as one audience sees it; sent whole on each change (it is small). */
export interface RoomSnapshot<View = unknown> {
  readonly code: string;
  /** Increases by one with every change to the room; clients drop older ones and resync on a gap. */
  readonly version: number;
  readonly gameId: string;
  readonly phase: RoomPhase;
  readonly public: boolean;
  readonly hostId: string | null;
  readonly players: readonly PlayerView[];
  readonly spectators: number;
  readonly seats: readonly SeatSpec[];
  /** A summary of the game settings, safe for everyone (e.g. word list size, not its words). */
  readonly settings: Readonly<Record<string, string | number | boolean | null>>;
  /** How many games this room has started. */
  readonly gameNumber: number;
  /**
   * Standing votes to remove a player: the target's id to the ids of the players who voted,
   * in the order they voted; absent while no vote stands. How many of them count now and
   * how many carry the vote follow from `players` (game/vote-kick.ts).
   */
  readonly kickVotes?: KickVotes;
  /** The server's clock (ms) when this snapshot was made: lets countdowns correct for clock skew. */
  readonly serverTime: number;
  /** The audience key this snapshot was made for. */
  readonly audience: string;
  /** The game as this audience may see it, or null in the lobby before the first game. */
  readonly view: View | null;
}

/**
 * What changed in a room since the previous version, for one audience or several: applying
 * `ops` (see game/patch.ts) to the receiver's snapshot of version `version - 1` gives its
 * snapshot of `version`. A client holding anything else (another version, another
 * audience) cannot apply it and asks for the whole snapshot with `room:sync`.
 */
export interface RoomPatch {
  readonly code: string;
  /** The version this patch produces; it applies to `version - 1` only. */
  readonly version: number;
  /**
   * The audience both snapshots were made for. Absent when the patch went to several
   * audiences in one broadcast, because it changes each of their snapshots exactly so.
   */
  readonly audience?: string;
  /** The server's clock (ms) when the new version was made. */
  readonly serverTime: number;
  readonly ops: readonly PatchOp[];
}

/**
 * The answer to a request that may change the room. When it did, `patch` is that change as
 * the requesting socket's audience sees it, and that socket gets no `room:patch` event for
 * it (one frame instead of two); every other socket, the same player's other tabs
 * included, gets the event. Absent when the change reaches this socket as an event anyway
 * (a whole `room:state` after a seat change, say) or nothing changed.
 */
export interface ChangeResult {
  readonly patch?: RoomPatch;
}

/** One chat line. Players and spectators share one room chat. */
export interface ChatMessage {
  /** Increasing per room; lets a client drop duplicates after a resync. */
  readonly id: number;
  readonly code: string;
  readonly from: string;
  readonly nickname: string;
  readonly spectator: boolean;
  readonly text: string;
  /** Server time (ms). */
  readonly at: number;
}

/** Why a client was taken out of a room by the server. */
export type RemovalReason = 'kicked' | 'expired' | 'left';

/** A public room in the home page list. */
export interface RoomSummary {
  readonly code: string;
  readonly gameId: string;
  readonly hostName: string;
  readonly players: number;
  readonly spectators: number;
  readonly phase: RoomPhase;
}

/** The answer of `GET` {@link roomLookupPath}: the room's public line, or why there is none. */
export type RoomLookup = Response<{ room: RoomSummary }>;

/** What the server tells a client about itself right after it joins a room. */
export interface JoinResult {
  /** The player's public id. */
  readonly you: string;
  readonly as: 'player' | 'spectator';
  readonly snapshot: RoomSnapshot;
  /** The latest chat lines (at most LIMITS.chatHistory), oldest first. */
  readonly chat: readonly ChatMessage[];
}

/** Events the browser emits. The last argument is always an ack. */
export interface ClientToServerEvents {
  'room:create': (payload: Input<'room:create'>, ack: Ack<{ code: string }>) => void;
  'room:join': (payload: Input<'room:join'>, ack: Ack<JoinResult>) => void;
  'room:leave': (payload: Input<'room:leave'>, ack: Ack) => void;
  'room:seat': (payload: Input<'room:seat'>, ack: Ack<ChangeResult>) => void;
  'room:settings': (payload: Input<'room:settings'>, ack: Ack<ChangeResult>) => void;
  'room:start': (payload: Input<'room:start'>, ack: Ack<ChangeResult>) => void;
  'room:rematch': (payload: Input<'room:rematch'>, ack: Ack<ChangeResult>) => void;
  'room:lobby': (payload: Input<'room:lobby'>, ack: Ack<ChangeResult>) => void;
  'room:sync': (payload: Input<'room:sync'>, ack: Ack<{ snapshot: RoomSnapshot }>) => void;
  'game:move': (payload: Input<'game:move'>, ack: Ack<{ version: number } & ChangeResult>) => void;
  /** Host only: remove a player or spectator; they cannot rejoin this room. */
  'room:kick': (payload: Input<'room:kick'>, ack: Ack<ChangeResult>) => void;
  /** Host only: put a player in a seat (or none). Mid-game this hands the seat over. */
  'room:assign': (payload: Input<'room:assign'>, ack: Ack<ChangeResult>) => void;
  /** Host only: make another player the host. */
  'room:host': (payload: Input<'room:host'>, ack: Ack<ChangeResult>) => void;
  /** A seated player votes to remove another player (or withdraws the vote); a majority removes them as a kick does. */
  'room:vote-kick': (payload: Input<'room:vote-kick'>, ack: Ack<ChangeResult>) => void;
  'chat:send': (payload: Input<'chat:send'>, ack: Ack<{ id: number }>) => void;
  /** A frame of the game's ephemeral stream (pen strokes): no ack, no version; relayed if the game allows it. */
  'game:stream': (payload: Input<'game:stream'>) => void;
  /** Subscribe to the live list of public rooms. */
  'rooms:watch': (ack: Ack<{ rooms: RoomSummary[] }>) => void;
  'rooms:unwatch': () => void;
}

/** Events the server emits. */
export interface ServerToClientEvents {
  /** A new version of a room, made for the receiving socket's audience. */
  'room:state': (snapshot: RoomSnapshot) => void;
  /** The next version of a room as a change to the previous one of the same audience. */
  'room:patch': (patch: RoomPatch) => void;
  /** The public room list changed (sent to watchers only). */
  'rooms:list': (rooms: RoomSummary[]) => void;
  /** A chat line in a room this socket is in. */
  'chat:message': (message: ChatMessage) => void;
  /** This socket was taken out of a room (kicked or voted out, room expired, or the player left in another tab). */
  'room:removed': (notice: { code: string; reason: RemovalReason }) => void;
  /** The server is restarting: it will disconnect soon; reconnect and rejoin after it. */
  'server:restarting': (notice: { reconnectInMs: number }) => void;
  /** A frame of a room's stream from another member. */
  'game:stream': (frame: StreamFrame) => void;
  /** A notice from the game for this player alone (e.g. "you're close!"). */
  'game:notice': (notice: GameNotice) => void;
}

/** A stream frame as relayed: who sent it, and its place in that sender's frames. */
export interface StreamFrame {
  readonly code: string;
  /** The sender's public player id. */
  readonly from: string;
  /** Increases by one with each frame the sending socket has relayed: a receiver sees gaps and reorderings. */
  readonly seq: number;
  /** As the game's stream schema parsed it. */
  readonly data: unknown;
}

/** A notice for one player from the game of a room. */
export interface GameNotice {
  readonly code: string;
  /** What kind of notice, for the game's UI (e.g. `close`). */
  readonly kind: string;
  readonly text: string;
}

/** What the server keeps on each socket. Holds the public id, never the token. */
export interface SocketData {
  playerId: string;
  /** How many stream frames this socket has had relayed: the `seq` of the last. */
  streamSeq?: number;
}

/** The handshake `auth` object. */
export const handshakeSchema = z.object({
  /** A random secret kept in the browser's localStorage; identifies the player. */
  token: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  protocol: z.number().int(),
});
