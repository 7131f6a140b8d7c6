import { ErrorCode, fail, ok, type Result } from '../game/errors';
import type { ChangeResult, ChatMessage, JoinResult, Payload, RoomPatch, RoomPhase, RoomSnapshot, RoomSummary } from '../game/protocol';
import { channel, roomCodeOfChannel } from './channels';
import type { ParlorConfig } from './config';
import type { HubOptions, ParlorSocket } from './hub';
import { newRoomCode } from './ids';
import { Room } from './room';
import { broadcastChange, currentSnapshot, detachMember, orderListing, parseSettings, roomNotFound } from './room-broadcast';
import type { RoomService } from './room-service';
import type { DeadlineQueue } from './store/deadline-queue';
import type { NodeSockets } from './store/node-sockets';
import { StoreError } from './store/redis-client';
import type { RoomStore, RoomWrite } from './store/room-store';
import { updateRoom } from './store/update-room';

/** What the shared hub is built from: the embedded hub's parts plus the shared stores. */
export interface SharedHubOptions extends Omit<HubOptions, 'config'> {
  readonly config: Pick<ParlorConfig, 'expiry' | 'graceMs' | 'roomsPerIp' | 'nodeId' | 'nodeTimeoutMs'>;
  readonly store: RoomStore;
  readonly deadlines: DeadlineQueue;
  readonly sockets: NodeSockets;
  /** How often this node asks the deadline queue for due timers (ms). */
  readonly pollMs?: number;
}

/** The keys of the deadline queue: what to do when each comes due. */
const timerKey = {
  turn: (code: string) => `turn:${code}`,
  grace: (code: string) => `grace:${code}`,
  node: (id: string) => `node:${id}`,
};

/** A room's two deadlines: the game's turn timer and the next grace expiry. */
type Timers = readonly [turn: number | null, grace: number | null];

/** An accepted change, after it was stored and broadcast. */
interface Applied<T> {
  readonly room: Room;
  readonly value: T;
  /** The origin's own update, for its ack (see {@link ChangeResult}). */
  readonly patch?: RoomPatch | undefined;
}

/** The audience channel of each member's sockets in a room. */
function audienceByMember(room: Room): Map<string, string> {
  const byMember = new Map<string, string>();
  for (const [audience, ids] of room.audiences()) for (const id of ids) byMember.set(id, audience);
  return byMember;
}

const unavailable = () => fail<never>(ErrorCode.STORE_UNAVAILABLE, 'The game server cannot reach its room store just now. Try again in a moment.');

/**
 * The rooms of a site that several nodes serve through Redis (`REDIS_URL`): the same
 * requests as the embedded {@link Hub}, but every room lives in the shared {@link RoomStore}.
 * Each accepted action is load → apply → compare-and-set save (retried on conflict), and
 * broadcast through the Socket.IO adapter only once saved; timers are keys in the shared
 * {@link DeadlineQueue} that every node polls; rooms expire by TTL; presence is counted
 * in the record, and the sockets a node counted in are noted in Redis so that a survivor
 * counts them out when the node dies. See docs/scale-out.md.
 */
export class SharedHub implements RoomService {
  /** The latest room seen, for rooms with a socket on this node (metrics, tests). */
  private readonly seen = new Map<string, Room>();
  /** The codes each local socket was counted into (and noted in Redis for). */
  private readonly registered = new Map<string, Set<string>>();
  /** Local sockets counted into each room: the rooms this node keeps alive. */
  private readonly localCount = new Map<string, number>();
  /** The last snapshot this node sent per audience, for rooms with a socket here. */
  private readonly sent = new Map<string, Map<string, RoomSnapshot>>();
  /** Each socket's requests, one after the other: a disconnect waits for the join before it. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private listTimer: NodeJS.Timeout | null = null;
  private beats = 0;
  /** This node claimed its own heartbeat key (it was late): not a sign that others took it for dead. */
  private selfClaimed = false;
  private closed = false;
  /** The last background failure logged, so a Redis outage logs once, not every poll. */
  private problem = '';
  /** The TTL of a room with someone connected; nodes holding its sockets renew it. */
  private readonly liveTtlMs: number;

