/**
 * How a room's changes reach its sockets, shared by the embedded {@link Hub} and the
 * Redis-backed `SharedHub`: one update per audience channel, patches where the receiver
 * holds the previous view, and members moved between audience channels safely.
 */
import type { AnyGameDefinition } from '../game/engine';
import { ErrorCode, fail, ok, type Result } from '../game/errors';
import type { RoomPatch, RoomSnapshot, RoomSummary } from '../game/protocol';
import { roomPatch, roomPatchFits, sharedPatch, type AudienceChange } from '../game/room-patch';
import { channel } from './channels';
import type { ParlorServer, ParlorSocket } from './hub';
import type { Room } from './room';

/** The last snapshot sent to each audience of one room: the base of the next patch. */
export type SentViews = ReadonlyMap<string, RoomSnapshot>;

/** What {@link broadcastChange} sent. */
export interface Broadcast {
  /** The snapshot each audience now holds: the base of the next patches. */
  readonly sent: Map<string, RoomSnapshot>;
  /**
   * The origin socket's patch, left out of its audience's broadcast for the ack to carry
   * (one frame to that socket instead of two). Absent when the origin gets the update as
   * an event after all: it moved audience, left, or its audience got a whole snapshot.
   */
  readonly originPatch?: RoomPatch;
}

/**
 * Emits one accepted change of `room`: one update per audience channel, or one for several
 * audiences whose views changed the same way.
 * `audienceOf` maps each member to the audience channel their sockets are in before the
 * change, and is updated to after it. The update is a patch from the audience's previous
 * snapshot when `sent` holds the version just before (a guess is a few hundred bytes, not
 * the whole board), else the whole snapshot (e.g. when another node made the previous
 * change). Members whose audience changed (a new seat, the game's end) get their new
 * audience's whole snapshot instead, because the patch starts from a view they never had.
 * With an `origin` (the socket whose request made the change), that socket's patch is
 * returned instead of sent to it (see {@link Broadcast}).
 */
export function broadcastChange(
  io: ParlorServer,
  room: Room,
  audienceOf: Map<string, string>,
  sent: SentViews | undefined,
  now: number,
  origin?: ParlorSocket,
): Broadcast {
  for (const id of audienceOf.keys()) if (!room.members.has(id)) audienceOf.delete(id);
  const audiences = room.audiences();
  const moved: [id: string, audience: string][] = [];
  for (const [audience, memberIds] of audiences) {
    for (const id of memberIds) {
      const previous = audienceOf.get(id);
      if (previous === audience) continue;
      // Leave now, join after the patches: a socket is never in two audiences (so never
      // sees a view it may not), and gets no patch for a view it does not hold.
      if (previous !== undefined) io.in(channel.member(room.code, id)).socketsLeave(channel.audience(room.code, previous));
      audienceOf.set(id, audience);
      moved.push([id, audience]);
    }
  }
  // The origin's audience, if its patch can travel in the ack: a member that stayed put.
  const originId = origin?.data.playerId;
  const originAudience =
    originId !== undefined && room.members.has(originId) && !moved.some(([id]) => id === originId) ? audienceOf.get(originId) : undefined;
  const after = new Map<string, RoomSnapshot>();
  const changes: Change[] = [];
  for (const audience of audiences.keys()) {
    const snapshot = room.snapshot(audience, now);
    after.set(audience, snapshot);
    const previous = sent?.get(audience);
    if (previous?.version === snapshot.version - 1) changes.push({ audience, before: previous, after: snapshot, patch: roomPatch(previous, snapshot) });
    else io.to(channel.audience(room.code, audience)).emit('room:state', snapshot);
  }
  let originPatch: RoomPatch | undefined;
  for (const group of shareChanges(changes)) {
    const patch = group.audiences.length === 1 ? group.patch : sharedPatch(group.patch);
    const to = io.to(group.audiences.map((audience) => channel.audience(room.code, audience)));
    if (originAudience !== undefined && group.audiences.includes(originAudience)) {
      originPatch = patch;
      to.except(origin!.id).emit('room:patch', patch);
    } else to.emit('room:patch', patch);
  }
  for (const [id, audience] of moved) {
    io.in(channel.member(room.code, id)).socketsJoin(channel.audience(room.code, audience));
    io.to(channel.member(room.code, id)).emit('room:state', after.get(audience)!);
  }
  return originPatch ? { sent: after, originPatch } : { sent: after };
}

/** One audience's change, as a patch from the snapshot it holds. */
interface Change extends AudienceChange {
  readonly audience: string;
}

/**
 * Groups the audiences whose changes one patch makes exactly (often all of them: a clue, a
 * turn's end, anything in the lobby), so each group is one broadcast and one encoding.
 * The largest patches are tried first: the public's guess, which also turns the card's
 * colour face up, fits the spymasters' change too, while theirs (the colour was theirs
 * already) does not fit the public's.
 */
function shareChanges(changes: Change[]): { patch: RoomPatch; audiences: string[] }[] {
  const groups: { patch: RoomPatch; audiences: string[] }[] = [];
  if (changes.length > 1) changes.sort((a, b) => b.patch.ops.length - a.patch.ops.length);
  for (const change of changes) {
    const group = groups.find((g) => roomPatchFits(g.patch, change));
    if (group) group.audiences.push(change.audience);
    else groups.push({ patch: change.patch, audiences: [change.audience] });
  }
  return groups;
}

/** The current snapshot for an audience: the one last broadcast when it is still current. */
export function currentSnapshot(room: Room, audience: string, sent: SentViews | undefined, now: number): RoomSnapshot {
  const last = sent?.get(audience);
  // The clock is read now: clients correct their countdowns with it.
  return last?.version === room.version ? { ...last, serverTime: now } : room.snapshot(audience, now);
}

/** Takes every socket of a departed member out of the room's channels, on every node. */
export function detachMember(io: ParlorServer, code: string, playerId: string, audience: string | undefined): void {
  const names = [channel.room(code), channel.member(code, playerId)];
  if (audience !== undefined) names.push(channel.audience(code, audience));
  io.in(channel.member(code, playerId)).socketsLeave(names);
}

/** The refusal of a join or lookup by a code no room has: what to do about it, too. */
export function roomNotFound(code: string): Result<never> {
  return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${code}. Check the code or create a new room.`);
}

/** The public list as the home page shows it: open lobbies first, then by size. */
export function orderListing(rooms: readonly RoomSummary[], limit: number): RoomSummary[] {
  const order: Record<string, number> = { lobby: 0, playing: 1, over: 2 };
  return [...rooms].sort((a, b) => (order[a.phase] ?? 3) - (order[b.phase] ?? 3) || b.players - a.players).slice(0, limit);
}

/** A new room's settings: the game's defaults, or the creator's choice if valid. */
export function parseSettings(game: AnyGameDefinition, raw: unknown): Result<unknown> {
  if (raw === undefined) return ok(game.defaultSettings);
  const parsed = game.settingsSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail(ErrorCode.SETTINGS_INVALID, parsed.error.issues[0]?.message ?? 'Invalid settings.');
}
