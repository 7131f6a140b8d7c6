/**
 * The backend of a site that several nodes serve through Redis (`REDIS_URL`): every room
 * lives in the shared {@link RoomStore}. A change is apply → compare-and-set save, on the
 * room as this node last saw it or a load (redone on the room a conflict hands back);
 * timers are keys in the shared {@link DeadlineQueue} that every node polls; rooms expire
 * by TTL; presence is counted in the record, and the sockets a node counted in are noted
 * in Redis so that a survivor counts them out when the node stops heartbeating (on Redis's
 * live clock, which an outage of Redis itself does not move). See docs/scale-out.md.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCode, fail, ok, type Result } from '../game/errors';
import type { RoomPhase, RoomSummary } from '../game/protocol';
import { roomCodeOfChannel } from './channels';
import type { ParlorConfig } from './config';
import { newRoomCode } from './ids';
import type { HubSocket, ParlorServer } from './io';
import type { Logger } from './logger';
import type { Room } from './room';
import { roomFromRecord, serializeRoom, storedRecord, UnknownGameError, type Games } from './room-record';
import { roomNotFound, tooManyRooms, type HubHooks, type Loaded, type RoomBackend, type TimerKind, type Updated } from './room-backend';
import { RoomViews } from './room-views';
import type { DeadlineQueue } from './store/deadline-queue';
import type { NodeSockets } from './store/node-sockets';
import { COMMAND_TIMEOUT_MS, RECONNECT_MAX_MS, StoreError } from './store/redis-client';
import type { RoomRecord, RoomStore, RoomWrite } from './store/room-store';
import { updateRoom } from './store/update-room';

/** What the Redis backend is built from. */
export interface RedisRoomsOptions {
  /** The node's Socket.IO server: its local sockets are counted out on close or when the node was taken for dead. */
  readonly io: ParlorServer;
  /** The games whose rooms this node can rebuild. */
  readonly games: Games;
  readonly log: Logger;
  readonly now: () => number;
  readonly config: Pick<ParlorConfig, 'expiry' | 'graceMs' | 'roomsPerIp' | 'nodeId' | 'nodeTimeoutMs'>;
  readonly store: RoomStore;
  readonly deadlines: DeadlineQueue;
  readonly sockets: NodeSockets;
  /** How often this node asks the deadline queue for due timers (ms). */
  readonly pollMs?: number;
}

/**
 * The keys of the deadline queue: what to do when each comes due. (`node:<id>` keys are
 * the heartbeats of nodes of an earlier version, which kept them here; this version keeps
 * them on the live clock of {@link NodeSockets}, and still counts out such a node.)
 */
const timerKey = {
  turn: (code: string) => `turn:${code}`,
  grace: (code: string) => `grace:${code}`,
};

/** A room's two deadlines: the game's turn timer and the next grace expiry. */
type Timers = readonly [turn: number | null, grace: number | null];

/** The audience channel of each member's sockets in a room. */
function audienceByMember(room: Room): Map<string, string> {
  const byMember = new Map<string, string>();
  for (const [audience, ids] of room.audiences()) for (const id of ids) byMember.set(id, audience);
  return byMember;
}

/** How old this node's copy of a room may be before {@link RedisRooms.peek} reads it again (ms). */
const PEEK_FRESH_MS = 1_000;

const unavailable = () => fail<never>(ErrorCode.STORE_UNAVAILABLE, 'The game server cannot reach its room store just now. Try again in a moment.');