  constructor(private readonly opts: SharedHubOptions) {
    const { expiry, nodeTimeoutMs } = opts.config;
    this.liveTtlMs = Math.max(expiry.idleMs, expiry.playingMs, 60_000);
    this.every(opts.pollMs ?? 250, () => this.poll());
    this.every(Math.max(50, nodeTimeoutMs / 4), () => this.heartbeat());
    this.every(this.liveTtlMs / 4, () => this.touchLocalRooms());
    this.track(this.heartbeat(), 'heartbeat');
  }

  get size(): number {
    return this.seen.size;
  }

  get phases(): Record<RoomPhase, number> {
    const counts = { lobby: 0, playing: 0, over: 0 };
    for (const room of this.seen.values()) counts[room.phase]++;
    return counts;
  }

  room(code: string): Room | undefined {
    return this.seen.get(code);
  }

  /** Creates a room under a code no node holds; the creator still joins it like everyone else. */
  async create(socket: ParlorSocket, p: Payload<'room:create'>): Promise<Result<{ code: string }>> {
    const settings = parseSettings(this.opts.game, p.settings);
    if (!settings.ok) return settings;
    const { ip } = socket.data;
    return this.guard(async () => {
      const owned = await this.opts.store.countOwned(ip);
      if (owned >= this.opts.config.roomsPerIp) {
        return fail(ErrorCode.TOO_MANY_ROOMS, `You already have ${owned} open rooms. Use one of them, or wait for old ones to close.`);
      }
      for (let attempt = 0; attempt < 20; attempt++) {
        const code = newRoomCode(() => false);
        const room = new Room({ code, game: this.opts.game, isPublic: p.public, settings: settings.value });
        room.join(socket.data.playerId, p.nickname, 'player');
        room.flush();
        // Nobody is connected until the creator's page joins: it expires if they never do.
        if ((await this.opts.store.create(code, this.write(room))) === 'taken') continue;
        this.sent.delete(code);
        await this.opts.store.addOwned(ip, code, this.liveTtlMs);
        this.opts.log.info({ room: code, player: socket.data.playerId, public: p.public }, 'room created');
        return ok({ code });
      }
      return fail(ErrorCode.TRY_AGAIN, 'Could not find a free room code. Try again.');
    });
  }

  /** Joins a room as a player or spectator, or comes back to it with the same seat. */
  join(socket: ParlorSocket, p: Payload<'room:join'>): Promise<Result<JoinResult>> {
    return this.serial(socket, async () => {
      // The request may have waited (rate limits); a socket that left meanwhile must not be counted in.
      if (socket.disconnected) return fail(ErrorCode.NOT_IN_ROOM, 'The connection closed before the join.');
      const { playerId } = socket.data;
      const countIn = !socket.rooms.has(channel.room(p.code));
      // Noted before the count-in is saved: if this node dies in between, a survivor counts
      // out at worst a socket that was never counted in (the count never goes below zero).
      if (countIn) {
        const noted = await this.guard(() => this.register(socket.id, p.code, playerId).then(() => ok(undefined)));
        if (!noted.ok) {
          await this.unregister(socket.id, p.code);
          return noted;
        }
      }
      const joined = await this.apply(
        p.code,
        (room) => {
          const member = room.join(playerId, p.nickname, p.as);
          if (member.ok && countIn) room.setConnected(playerId, 1, this.opts.now());
          return member;
        },
        {
          repairTimers: true,
          beforeBroadcast: (room, _member, before) => {
            // A socket that closed meanwhile must not be put into channels (it would stay there).
            if (!countIn || socket.disconnected) return;
            const audience = room.audienceOf(playerId);
            // Joined before the broadcast, as the embedded hub does: the joiner's own change reaches it too.
            before.set(playerId, before.get(playerId) ?? audience);
            socket.join([channel.room(room.code), channel.member(room.code, playerId), channel.audience(room.code, before.get(playerId)!)]);
          },
        },
      );
      if (!joined.ok) {
        if (countIn) await this.unregister(socket.id, p.code);
        return joined;
      }
      const { room, value: member } = joined.value;
      if (countIn && socket.disconnected) {
        // It closed while we saved: its disconnect found no room to count it out of.
        await this.countOut(socket.id, room.code, playerId);
      }
      this.opts.log.info({ room: room.code, player: playerId, as: member.kind }, 'joined');
      return ok({
        you: playerId,
        as: member.kind,
        snapshot: currentSnapshot(room, room.audienceOf(playerId), this.sent.get(room.code), this.opts.now()),
        chat: room.chat,
      });
    });
  }

