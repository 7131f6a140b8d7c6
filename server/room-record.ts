/**
 * A room as plain JSON, for a store that several nodes share (see docs/scale-out.md): what
 * a node needs to carry on with the room, and how it goes to and from that shape.
 */
import type { AnyGameDefinition } from '../game/engine';
import type { ChatMessage, RoomPhase } from '../game/protocol';
import { Room, type Member } from './room';

/** The shape of {@link RoomData}; bump it when the shape changes, so old nodes refuse new records. */
export const ROOM_DATA_FORMAT = 1;

/**
 * Everything a node needs to carry on with a room: nothing is derived, and `connections`
 * is the room's total over all nodes, counted in and out like any change.
 */
export interface RoomData {
  readonly format: typeof ROOM_DATA_FORMAT;
  readonly code: string;
  readonly gameId: string;
  readonly version: number;
  readonly phase: RoomPhase;
  readonly isPublic: boolean;
  readonly settings: unknown;
  readonly hostId: string | null;
  /** In join order. */
  readonly members: readonly Readonly<Member>[];
  readonly state: unknown;
  readonly gameNumber: number;
  readonly banned: readonly string[];
  readonly chat: readonly ChatMessage[];
  readonly nextChatId: number;
  /** The seat each player first held in the running game (absent in records of older nodes). */
  readonly held?: readonly (readonly [playerId: string, seat: string])[];
}

/**
 * The room as {@link RoomData}. Only a flushed room has a record: an unflushed change
 * would be stored without its version. Game state and settings are shared, not copied:
 * the game's functions never mutate them.
 */
export function roomRecord(room: Room): RoomData {
  if (room.unflushed) throw new Error(`room ${room.code}: a record before flush() would store a change without its version`);
  return {
    format: ROOM_DATA_FORMAT,
    code: room.code,
    gameId: room.game.id,
    version: room.version,
    phase: room.phase,
    isPublic: room.isPublic,
    settings: room.settings,
    hostId: room.hostId,
    members: [...room.members.values()].map((m) => ({ ...m })),
    state: room.state,
    gameNumber: room.gameNumber,
    banned: [...room.banned],
    chat: [...room.chat],
    nextChatId: room.nextChatId,
    held: [...room.held],
  };
}

/** A stored room of a game this server does not offer (a newer node made it, or the game was removed). */
export class UnknownGameError extends Error {
  constructor(
    readonly code: string,
    readonly gameId: string,
  ) {
    super(`room ${code}: record of game "${gameId}", which this server does not offer`);
  }
}

/** The games a node can rebuild rooms of, by id. */
export type Games = ReadonlyMap<string, AnyGameDefinition>;

/**
 * Rebuilds a room from {@link roomRecord}'s output (after a JSON round trip, typically),
 * with its game from `games`; throws {@link UnknownGameError} for a game not among them.
 */
export function roomFromRecord(record: RoomData, games: Games): Room {
  if (record.format !== ROOM_DATA_FORMAT) throw new Error(`room ${record.code}: record format ${record.format}, this server reads ${ROOM_DATA_FORMAT}`);
  const game = games.get(record.gameId);
  if (!game) throw new UnknownGameError(record.code, record.gameId);
  const room = new Room({ code: record.code, game, isPublic: record.isPublic, settings: record.settings });
  room.version = record.version;
  room.phase = record.phase;
  room.hostId = record.hostId;
  for (const m of record.members) room.members.set(m.id, { ...m });
  room.state = record.state;
  room.gameNumber = record.gameNumber;
  for (const id of record.banned) room.banned.add(id);
  room.chat.push(...record.chat);
  room.nextChatId = record.nextChatId;
  for (const [playerId, seat] of record.held ?? []) room.held.set(playerId, seat);
  return room;
}

/** The room as a store keeps it: the JSON text of its record. */
export function serializeRoom(room: Room): string {
  return JSON.stringify(roomRecord(room));
}

/** A room from the JSON text {@link serializeRoom} made. */
export function parseRoom(data: string, games: Games): Room {
  return roomFromRecord(JSON.parse(data) as RoomData, games);
}