/** See the module comment. */
export class RedisRooms implements RoomBackend {
  /** The latest room seen, and when, for rooms with a socket on this node (metrics, stream checks). */
  private readonly seen = new Map<string, Room>();
  private readonly seenAt = new Map<string, number>();
  /**
   * The stored room as this node last saved or read it, for rooms with a socket here: the
   * next change starts from it without a load (a save that finds it old gets the current one).
   */
  private readonly records = new Map<string, RoomRecord>();
  /** Rooms being read again for {@link peek}, so that a burst of frames makes one read. */
  private readonly refreshing = new Set<string>();
  /** What this node sent the audiences of rooms with a socket here. */
  private readonly views = new Map<string, RoomViews>();
  /** The codes each local socket was counted into (and noted in Redis for). */
  private readonly registered = new Map<string, Set<string>>();
  /** Local sockets counted into each room: the rooms this node keeps alive. */
  private readonly localCount = new Map<string, number>();
  /** Each socket's requests, one after the other: a disconnect waits for the join before it. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private hooks: HubHooks | null = null;
  /**
   * This process's name in Redis's presence keys: the node id and a random part, so that a
   * node restarted under the same NODE_ID never renews the heartbeat of the notes its
   * previous process left (those come due and are counted out like any dead node's). A new
   * one after the node learns it was taken for dead.
   */
  private presence: string;
  /** How often this node beats, and how long the live clock stands still after an outage of Redis. */
  private readonly beatEveryMs: number;
  private readonly holdMs: number;
  /** Beats Redis answered under the current presence id (the first one adds the key). */
  private beats = 0;
  /** Times this node claimed its own key (it was late to beat): a beat in flight meanwhile finds it gone, not taken. */
  private selfClaims = 0;
  private closed = false;
  /** The last background failure logged, so a Redis outage logs once, not every poll. */
  private problem = '';
  /** The TTL of a room with someone connected; nodes holding its sockets renew it. */
  private readonly liveTtlMs: number;

  constructor(private readonly opts: RedisRoomsOptions) {
    const { expiry } = opts.config;
    // A second longer than either TTL of a room nobody is in, so the write in which the
    // last socket leaves always changes the TTL, which restarts its clock (a write sets the
    // TTL only when it changes).
    this.liveTtlMs = Math.max(expiry.idleMs, expiry.playingMs, 60_000) + 1_000;
    this.presence = this.newPresence();
    this.beatEveryMs = Math.max(50, opts.config.nodeTimeoutMs / 4);
    // After an outage every node needs up to a reconnection back-off (plus a connection
    // attempt that Redis left hanging) and one beat interval to be heard from again.
    this.holdMs = RECONNECT_MAX_MS + COMMAND_TIMEOUT_MS + this.beatEveryMs;
  }

  /** This process's current name in Redis's presence keys. */
  get presenceId(): string {
    return this.presence;
  }

  get size(): number {
    return this.seen.size;
  }

  get phases(): Record<RoomPhase, number> {
    const counts = { lobby: 0, playing: 0, over: 0 };
    for (const room of this.seen.values()) counts[room.phase]++;
    return counts;
  }

  /** Starts polling the deadline queue and heartbeating, now that timers have a hub to fire into. */
  attach(hooks: HubHooks): void {
    this.hooks = hooks;
    this.every(this.opts.pollMs ?? 250, () => this.poll());
    this.every(this.opts.pollMs ?? 250, () => this.watchNodes());
    this.every(this.beatEveryMs, () => this.heartbeat());
    this.every(this.liveTtlMs / 4, () => this.touchLocalRooms());
    this.track(this.heartbeat(), 'heartbeat');
  }

  create(ip: string, make: (code: string) => Room): Promise<Result<Room>> {
    return this.guard(async () => {
      const owned = await this.opts.store.countOwned(ip);
      if (owned >= this.opts.config.roomsPerIp) return tooManyRooms(owned);
      for (let attempt = 0; attempt < 20; attempt++) {
        const room = make(newRoomCode(() => false));
        // Nobody is connected until the creator's page joins: it expires if they never do.
        if ((await this.opts.store.create(room.code, this.write(room))) === 'taken') continue;
        this.views.delete(room.code);
        await this.opts.store.addOwned(ip, room.code, this.liveTtlMs);
        return ok(room);
      }
      return fail(ErrorCode.TRY_AGAIN, 'Could not find a free room code. Try again.');
    });
  }