  /** Leaves a room for good: every tab of the player leaves with it. */
  leave(socket: ParlorSocket, p: Payload<'room:leave'>): Promise<Result<object>> {
    const playerId = socket.data.playerId;
    return this.act(socket, p.code, (room) => room.leave(playerId), (room, _left, before) => {
      this.opts.io.to(channel.member(room.code, playerId)).except(socket.id).emit('room:removed', { code: room.code, reason: 'left' });
      detachMember(this.opts.io, room.code, playerId, before.get(playerId));
      this.opts.log.info({ room: room.code, player: playerId }, 'left');
    });
  }

  seat(socket: ParlorSocket, p: Payload<'room:seat'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.takeSeat(socket.data.playerId, p.seat));
  }

  configure(socket: ParlorSocket, p: Payload<'room:settings'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.configure(socket.data.playerId, { isPublic: p.public, settings: p.settings }));
  }

  start(socket: ParlorSocket, p: Payload<'room:start'>): Promise<Result<ChangeResult>> {
    // One seed per request, not per attempt: a retried start deals the same board.
    const seed = this.opts.seed();
    return this.act(socket, p.code, (room) => room.start(socket.data.playerId, seed, this.opts.now()));
  }

  rematch(socket: ParlorSocket, p: Payload<'room:rematch'>): Promise<Result<ChangeResult>> {
    const seed = this.opts.seed();
    return this.act(socket, p.code, (room) => room.rematch(socket.data.playerId, seed, this.opts.now()));
  }

  backToLobby(socket: ParlorSocket, p: Payload<'room:lobby'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.backToLobby(socket.data.playerId));
  }

  /** Host: removes a member for good (the ban is in the record); their sockets, on any node, are told and detached. */
  kick(socket: ParlorSocket, p: Payload<'room:kick'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.kick(socket.data.playerId, p.playerId), (room, _kicked, before) => {
      this.opts.io.to(channel.member(room.code, p.playerId)).emit('room:removed', { code: room.code, reason: 'kicked' });
      detachMember(this.opts.io, room.code, p.playerId, before.get(p.playerId));
      this.opts.log.info({ room: room.code, player: p.playerId, by: socket.data.playerId }, 'kicked');
    });
  }

  assign(socket: ParlorSocket, p: Payload<'room:assign'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.assign(socket.data.playerId, p.playerId, p.seat));
  }

  transferHost(socket: ParlorSocket, p: Payload<'room:host'>): Promise<Result<ChangeResult>> {
    return this.act(socket, p.code, (room) => room.transferHost(socket.data.playerId, p.playerId));
  }

  /** A chat line: stored in the record (history for later joiners, unique ids), then sent. */
  say(socket: ParlorSocket, p: Payload<'chat:send'>): Promise<Result<{ id: number }>> {
    const now = this.opts.now();
    return this.serial(socket, async () => {
      if (!socket.rooms.has(channel.room(p.code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
      const said = await this.apply(p.code, (room) => room.say(socket.data.playerId, p.text, now));
      if (!said.ok) return said;
      const message: ChatMessage = said.value.value;
      this.opts.io.to(channel.room(p.code)).emit('chat:message', message);
      return ok({ id: message.id });
    });
  }

  /** Applies a game move; answers with the room version it produced. */
  move(socket: ParlorSocket, p: Payload<'game:move'>): Promise<Result<{ version: number } & ChangeResult>> {
    const now = this.opts.now();
    return this.serial(socket, async () => {
      if (!socket.rooms.has(channel.room(p.code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
      const moved = await this.apply(p.code, (room) => room.move(socket.data.playerId, p.move, now), { origin: socket });
      if (!moved.ok) return moved;
      const { room, patch } = moved.value;
      return ok(patch ? { version: room.version, patch } : { version: room.version });
    });
  }

  /** The full current snapshot for this socket's audience, read from the store. */
  sync(socket: ParlorSocket, p: Payload<'room:sync'>): Promise<Result<{ snapshot: RoomSnapshot }>> {
    return this.serial(socket, async () => {
      if (!socket.rooms.has(channel.room(p.code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
      return this.guard(async () => {
        const room = await this.load(p.code);
        if (!room) return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${p.code}.`);
        this.remember(room);
        const audience = room.audienceOf(socket.data.playerId);
        return ok({ snapshot: currentSnapshot(room, audience, this.sent.get(room.code), this.opts.now()) });
      });
    });
  }

  /** A room's public line, read from the store (whichever node holds its sockets). */
  lookup(code: string): Promise<Result<RoomSummary>> {
    return this.guard(async () => {
      const room = await this.load(code);
      return room ? ok(room.summary()) : roomNotFound(code);
    });
  }

  /** The room as the store holds it now, or null when it holds none. */
  private async load(code: string): Promise<Room | null> {
    const record = await this.opts.store.load(code);
    return record ? Room.fromRecord(JSON.parse(record.data), this.opts.game) : null;
  }

  async watchRooms(socket: ParlorSocket): Promise<Result<{ rooms: RoomSummary[] }>> {
    socket.join(channel.roomList);
    return this.guard(async () => ok({ rooms: await this.publicRooms() }));
  }

  unwatchRooms(socket: ParlorSocket): void {
    socket.leave(channel.roomList);
  }

  /** Counts the socket out of every room it was in, after any request of it still running. */
  disconnecting(socket: ParlorSocket): void {
    if (this.closed) return;
    // Read now: once disconnected, the socket is in no channel any more.
    const codes = [...socket.rooms].map(roomCodeOfChannel).filter((c): c is string => c !== null);
    const { playerId } = socket.data;
    this.track(
      this.serial(socket, async () => {
        await Promise.all(codes.map((code) => this.countOut(socket.id, code, playerId)));
        // Notes for rooms it had left (or was kicked from) meanwhile: nothing to count out.
        for (const code of [...(this.registered.get(socket.id) ?? [])]) await this.unregister(socket.id, code);
      }),
      'count out a socket',
    );
  }

  /**
   * Stops polling and heartbeats, counts this node's sockets out (a graceful stop leaves no
   * one looking connected) and waits for pending writes. The node's heartbeat key is left to
   * come due, so a survivor counts out whatever could not be counted out here.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const socket of this.opts.io.of('/').sockets.values()) this.disconnecting(socket);
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (this.listTimer) clearTimeout(this.listTimer);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    this.seen.clear();
    this.sent.clear();
  }

  /** Runs a change on a room the socket is in: stored, then broadcast. */
  private act<T>(
    socket: ParlorSocket,
    code: string,
    change: (room: Room) => Result<T>,
    beforeBroadcast?: (room: Room, value: T, before: Map<string, string>) => void,
  ): Promise<Result<ChangeResult>> {
    return this.serial(socket, async () => {
      if (!socket.rooms.has(channel.room(code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
      const done = await this.apply(code, change, { beforeBroadcast, origin: socket });
      return done.ok ? ok(done.value.patch ? { patch: done.value.patch } : {}) : done;
    });
  }

  /**
   * The heart of the shared hub: applies `change` to the stored room with
   * {@link updateRoom} (so it may run more than once, and touches nothing but the room),
   * then, once the room is saved, runs `beforeBroadcast` (channel moves of an accepted
   * change), broadcasts if the version moved, and re-arms the room's timers when they
   * changed (always with `repairTimers`: a claimed timer whose firing was lost comes back).
   */
  private async apply<T>(
    code: string,
    change: (room: Room) => Result<T>,
    options: {
      beforeBroadcast?: ((room: Room, value: T, before: Map<string, string>) => void) | undefined;
      repairTimers?: boolean;
      /** The socket that asked: its update comes back for its ack when the change is accepted. */
      origin?: ParlorSocket;
    } = {},
  ): Promise<Result<Applied<T>>> {
    const now = this.opts.now();
    let before = new Map<string, string>();
    let version = 0;
    let timers: Timers = [null, null];
    const done = await this.guard(async () => {
      const outcome = await updateRoom(
        this.opts.store,
        code,
        (room) => {
          before = audienceByMember(room);
          version = room.version;
          timers = this.timersOf(room, now);
          const result = change(room);
          room.expireAway(now, this.opts.config.graceMs);
          room.flush();
          return result;
        },
        { game: this.opts.game, describe: (room) => this.describe(room) },
      );
      if (outcome.status === 'missing') return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${code}. It may have expired.`);
      if (outcome.status === 'busy') return fail(ErrorCode.TRY_AGAIN, 'Many things happened in this room at once. Try again.');
      return ok(outcome);
    });
    if (!done.ok) return done;
    const { room, value, status } = done.value;
    this.remember(room);
    if (value.ok) options.beforeBroadcast?.(room, value.value, before);
    const patch = room.version !== version ? this.publish(room, before, value.ok ? options.origin : undefined) : undefined;
    if (status === 'saved' || options.repairTimers) this.armTimers(room, options.repairTimers ? null : timers, now);
    return value.ok ? ok({ room, value: value.value, patch }) : value;
  }

  /** Emits a stored change to every node's sockets, and refreshes the public list; returns the origin's patch. */
  private publish(room: Room, before: Map<string, string>, origin?: ParlorSocket): RoomPatch | undefined {
    const { sent, originPatch } = broadcastChange(this.opts.io, room, before, this.sent.get(room.code), this.opts.now(), origin);
    // Only rooms with a socket here are cached: this node cannot see the others expire.
    if (this.localCount.has(room.code)) this.sent.set(room.code, sent);
    this.scheduleList();
    return originPatch;
  }

  private timersOf(room: Room, now: number): Timers {
    return [room.deadline(), room.nextGraceDeadline(now, this.opts.config.graceMs)];
  }

  /** Schedules or cancels the room's timer keys that differ from `previous` (all when null). */
  private armTimers(room: Room, previous: Timers | null, now: number): void {
    const [turn, grace] = this.timersOf(room, now);
    const { deadlines } = this.opts;
    const set = (key: string, at: number | null) => (at === null ? deadlines.cancel(key) : deadlines.schedule(key, at));
    const writes: Promise<unknown>[] = [];
    if (previous === null || turn !== previous[0]) writes.push(set(timerKey.turn(room.code), turn));
    if (previous === null || grace !== previous[1]) writes.push(set(timerKey.grace(room.code), grace));
    if (writes.length > 0) this.track(Promise.all(writes), `arm timers of ${room.code}`);
  }

  /** What a write of the room stores besides the data: its public line and its TTL. */
  private describe(room: Room): Omit<RoomWrite, 'data'> {
    const { idleMs, playingMs } = this.opts.config.expiry;
    const live = room.anyoneConnected;
    return {
      listing: room.isPublic && live ? room.summary() : null,
      ttlMs: live ? this.liveTtlMs : room.phase === 'playing' ? playingMs : idleMs,
    };
  }

  private write(room: Room): RoomWrite {
    return { data: JSON.stringify(room.toRecord()), ...this.describe(room) };
  }

  private remember(room: Room): void {
    if (this.localCount.has(room.code)) this.seen.set(room.code, room);
  }

  /** Counts one of this node's sockets out of a room; retried while the store is away. */
  private async countOut(socketId: string, code: string, playerId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const done = await this.apply(code, (room) => {
        room.setConnected(playerId, -1, this.opts.now());
        return ok(undefined);
      });
      if (done.ok || done.error.code === ErrorCode.ROOM_NOT_FOUND) break;
      // While this node lives it keeps trying; if it stops, its heartbeat key comes due and
      // a survivor counts the socket out from the note in Redis.
      if (this.closed && attempt >= 3) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 250, 2_000)));
    }
    await this.unregister(socketId, code);
  }

  /** Notes that a socket of this node is (about to be) counted into a room, here and in Redis. */
  private async register(socketId: string, code: string, playerId: string): Promise<void> {
    const codes = this.registered.get(socketId) ?? new Set<string>();
    if (!codes.has(code)) this.localCount.set(code, (this.localCount.get(code) ?? 0) + 1);
    this.registered.set(socketId, codes.add(code));
    await this.opts.sockets.add(this.opts.config.nodeId, { socketId, code, playerId });
  }

  /** Forgets a socket's note for a room, here and in Redis (a failure there is only logged: at worst a survivor counts out a socket already gone). */
  private async unregister(socketId: string, code: string): Promise<void> {
    const codes = this.registered.get(socketId);
    if (!codes?.delete(code)) return;
    if (codes.size === 0) this.registered.delete(socketId);
    const left = (this.localCount.get(code) ?? 1) - 1;
    if (left > 0) this.localCount.set(code, left);
    else {
      this.localCount.delete(code);
      this.seen.delete(code);
      this.sent.delete(code);
    }
    await this.opts.sockets.remove(this.opts.config.nodeId, socketId, code).catch((error: unknown) => this.report(error, 'forget a socket'));
  }

  /** One pass of the timer poller: claims due keys (each goes to one node) and fires them. */
  private async poll(): Promise<void> {
    const due = await this.opts.deadlines.claimDue(this.opts.now(), 100);
    for (const key of due) this.track(this.fire(key), `fire ${key}`);
  }

  private async fire(key: string): Promise<void> {
    const [kind, id = ''] = key.split(/:(.*)/s);
    const retry = () => this.opts.deadlines.schedule(key, this.opts.now() + 1_000);
    if (kind === 'node') {
      if (id === this.opts.config.nodeId) {
        // Our own key came due (the heartbeat was late, e.g. while Redis was away): put it back.
        this.selfClaimed = true;
        await this.opts.deadlines.schedule(key, this.opts.now() + this.opts.config.nodeTimeoutMs);
        return;
      }
      await this.countOutNode(id).catch(async (error: unknown) => {
        await retry();
        throw error;
      });
      return;
    }
    const now = this.opts.now();
    const done = await this.apply(id, (room) => {
      if (kind === 'turn' && room.tick(now)) this.opts.log.info({ room: id }, 'turn timer fired');
      return ok(undefined);
    }, { repairTimers: true });
    if (!done.ok && done.error.code !== ErrorCode.ROOM_NOT_FOUND) await retry();
  }

  /** A node stopped heartbeating: counts out every socket it had counted in, room by room. */
  private async countOutNode(nodeId: string): Promise<void> {
    const sockets = await this.opts.sockets.takeAll(nodeId);
    const byRoom = new Map<string, string[]>();
    for (const { code, playerId } of sockets) byRoom.set(code, [...(byRoom.get(code) ?? []), playerId]);
    const rooms = [...byRoom];
    for (const [index, [code, players]] of rooms.entries()) {
      const done = await this.apply(code, (room) => {
        for (const playerId of players) room.setConnected(playerId, -1, this.opts.now());
        return ok(undefined);
      });
      if (!done.ok && done.error.code !== ErrorCode.ROOM_NOT_FOUND) {
        // The rooms not done go back under the dead node's name: the retry of its key takes them again.
        const rest = new Set(rooms.slice(index).map(([c]) => c));
        await Promise.all(sockets.filter((s) => rest.has(s.code)).map((s) => this.opts.sockets.add(nodeId, s)));
        throw new StoreError(`could not count out the sockets of node ${nodeId} in ${code}: ${done.error.message}`);
      }
    }
    if (sockets.length > 0) this.opts.log.info({ node: nodeId, sockets: sockets.length, rooms: byRoom.size }, 'counted out the sockets of a stopped node');
  }

  /**
   * Keeps this node's key in the deadline queue a timeout ahead. Finding it gone means
   * another node took it for dead and counted its sockets out: they are disconnected, so
   * the clients reconnect and count themselves in again.
   */
  private async heartbeat(): Promise<void> {
    const { nodeId, nodeTimeoutMs } = this.opts.config;
    const had = await this.opts.deadlines.schedule(timerKey.node(nodeId), this.opts.now() + nodeTimeoutMs);
    const first = this.beats++ === 0;
    const selfClaimed = this.selfClaimed;
    this.selfClaimed = false;
    if (had || first || selfClaimed) return;
    this.opts.log.warn({ node: nodeId }, 'this node was taken for dead; reconnecting its clients');
    // They were counted out already: leave the room channels first so that disconnecting does not count them out twice.
    for (const socket of this.opts.io.of('/').sockets.values()) {
      for (const name of [...socket.rooms]) if (roomCodeOfChannel(name) !== null) socket.leave(name);
    }
    this.registered.clear();
    this.localCount.clear();
    this.opts.io.local.disconnectSockets(true);
  }

  /** Renews the TTL of every room this node has a socket in. */
  private async touchLocalRooms(): Promise<void> {
    await Promise.all([...this.localCount.keys()].map((code) => this.opts.store.touch(code, this.liveTtlMs)));
  }

  private async publicRooms(): Promise<RoomSummary[]> {
    const limit = this.opts.listLimit ?? 50;
    return orderListing(await this.opts.store.listPublic(limit * 2), limit);
  }

  /** Coalesces list updates: at most a few per second from this node. */
  private scheduleList(): void {
    if (this.listTimer || this.closed) return;
    this.listTimer = setTimeout(() => {
      this.listTimer = null;
      this.track(
        this.publicRooms().then((rooms) => this.opts.io.to(channel.roomList).emit('rooms:list', rooms)),
        'list public rooms',
      );
    }, 250);
    this.listTimer.unref();
  }

  /** Runs `task` after the socket's earlier requests: one socket's actions apply in the order sent. */
  private serial<T>(socket: ParlorSocket, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(socket.id, tail);
    void tail.then(() => {
      if (this.queues.get(socket.id) === tail) this.queues.delete(socket.id);
    });
    return result;
  }

  /** Runs a store call, answering STORE_UNAVAILABLE when Redis did not carry it out. */
  private async guard<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.report(error, 'store call');
      return unavailable();
    }
  }

  /** Repeats `task` every `ms` until close, one run at a time. */
  private every(ms: number, task: () => Promise<void>): void {
    const index = this.timers.length;
    const run = () => {
      if (this.closed) return;
      void task()
        .then(() => (this.problem = ''))
        .catch((error: unknown) => this.report(error, 'background task'))
        .finally(() => {
          if (!this.closed) this.timers[index] = setTimeout(run, ms).unref();
        });
    };
    this.timers[index] = setTimeout(run, ms).unref();
  }

  /** Keeps a background promise for `close` to wait on, and logs its failure. */
  private track(promise: Promise<unknown>, what: string): void {
    const settled: Promise<unknown> = promise.catch((error: unknown) => this.report(error, what)).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  /** Logs a failure: a store outage once per new message (it repeats every poll), anything else always. */
  private report(error: unknown, what: string): void {
    if (!(error instanceof StoreError)) {
      this.opts.log.error({ err: error, node: this.opts.config.nodeId }, `${what} failed`);
      return;
    }
    // The cause (say, ECONNREFUSED) is the problem; which call met it first matters less.
    const problem = error.cause instanceof Error ? error.cause.message : error.message;
    if (problem === this.problem) return;
    this.problem = problem;
    this.opts.log.warn({ err: error, node: this.opts.config.nodeId }, `${what} failed: the room store is unreachable`);
  }
}
