/**
 * What each audience of one room last received, in one place: the channel each member's
 * sockets are in, the last snapshot sent to each audience (the base of its next patch)
 * and the game views it was built from. {@link RoomViews.publish} sends one accepted
 * change: one update per audience channel, patches where the receiver holds the previous
 * view, and members moved between audience channels safely.
 */
import type { PreviousView } from '../game/engine';
import type { KickVotes, PlayerView, RoomPatch, RoomSnapshot } from '../game/protocol';
import { roomPatch, roomPatchFits, sharedPatch, type AudienceChange } from '../game/room-patch';
import { channel } from './channels';
import type { HubSocket, RoomEmitter } from './io';
import type { Room } from './room';

/** What {@link RoomViews.publish} sent. */
export interface Published {
  /** The room version the change produced. */
  readonly version: number;
  /** The members whose audience changed: they got their new audience's whole snapshot. */
  readonly moved: readonly string[];
  /**
   * The origin socket's patch, left out of its audience's broadcast for the ack to carry
   * (one frame to that socket instead of two). Absent when the origin gets the update as
   * an event after all: it moved audience, left, or its audience got a whole snapshot.
   */
  readonly originPatch?: RoomPatch;
}

/** One audience's change, as a patch from the snapshot it holds. */
interface Change extends AudienceChange {
  readonly audience: string;
}

/** The parts of a snapshot every audience shares; `settingsOf` is the settings object the summary was made from. */
interface SharedParts {
  readonly players: readonly PlayerView[];
  readonly settings: RoomSnapshot['settings'];
  readonly settingsOf: unknown;
  /** Absent while no vote stands. */
  readonly kickVotes: KickVotes | undefined;
}

/** Whether `shown` lists exactly the room's votes, list for list (a room replaces a list that changes). */
function showsVotes(shown: KickVotes | undefined, votes: ReadonlyMap<string, readonly string[]>): boolean {
  if (shown === undefined) return votes.size === 0;
  let count = 0;
  for (const target in shown) {
    if (votes.get(target) !== shown[target]) return false;
    count++;
  }
  return count === votes.size;
}

/** The audiences of one room as this process last served them (see the module comment). */
export class RoomViews {
  /** The audience channel each member's sockets are in, until the next {@link publish} moves them. */
  audienceOf = new Map<string, string>();
  /** The last snapshot sent to each audience: the base of the next patch. */
  private sent = new Map<string, RoomSnapshot>();
  /** The last game view made for each audience, with its state: the base of the next one. */
  private readonly lastViews = new Map<string, PreviousView<unknown, unknown>>();
  private lastShared: SharedParts | null = null;

  /** Takes each member's audience channel from outside (a backend that does not keep them between changes). */
  placeAt(channels: Map<string, string>): void {
    this.audienceOf = channels;
  }

  /**
   * Makes `room`, as it is now, the base of the next patches when what this node last sent
   * is of another version (another node made it): snapshots of one version are the same
   * wherever they are made (`serverTime` travels outside the patch), so any node can send
   * the patch from a version it did not make, and clients get patches, not whole rooms.
   */
  prime(room: Room, now: number): void {
    let stale = this.sent.size === 0;
    for (const snapshot of this.sent.values()) {
      if (snapshot.version !== room.version) {
        stale = true;
        break;
      }
    }
    if (!stale) return;
    const sent = new Map<string, RoomSnapshot>();
    for (const audience of room.audiences().keys()) sent.set(audience, this.snapshot(room, audience, now));
    this.sent = sent;
  }

  /** The current snapshot for an audience: the one last sent when it is still current. */
  current(room: Room, audience: string, now: number): RoomSnapshot {
    const last = this.sent.get(audience);
    // The clock is read now: clients correct their countdowns with it.
    return last?.version === room.version ? { ...last, serverTime: now } : this.snapshot(room, audience, now);
  }