  /**
   * Applies `change` to the stored room with {@link updateRoom} (so it may run more than
   * once), and re-arms the room's timer keys when they changed (always with
   * `repairTimers`: a claimed timer whose firing was lost comes back).
   */
  async update<T>(code: string, change: (room: Room) => T, repairTimers: boolean): Promise<Result<Updated<T>>> {
    const now = this.opts.now();
    const views = this.viewsOf(code);
    let channels = new Map<string, string>();
    let timers: Timers = [null, null];
    const done = await this.guard(async () => {
      const outcome = await updateRoom(
        this.opts.store,
        code,
        (room) => {
          channels = audienceByMember(room);
          timers = this.timersOf(room, now);
          // Another node may have made this version: patch from it all the same.
          views.prime(room, now);
          return change(room);
        },
        { games: this.opts.games, describe: (room) => this.describe(room), cached: this.records.get(code) },
      );
      if (outcome.status === 'missing') return roomNotFound(code);
      if (outcome.status === 'busy') return fail(ErrorCode.TRY_AGAIN, 'Many things happened in this room at once. Try again.');
      return ok(outcome);
    });
    if (!done.ok) {
      // The copy may be what made it fail (a room of a game this node cannot rebuild): read afresh next time.
      this.records.delete(code);
      return done;
    }
    const { room, value, status, record } = done.value;
    this.remember(room, record, true);
    if (status === 'saved' || repairTimers) this.armTimers(room, repairTimers ? null : timers, now);
    return ok({ room, views, channels, value });
  }

  read(code: string): Promise<Result<Loaded>> {
    return this.guard(async () => {
      const record = await this.opts.store.load(code);
      if (!record) return roomNotFound(code);
      const room = roomFromRecord(storedRecord(record, code), this.opts.games);
      this.remember(room, record);
      return ok({ room, views: this.viewsOf(code) });
    });
  }

  peek(code: string): Room | null {
    const room = this.seen.get(code) ?? null;
    const age = this.opts.now() - (this.seenAt.get(code) ?? 0);
    // Another node's change is seen here at this node's next read: read again in the
    // background when the copy is older than a moment (a frame allowed on a copy up to a
    // second old at worst: a frame from a player whose turn has just ended).
    if (room && age > PEEK_FRESH_MS && !this.refreshing.has(code)) {
      this.refreshing.add(code);
      this.track(Promise.resolve(this.read(code)).finally(() => this.refreshing.delete(code)), `refresh ${code}`);
    }
    return room;
  }

  publicRooms(limit: number): Promise<Result<RoomSummary[]>> {
    return this.guard(async () => ok(await this.opts.store.listPublic(limit * 2)));
  }

