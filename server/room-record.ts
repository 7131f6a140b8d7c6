/**
 * A room as plain JSON, for a store that several nodes share (see docs/scale-out.md): what
 * a node needs to carry on with the room, and how it goes to and from that shape.
 */
import type { AnyGameDefinition } from '../game/engine';
import { applyPatch, diff, type PatchOp } from '../game/patch';
import type { ChatMessage, RoomPhase } from '../game/protocol';
import { Room, type Member } from './room';

/**
 * The shape of {@link RoomData}; bump it when the shape changes, so old nodes refuse new
 * records. 2: the same shape as 1, stored with deltas ({@link recordDelta}), which nodes
 * that read format 1 would miss.
 */
export const ROOM_DATA_FORMAT = 2;

/** Formats this node reads (1 differs from 2 only in how it is stored). */
const READABLE_FORMATS: ReadonlySet<number> = new Set([1, ROOM_DATA_FORMAT]);

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
  /** Standing votes to remove a player, as {@link Room.kickVotes} (absent in records of older nodes). */
  readonly kickVotes?: readonly (readonly [target: string, voters: readonly string[]])[];
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
    kickVotes: [...room.kickVotes],
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
  if (!READABLE_FORMATS.has(record.format)) throw new Error(`room ${record.code}: record format ${record.format}, this server reads ${ROOM_DATA_FORMAT}`);
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
  for (const [target, voters] of record.kickVotes ?? []) room.kickVotes.set(target, voters);
  return room;
}

/** The room's whole record as a store keeps it: the JSON text of its record (a change is a {@link recordDelta}). */
export function serializeRoom(room: Room): string {
  return JSON.stringify(roomRecord(room));
}

/**
 * A stored room: its record as last written whole, and the changes ({@link recordDelta})
 * appended since, oldest first.
 */
export interface StoredRoom {
  readonly data: string;
  readonly deltas?: readonly string[];
}

/** One stored change: record ops (chat left out) and, when the chat changed, the lines dropped from its front and those added. */
interface RecordDelta {
  readonly ops: readonly PatchOp[];
  readonly chat?: readonly [drop: number, added: readonly ChatMessage[]];
}

/** The chat travels beside the ops: its lines shift out at the front, which ops would spell as every line rewritten. */
const CHAT_FIELD: ReadonlySet<string> = new Set(['chat']);

/**
 * The change from one record to the next as JSON text, or null when they are the same
 * JSON. `before` is a record as loaded and `after` the record of the room changed from
 * it: unchanged parts are the same objects (game states share what a move did not touch),
 * so making it costs a comparison per unchanged subtree, and a stroke added to a drawing
 * of thousands is one op, not the drawing.
 */
export function recordDelta(before: RoomData, after: RoomData): string | null {
  const ops: PatchOp[] = [];
  for (const op of diff(before, after, CHAT_FIELD)) {
    // A key set to undefined is absent in JSON: a delete if it was there, else nothing.
    if (op.length === 2 && op[1] === undefined) {
      if (hasPath(before, op[0])) ops.push([op[0]]);
    } else ops.push(op);
  }
  const chat = chatDelta(before.chat, after.chat);
  if (ops.length === 0 && chat === null) return null;
  const delta: RecordDelta = chat ? { ops, chat } : { ops };
  return JSON.stringify(delta);
}

/** The chat change as lines dropped from the front and lines added; every line again when it is not that shape. */
function chatDelta(before: readonly ChatMessage[], after: readonly ChatMessage[]): RecordDelta['chat'] | null {
  if (before === after) return null;
  const drop = after.length === 0 ? before.length : Math.max(0, before.indexOf(after[0]!));
  const kept = before.length - drop;
  for (let i = 0; i < kept; i++) if (before[drop + i] !== after[i]) return [before.length, after];
  if (drop === 0 && kept === after.length) return null;
  return [drop, after.slice(kept)];
}

function hasPath(root: unknown, path: readonly (string | number)[]): boolean {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** Parsed whole records by room code, so that reloading a room whose record was not rewritten whole parses only its deltas. */
const parsedRecords = new Map<string, { readonly text: string; readonly data: RoomData }>();
/** The most text {@link parsedRecords} keeps (the parsed objects take a few times more). */
const PARSED_RECORDS_BYTES = 16_000_000;
let parsedBytes = 0;

/** The record of `text`, parsed once while it stays among the most recently loaded. */
function parsedRecord(code: string, text: string): RoomData {
  const cached = parsedRecords.get(code);
  if (cached?.text === text) return cached.data;
  if (cached) {
    parsedRecords.delete(code);
    parsedBytes -= cached.text.length;
  }
  const data = JSON.parse(text) as RoomData;
  parsedRecords.set(code, { text, data });
  parsedBytes += text.length;
  // The oldest first; the record just parsed stays even if it alone is over the budget.
  for (const [oldest, entry] of parsedRecords) {
    if (parsedBytes <= PARSED_RECORDS_BYTES || oldest === code) break;
    parsedRecords.delete(oldest);
    parsedBytes -= entry.text.length;
  }
  return data;
}

/**
 * The record of a stored room: its whole record (parsed once per text on this node)
 * with its deltas applied. The result shares unchanged parts with the cached record, which
 * nothing mutates (rooms copy what they change, games make new states).
 */
export function storedRecord(stored: StoredRoom, code: string): RoomData {
  const base = parsedRecord(code, stored.data);
  const deltas = (stored.deltas ?? []).map((text) => JSON.parse(text) as RecordDelta);
  if (deltas.length === 0) return base;
  // One call for every op: each object on a changed path is copied once, not once per delta.
  let record = applyPatch(base, deltas.flatMap((d) => d.ops));
  if (deltas.some((d) => d.chat)) {
    let chat = record.chat;
    for (const { chat: change } of deltas) if (change) chat = chat.slice(change[0]).concat(change[1]);
    record = { ...record, chat };
  }
  return record;
}

/**
 * Whether a change may be appended to a stored room rather than the record written whole:
 * while the deltas stay smaller than the whole record (so a room costs at most twice its
 * size in Redis, and a load applies a bounded number of them), and only onto a record of
 * this format (a node that reads an older one rewrites it whole, which older nodes refuse).
 */
export function appendable(stored: StoredRoom, record: RoomData, delta: string): boolean {
  const deltas = stored.deltas ?? [];
  if (record.format !== ROOM_DATA_FORMAT || deltas.length >= MAX_DELTAS) return false;
  let bytes = delta.length;
  for (const d of deltas) bytes += d.length;
  return bytes <= Math.max(stored.data.length, MIN_DELTA_BYTES);
}

/** Most deltas a stored room carries before it is rewritten whole. */
const MAX_DELTAS = 500;
/** Deltas a small record may carry in bytes, however small it is. */
const MIN_DELTA_BYTES = 4_096;