  /**
   * Emits one accepted change of `room`: one update per audience channel, or one for
   * several audiences whose views changed the same way. The update is a patch from the
   * audience's previous snapshot when this holds the version just before (a guess is a
   * few hundred bytes, not the whole board), else the whole snapshot (e.g. when another
   * node made the previous change). Members whose audience changed (a new seat, the
   * game's end) get their new audience's whole snapshot instead, because the patch starts
   * from a view they never had. With an `origin` (the socket whose request made the
   * change), that socket's patch is returned instead of sent to it.
   */
  publish(emitter: RoomEmitter, room: Room, now: number, origin?: HubSocket): Published {
    const { audienceOf } = this;
    for (const id of audienceOf.keys()) if (!room.members.has(id)) audienceOf.delete(id);
    const audiences = room.audiences();
    const moved: string[] = [];
    for (const [audience, memberIds] of audiences) {
      for (const id of memberIds) {
        const previous = audienceOf.get(id);
        if (previous === audience) continue;
        // Leave now, join after the patches: a socket is never in two audiences (so never
        // sees a view it may not), and gets no patch for a view it does not hold.
        if (previous !== undefined) emitter.in(channel.member(room.code, id)).socketsLeave(channel.audience(room.code, previous));
        audienceOf.set(id, audience);
        moved.push(id);
      }
    }
    // The origin's audience, if its patch can travel in the ack: a member that stayed put.
    const originId = origin?.data.playerId;
    const originAudience = originId !== undefined && room.members.has(originId) && !moved.includes(originId) ? audienceOf.get(originId) : undefined;
    const after = new Map<string, RoomSnapshot>();
    const changes: Change[] = [];
    for (const audience of audiences.keys()) {
      const snapshot = this.snapshot(room, audience, now);
      after.set(audience, snapshot);
      const previous = this.sent.get(audience);
      if (previous?.version === snapshot.version - 1) changes.push({ audience, before: previous, after: snapshot, patch: roomPatch(previous, snapshot) });
      else emitter.to(channel.audience(room.code, audience)).emit('room:state', snapshot);
    }
    let originPatch: RoomPatch | undefined;
    for (const group of shareChanges(changes)) {
      const patch = group.audiences.length === 1 ? group.patch : sharedPatch(group.patch);
      const to = emitter.to(group.audiences.map((audience) => channel.audience(room.code, audience)));
      if (originAudience !== undefined && group.audiences.includes(originAudience)) {
        originPatch = patch;
        to.except(origin!.id).emit('room:patch', patch);
      } else to.emit('room:patch', patch);
    }
    for (const id of moved) {
      const audience = audienceOf.get(id)!;
      emitter.in(channel.member(room.code, id)).socketsJoin(channel.audience(room.code, audience));
      emitter.to(channel.member(room.code, id)).emit('room:state', after.get(audience)!);
    }
    this.sent = after;
    return originPatch ? { version: room.version, moved, originPatch } : { version: room.version, moved };
  }

  /** Takes every socket of a departed member out of the room's channels, on every node. */
  detach(emitter: RoomEmitter, code: string, playerId: string): void {
    const names = [channel.room(code), channel.member(code, playerId)];
    const audience = this.audienceOf.get(playerId);
    if (audience !== undefined) names.push(channel.audience(code, audience));
    emitter.in(channel.member(code, playerId)).socketsLeave(names);
    this.audienceOf.delete(playerId);
  }

  /** The room as one audience may see it, stamped with the server time `now`. */
  snapshot(room: Room, audience: string, now: number): RoomSnapshot {
    const { players, settings, kickVotes } = this.sharedParts(room);
    const snapshot: RoomSnapshot = {
      code: room.code,
      version: room.version,
      gameId: room.game.id,
      phase: room.phase,
      public: room.isPublic,
      hostId: room.hostId,
      players,
      spectators: room.spectatorCount,
      seats: room.seats,
      settings,
      gameNumber: room.gameNumber,
      serverTime: now,
      audience,
      view: room.phase === 'lobby' || room.state === null ? null : this.viewFor(room, audience),
    };
    // Absent rather than undefined: a patch cannot carry undefined (JSON would make it null).
    return kickVotes === undefined ? snapshot : Object.assign(snapshot, { kickVotes });
  }

  /** The game as `audience` sees it, built on the last view it was given (see `GameDefinition.view`). */
  private viewFor(room: Room, audience: string): unknown {
    const view: unknown = room.game.view(room.state, audience, this.lastViews.get(audience));
    this.lastViews.set(audience, { state: room.state, view });
    return view;
  }

  /**
   * The parts of a snapshot every audience shares, reused while they stay the same: the
   * snapshots of one version, and of successive versions, then share them by identity, so
   * each change allocates only what changed and the diff skips the rest in one comparison.
   */
  private sharedParts(room: Room): SharedParts {
    const last = this.lastShared;
    let players = last?.players;
    let i = 0;
    for (const m of room.members.values()) {
      if (m.kind !== 'player') continue;
      const p = players?.[i++];
      if (!p || p.id !== m.id || p.nickname !== m.nickname || p.seat !== m.seat || p.connected !== m.connections > 0) {
        players = undefined;
        break;
      }
    }
    if (!players || players.length !== i) {
      players = room.players.map((p) => ({ id: p.id, nickname: p.nickname, seat: p.seat, connected: p.connections > 0 }));
    }
    const kickVotes = last && showsVotes(last.kickVotes, room.kickVotes) ? last.kickVotes : room.kickVotes.size === 0 ? undefined : Object.fromEntries(room.kickVotes);
    if (last && last.players === players && last.settingsOf === room.settings && last.kickVotes === kickVotes) return last;
    const settings = last && last.settingsOf === room.settings ? last.settings : room.game.settingsSummary(room.settings);
    this.lastShared = { players, settings, settingsOf: room.settings, kickVotes };
    return this.lastShared;
  }
}

/**
 * Groups the audiences whose changes one patch makes exactly (often all of them: anything
 * in the lobby, most moves), so each group is one broadcast and one encoding.
 * The largest patches are tried first: a reveal that shows the public a hidden value fits
 * the change of an audience that saw the value already, while theirs does not fit the
 * public's.
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