  /** Runs `task` after the socket's earlier requests: one socket's actions apply in the order sent. */
  serial<T>(socket: HubSocket, task: () => T | Promise<T>): Promise<T> {
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

  /** Notes the socket in Redis before its count-in is saved: if this node dies in between, a survivor counts out at worst a socket that was never counted in (the count never goes below zero). */
  enter(socket: HubSocket, code: string): Promise<Result<void>> {
    return this.guard(() => this.register(socket.id, code, socket.data.playerId).then(() => ok(undefined)));
  }

  forget(socketId: string, code: string): Promise<void> {
    return this.unregister(socketId, code);
  }

  /** Counts one of this node's sockets out of a room; retried while the store is away. */
  async countOut(socketId: string, code: string, playerId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const done = await this.hooks!.countOut(code, [playerId]);
      if (done.ok || done.error.code === ErrorCode.ROOM_NOT_FOUND) break;
      // While this node lives it keeps trying; if it stops, its heartbeat key comes due and
      // a survivor counts the socket out from the note in Redis.
      if (this.closed && attempt >= 3) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 250, 2_000)));
    }
    await this.unregister(socketId, code);
  }

  /** Counts the socket out of every room it was in, after any request of it still running. */
  disconnecting(socket: HubSocket, codes: readonly string[]): void {
    if (this.closed) return;
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
    for (const socket of this.opts.io.of('/').sockets.values()) this.disconnecting(socket, codesOf(socket));
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    this.seen.clear();
    this.seenAt.clear();
    this.records.clear();
    this.views.clear();
  }

  /** This node's views of a room: kept for rooms with a socket here, new (and dropped after use) for others. */
  private viewsOf(code: string): RoomViews {
    let views = this.views.get(code);
    if (!views) {
      views = new RoomViews();
      // Only rooms with a socket here are cached: this node cannot see the others expire.
      if (this.localCount.has(code)) this.views.set(code, views);
    }
    return views;
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
    return { data: serializeRoom(room), ...this.describe(room) };
  }

  /** Keeps the room and its stored record for a room with a socket here; `saved` when an update (not a read, which a save may overtake) produced it. */
  private remember(room: Room, record: RoomRecord, saved = false): void {
    if (!this.localCount.has(room.code)) return;
    this.seen.set(room.code, room);
    this.seenAt.set(room.code, this.opts.now());
    const known = this.records.get(room.code);
    if (saved || !known || known.revision <= record.revision) this.records.set(room.code, record);
  }

  /** Notes that a socket of this node is (about to be) counted into a room, here and in Redis. */
  private async register(socketId: string, code: string, playerId: string): Promise<void> {
    const codes = this.registered.get(socketId) ?? new Set<string>();
    if (!codes.has(code)) this.localCount.set(code, (this.localCount.get(code) ?? 0) + 1);
    this.registered.set(socketId, codes.add(code));
    await this.opts.sockets.add(this.presence, { socketId, code, playerId });
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
      this.seenAt.delete(code);
      this.records.delete(code);
      this.views.delete(code);
    }
    await this.opts.sockets.remove(this.presence, socketId, code).catch((error: unknown) => this.report(error, 'forget a socket'));
  }

  /** One pass of the timer poller: claims due keys (each goes to one node) and fires them. */
  private async poll(): Promise<void> {
    const due = await this.opts.deadlines.claimDue(this.opts.now(), 100);
    for (const key of due) this.track(this.fire(key), `fire ${key}`);
  }

  /** Fires a claimed key; one whose firing fails is put back a second later (until that works, or the node stops). */
  private async fire(key: string): Promise<void> {
    const [kind, id = ''] = key.split(/:(.*)/s);
    const retry = () => this.persist(() => this.opts.deadlines.schedule(key, this.opts.now() + 1_000));
    if (kind === 'node') {
      // The heartbeat key of a node of an earlier version, which stopped.
      await this.countOutNode(id).catch(async (error: unknown) => {
        await retry();
        throw error;
      });
      return;
    }
    const done = await this.hooks!.fire(id, kind as TimerKind);
    if (!done.ok && done.error.code !== ErrorCode.ROOM_NOT_FOUND) await retry();
  }

  /** Claims the nodes that stopped heartbeating (on the live clock) and counts their sockets out. */
  private async watchNodes(): Promise<void> {
    const stopped = await this.opts.sockets.claimStopped(100, this.holdMs);
    for (const id of stopped) {
      if (id === this.presence) {
        // Our own key came due (this process was late to beat, e.g. a long pause): put it back.
        this.selfClaims++;
        this.beats = 0;
        await this.opts.sockets.renew(id, this.opts.config.nodeTimeoutMs, this.holdMs, true);
        continue;
      }
      this.track(this.countOutStopped(id), `count out node ${id}`);
    }
  }

  /** {@link countOutNode}; if that fails, the node is due again in a second of live time, for this node or another to take it. */
  private countOutStopped(id: string): Promise<void> {
    return this.countOutNode(id).catch(async (error: unknown) => {
      await this.persist(() => this.opts.sockets.renew(id, 1_000, this.holdMs, true));
      throw error;
    });
  }

  /** Runs `task` until it succeeds or this node stops, waiting longer after each failure (up to a second). */
  private async persist(task: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await task();
        return;
      } catch (error) {
        if (this.closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 100, 1_000)));
      }
    }
  }

  /** A node stopped heartbeating: counts out every socket it had counted in, room by room. */
  private async countOutNode(nodeId: string): Promise<void> {
    const sockets = await this.opts.sockets.takeAll(nodeId);
    const byRoom = new Map<string, string[]>();
    for (const { code, playerId } of sockets) byRoom.set(code, [...(byRoom.get(code) ?? []), playerId]);
    const rooms = [...byRoom];
    for (const [index, [code, players]] of rooms.entries()) {
      const done = await this.hooks!.countOut(code, players);
      if (!done.ok && done.error.code !== ErrorCode.ROOM_NOT_FOUND) {
        // The rooms not done go back under the dead node's name: the retry of its key takes them again.
        const rest = new Set(rooms.slice(index).map(([c]) => c));
        await Promise.all(sockets.filter((s) => rest.has(s.code)).map((s) => this.persist(() => this.opts.sockets.add(nodeId, s))));
        throw new StoreError(`could not count out the sockets of node ${nodeId} in ${code}: ${done.error.message}`);
      }
    }
    if (sockets.length > 0) this.opts.log.info({ node: nodeId, sockets: sockets.length, rooms: byRoom.size }, 'counted out the sockets of a stopped node');
  }

  /**
   * Keeps this node's key a timeout ahead on the live clock. Finding it gone means another
   * node took it for dead and counted its sockets out: they are disconnected, so the
   * clients reconnect and count themselves in again. (A renewal never brings a key back,
   * only the first beat of a presence id adds it: a renewal whose answer was lost cannot
   * hide that the node was taken.)
   */
  private async heartbeat(): Promise<void> {
    const { nodeId, nodeTimeoutMs } = this.opts.config;
    const [id, selfClaims] = [this.presence, this.selfClaims];
    const there = await this.opts.sockets.renew(id, nodeTimeoutMs, this.holdMs, this.beats === 0);
    if (id !== this.presence || selfClaims !== this.selfClaims) return;
    this.beats++;
    if (there) return;
    this.presence = this.newPresence();
    this.beats = 0;
    this.opts.log.warn({ node: nodeId, presence: id }, 'this node was taken for dead; reconnecting its clients');
    // They were counted out already: leave the room channels first so that disconnecting does not count them out twice.
    for (const socket of this.opts.io.of('/').sockets.values()) {
      for (const name of [...socket.rooms]) if (roomCodeOfChannel(name) !== null) socket.leave(name);
    }
    this.registered.clear();
    this.localCount.clear();
    this.records.clear();
    this.opts.io.local.disconnectSockets(true);
    // Sockets counted in after the survivor took the notes are still noted under the old id.
    this.track(this.countOutStopped(id), `count out node ${id}`);
  }

  private newPresence(): string {
    return `${this.opts.config.nodeId}~${randomBytes(4).toString('hex')}`;
  }

  /** Renews the TTL of every room this node has a socket in. */
  private async touchLocalRooms(): Promise<void> {
    await Promise.all([...this.localCount.keys()].map((code) => this.opts.store.touch(code, this.liveTtlMs)));
  }

  /** Runs a store call, answering STORE_UNAVAILABLE when Redis did not carry it out (and GAME_UNKNOWN for a room this node cannot rebuild). */
  private async guard<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof UnknownGameError) {
        return fail(ErrorCode.GAME_UNKNOWN, `Room ${error.code} is a game of "${error.gameId}", which this server does not offer (yet): try again after the update.`);
      }
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

/** The game rooms a socket is in, by its `r:<code>` channels. */
export function codesOf(socket: HubSocket): string[] {
  return [...socket.rooms].map(roomCodeOfChannel).filter((c): c is string => c !== null);
}
