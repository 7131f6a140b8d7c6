/**
 * The room hub in process, without sockets, for deterministic tests of what it broadcasts
 * and in which order (the model: tldraw's sync-core `TestSocketPair`). A {@link TestEmitter}
 * stands in for Socket.IO's server: it keeps channel membership, puts one copy of each
 * broadcast into every receiving socket's inbox in emit order and logs every emit and channel
 * move. A {@link HubClient} follows rooms from its {@link TestSocket}'s inbox as the browser
 * does, in order or under a seeded {@link DeliveryPolicy} that reorders, delays and drops.
 * {@link openTestHub} builds the hub on the run's backend: memory, or the run's Redis when
 * `PARLOR_TEST_REDIS_URL` is set (vitest's "redis" project). Not imported by production code.
 */
import pino from 'pino';
import { codewords } from '../game/codewords';
import { gameRegistry } from '../game/games';
import { unwrap } from '../game/codewords/testing';
import type { AnyGameDefinition } from '../game/engine';
import type { Result } from '../game/errors';
import type { ClientToServerEvents, JoinResult, RoomPatch, RoomSnapshot } from '../game/protocol';
import { RoomFollower, type FollowResult } from '../game/room-patch';
import { nextFloat, nextInt, seedRng, type RngState } from '../game/rng';
import { DEFAULT_CONFIG, type ParlorConfig } from './config';
import type { Broadcaster, ChannelMover, HubSocket, ParlorServer, RoomEmitter, ServerEvent, ServerSocketData } from './io';
import type { Answer } from './maybe';
import { MemoryRooms } from './memory-rooms';
import { RedisRooms } from './redis-rooms';
import { RoomHub } from './room-hub';
import { RoomViews } from './room-views';
import { NodeSockets } from './store/node-sockets';
import { connectRedis } from './store/redis-client';
import { RedisDeadlineQueue } from './store/redis-deadline-queue';
import { RedisRoomStore } from './store/redis-room-store';

// ---------------------------------------------------------------------------------------
// Socket.IO, in process
// ---------------------------------------------------------------------------------------

/** One packet a socket received: a server event, or the answer to one of its requests. */
export interface Delivery {
  /** Its place among everything the emitter sent (deliveries and answers alike). */
  readonly seq: number;
  readonly event: ServerEvent | 'ack';
  /** The event's argument, or the hub's {@link Result}, as the receiver decodes it: its own JSON copy. */
  readonly payload: unknown;
  /** The channels of the broadcast that this socket was in (none for an answer). */
  readonly via: readonly string[];
  /** For an answer: the request it answers, when the client named it. */
  readonly asked?: Asked;
}

/** A request as a client names it, for the answer to say what it answers. */
export interface Asked {
  readonly event: keyof ClientToServerEvents;
  readonly code: string;
}

/** A socket that an emit reached, and through which of its channels. */
export interface Receiver {
  readonly socket: string;
  readonly playerId: string;
  readonly via: readonly string[];
}

/** One thing the emitter was asked to do (or a socket did to its own channels), in order. */
export type EmitterOp =
  | {
      readonly op: 'emit';
      readonly seq: number;
      readonly to: readonly string[];
      readonly except: readonly string[];
      readonly event: ServerEvent;
      readonly payload: unknown;
      readonly receivers: readonly Receiver[];
    }
  /** `in(channel).socketsJoin(names)` / `socketsLeave(names)`: every socket of `channel`, listed in `sockets`. */
  | { readonly op: 'socketsJoin' | 'socketsLeave'; readonly seq: number; readonly channel: string; readonly names: readonly string[]; readonly sockets: readonly string[] }
  /** A socket's own `join` / `leave`. */
  | { readonly op: 'join' | 'leave'; readonly seq: number; readonly socket: string; readonly names: readonly string[] };

const list = (names: string | readonly string[]): string[] => (typeof names === 'string' ? [names] : [...names]);

/**
 * Socket.IO's server as the hub sees it ({@link RoomEmitter}), in process. Channel
 * membership lives in each socket's `rooms`, as in Socket.IO; a broadcast reaches the
 * connected sockets in any of its channels once each, less those in an excepted channel
 * (every socket is in a channel named after its id), and lands in their inboxes at once.
 */
export class TestEmitter implements RoomEmitter {
  /** The connected sockets, by id. */
  readonly sockets = new Map<string, TestSocket>();
  /** Every emit and channel move, in order. */
  readonly log: EmitterOp[] = [];
  private seq = 0;

  to(channels: string | string[]): Broadcaster {
    const broadcast = (to: readonly string[], except: readonly string[]): Broadcaster => ({
      except: (name) => broadcast(to, [...except, name]),
      emit: (event: ServerEvent, ...args: unknown[]) => {
        this.emit(to, except, event, args);
        return true;
      },
    });
    return broadcast(list(channels), []);
  }

  in(channel: string): ChannelMover {
    const move = (op: 'socketsJoin' | 'socketsLeave', names: string | string[]) => {
      const sockets = this.socketsIn([channel]);
      for (const socket of sockets) for (const name of list(names)) socket.rooms[op === 'socketsJoin' ? 'add' : 'delete'](name);
      this.record({ op, channel, names: list(names), sockets: sockets.map((s) => s.id) });
    };
    return { socketsJoin: (names) => move('socketsJoin', names), socketsLeave: (names) => move('socketsLeave', names) };
  }

  /** The connected sockets in any of `channels`, in the order they connected. */
  socketsIn(channels: readonly string[]): TestSocket[] {
    return [...this.sockets.values()].filter((s) => channels.some((c) => s.rooms.has(c)));
  }

  /** The next place in the order of everything sent (for {@link TestSocket.answer}). */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Appends an op to the log with the next place in the order. */
  record(op: DistributiveOmit<EmitterOp, 'seq'>): void {
    this.log.push({ ...op, seq: this.nextSeq() } as EmitterOp);
  }

  private emit(to: readonly string[], except: readonly string[], event: ServerEvent, args: readonly unknown[]): void {
    // Every server event takes one argument; encoded once, decoded by each receiver, as on the wire.
    if (args.length !== 1) throw new Error(`${event}: a server event takes one argument, got ${args.length}`);
    const wire = JSON.stringify(args[0]);
    const receivers: Receiver[] = [];
    const seq = this.nextSeq();
    for (const socket of this.sockets.values()) {
      const via = to.filter((c) => socket.rooms.has(c));
      if (via.length === 0 || except.some((c) => socket.rooms.has(c))) continue;
      socket.inbox.push({ seq, event, payload: JSON.parse(wire), via });
      receivers.push({ socket: socket.id, playerId: socket.data.playerId, via });
    }
    this.log.push({ op: 'emit', seq, to, except, event, payload: JSON.parse(wire), receivers });
  }
}

/** `Omit` over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let socketIds = 0;

/**
 * One connection, as the hub sees it ({@link HubSocket}): what it received waits in
 * `inbox` until its client handles it.
 */
export class TestSocket implements HubSocket {
  readonly id = `s${++socketIds}`;
  readonly data: ServerSocketData;
  /** Its channels; as in Socket.IO, it starts in the one named after its id. */
  readonly rooms = new Set<string>([this.id]);
  disconnected = false;
  /** Deliveries not handled yet, oldest first. */
  readonly inbox: Delivery[] = [];
  /** What the server does while the socket closes, its channels still known (the handlers' `disconnecting`). */
  onDisconnecting: (socket: TestSocket) => void = () => {};

  constructor(
    private readonly emitter: TestEmitter,
    playerId: string,
    ip = '127.0.0.1',
  ) {
    this.data = { playerId, ip };
    emitter.sockets.set(this.id, this);
  }

  join(names: string | string[]): void {
    for (const name of list(names)) this.rooms.add(name);
    this.emitter.record({ op: 'join', socket: this.id, names: list(names) });
  }

  leave(name: string): void {
    this.rooms.delete(name);
    this.emitter.record({ op: 'leave', socket: this.id, names: [name] });
  }

  /** Puts the answer to one of its requests into the inbox, behind what was emitted to it before. */
  answer(payload: unknown, asked?: Asked): void {
    const delivery: Delivery = { seq: this.emitter.nextSeq(), event: 'ack', payload: JSON.parse(JSON.stringify(payload)), via: [] };
    this.inbox.push(asked ? { ...delivery, asked } : delivery);
  }

  /** Closes the connection as Socket.IO does: `disconnecting`, then out of every channel; whatever was in flight is lost. */
  disconnect(): void {
    if (this.disconnected) return;
    this.onDisconnecting(this);
    this.rooms.clear();
    this.disconnected = true;
    this.emitter.sockets.delete(this.id);
    this.inbox.length = 0;
  }
}

// ---------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------

/** How a client takes deliveries from its inbox. */
export interface DeliveryPolicy {
  /** The index in `waiting` (never empty) of the delivery handled next. */
  next(waiting: readonly Delivery[]): number;
  /** Whether this delivery is lost instead of handled. */
  drops(delivery: Delivery): boolean;
}

/** Every delivery, in the order sent. */
export const inOrder: DeliveryPolicy = { next: () => 0, drops: () => false };

/** In order, losing the deliveries `lost` picks. */
export function dropping(lost: (delivery: Delivery) => boolean): DeliveryPolicy {
  return { next: () => 0, drops: lost };
}

/**
 * A seeded network: the next delivery is any of the first `window` waiting, and an event
 * is lost with probability `dropRate`. Answers are never lost (a lost answer is a request
 * that never ends, not a gap). Delays come from handling a few deliveries at a time.
 */
export function shuffled(seed: number, { window = 3, dropRate = 0.1 }: { window?: number; dropRate?: number } = {}): DeliveryPolicy {
  let rng: RngState = seedRng(seed);
  const draw = <T>(step: (state: RngState) => [T, RngState]): T => {
    const [value, next] = step(rng);
    rng = next;
    return value;
  };
  return {
    next: (waiting) => draw((s) => nextInt(s, Math.min(window, waiting.length))),
    drops: (delivery) => delivery.event !== 'ack' && draw(nextFloat) < dropRate,
  };
}

/** What a client did with one delivery. */
export interface Handled extends Delivery {
  /** What the room's follower made of it; absent for chat, notices, refusals and rooms not followed. */
  readonly result?: FollowResult;
}

/** The room update a delivery carries, if any. */
function updateOf(delivery: Delivery): { code: string; snapshot?: RoomSnapshot; patch?: RoomPatch } | null {
  const { event, payload } = delivery;
  if (event === 'room:state') return { code: (payload as RoomSnapshot).code, snapshot: payload as RoomSnapshot };
  if (event === 'room:patch') return { code: (payload as RoomPatch).code, patch: payload as RoomPatch };
  if (event !== 'ack') return null;
  const result = payload as Result<{ snapshot?: RoomSnapshot; patch?: RoomPatch }>;
  if (!result.ok) return null;
  const { snapshot, patch } = result.value;
  if (snapshot) return { code: snapshot.code, snapshot };
  return patch ? { code: patch.code, patch } : null;
}

/**
 * A player's browser tab, without a browser: a socket and one {@link RoomFollower} per room
 * it joined. It handles its inbox as the browser does: 'room:state', 'room:patch' and the
 * snapshot or patch an answer carries go to the room's follower, and a 'gap' asks the hub
 * for the whole room (`room:sync`), whose answer comes back through the inbox.
 */
export class HubClient {
  socket: TestSocket;
  /** Every delivery handled, in the order handled. */
  readonly received: Handled[] = [];
  /** Every delivery a {@link DeliveryPolicy} lost. */
  readonly dropped: Delivery[] = [];
  /** Every snapshot held, in order, over all rooms and rejoins (from events, answers and patches). */
  readonly states: RoomSnapshot[] = [];
  private readonly followers = new Map<string, { follower: RoomFollower; as: 'player' | 'spectator'; held: RoomSnapshot[] }>();
  /** Rooms whose join answer is still in the inbox: it brings the whole room, so a patch's gap needs no sync meanwhile. */
  private readonly joining = new Set<string>();

  constructor(
    readonly hub: RoomHub,
    private readonly emitter: TestEmitter,
    readonly playerId: string,
  ) {
    this.socket = this.connect();
  }

  /** The snapshot held of a room, or null. */
  snapshot(code: string): RoomSnapshot | null {
    return this.followers.get(code)?.follower.snapshot ?? null;
  }

  /** The snapshots held of a room since this client last joined it, in order. */
  history(code: string): readonly RoomSnapshot[] {
    return this.followers.get(code)?.held ?? [];
  }

  /**
   * Sends a request: `call` runs on the hub with this client's socket. Its answer lands in
   * the inbox behind whatever the request emitted to this socket (as an ack follows the
   * events the server sent before it); the hub's result is returned for the test to read.
   */
  async request<T>(call: (hub: RoomHub, socket: TestSocket) => Answer<T>, asked?: Asked): Promise<Result<T>> {
    const socket = this.socket;
    const result = await call(this.hub, socket);
    if (!socket.disconnected) socket.answer(result, asked);
    return result;
  }

  /** Joins (or rejoins) a room and follows it, keeping the snapshot held so far. */
  join(code: string, as: 'player' | 'spectator' = 'player', nickname = this.playerId.slice(2)): Promise<Result<JoinResult>> {
    this.joining.add(code);
    if (!this.followers.has(code)) {
      const held: RoomSnapshot[] = [];
      const follower = new RoomFollower(code, (snapshot) => {
        held.push(snapshot);
        this.states.push(snapshot);
      });
      this.followers.set(code, { follower, as, held });
    }
    this.followers.get(code)!.as = as;
    return this.request((hub, socket) => hub.join(socket, { code, nickname, as }), { event: 'room:join', code });
  }

  /** Leaves a room for good and stops following it (the page goes home). */
  async leave(code: string): Promise<Result<object>> {
    const left = await this.request((hub, socket) => hub.leave(socket, { code }));
    if (left.ok) this.followers.delete(code);
    return left;
  }

  /** Asks for a room's whole snapshot; the answer is applied when the inbox reaches it. */
  async resync(code: string): Promise<void> {
    await this.request((hub, socket) => hub.sync(socket, { code }), { event: 'room:sync', code });
  }

  /** Handles up to `count` deliveries chosen by `policy` (and the answers of the syncs they lead to). */
  async deliver(count = Infinity, policy: DeliveryPolicy = inOrder): Promise<void> {
    for (let n = 0; n < count && this.socket.inbox.length > 0; n++) {
      const { inbox } = this.socket;
      const [delivery] = inbox.splice(policy.next(inbox), 1);
      if (policy.drops(delivery!)) this.dropped.push(delivery!);
      else await this.handle(delivery!);
    }
  }

  /** Closes the socket (the network drops), and waits until the hub has counted it out. */
  async disconnect(): Promise<void> {
    const socket = this.socket;
    socket.disconnect();
    // The count-out runs in line with the socket's requests (with Redis, in the background).
    await this.hub.backend.serial(socket, () => undefined);
  }

  /** Another tab of the same player: a client of its own, with the same player id. */
  tab(): HubClient {
    return new HubClient(this.hub, this.emitter, this.playerId);
  }

  /** Opens a new socket and rejoins every room followed, as the browser does after a reconnect. */
  async reconnect(): Promise<void> {
    this.socket = this.connect();
    for (const [code, { as }] of this.followers) await this.join(code, as);
  }

  private connect(): TestSocket {
    const socket = new TestSocket(this.emitter, this.playerId);
    socket.onDisconnecting = (closing) => this.hub.disconnecting(closing);
    return socket;
  }

  private async handle(delivery: Delivery): Promise<void> {
    const update = updateOf(delivery);
    const follower = update && this.followers.get(update.code)?.follower;
    let result: FollowResult | undefined;
    if (update && follower) result = update.snapshot ? follower.state(update.snapshot) : follower.patch(update.patch!);
    this.received.push(result === undefined ? delivery : { ...delivery, result });
    if (delivery.asked?.event === 'room:join') this.joining.delete(delivery.asked.code);
    if (delivery.event === 'room:removed') this.followers.delete((delivery.payload as { code: string }).code);
    if (result === 'gap' && this.resyncs(delivery, update!.code)) await this.resync(update!.code);
  }

  /**
   * Whether a gap asks for the whole room, as in the browser: after an event or a join's
   * answer, but not after a sync's answer (which is the whole room), nor after a patch while
   * a join's answer, which brings the whole room, is on its way.
   */
  private resyncs(delivery: Delivery, code: string): boolean {
    if (delivery.asked?.event === 'room:sync') return false;
    return !(delivery.event === 'room:patch' && this.joining.has(code));
  }
}

// ---------------------------------------------------------------------------------------
// The hub on the run's backend
// ---------------------------------------------------------------------------------------

/** What a test may set about its hub; clock and seeds are fixed by default. */
export interface TestHubOptions {
  readonly now?: () => number;
  readonly seed?: () => number;
  /** The games rooms may play; Codewords alone by default. */
  readonly games?: readonly AnyGameDefinition[];
  readonly config?: Partial<Pick<ParlorConfig, 'graceMs' | 'expiry'>>;
}

/** A hub in process, its emitter, and clients on it. */
export interface TestHub {
  readonly hub: RoomHub;
  readonly emitter: TestEmitter;
  /** Where the rooms are: this process, or the run's Redis. */
  readonly backend: 'memory' | 'redis';
  /** A new client, with a player id of its own made from `name`. */
  client(name: string): HubClient;
  /** Closes the hub (with Redis, counting its sockets out) and the Redis connection; again, does nothing more. */
  close(): Promise<void>;
}

/** The test clock: a fixed time, so no turn, grace or expiry timer comes due during a test. */
export const TEST_NOW = 1_700_000_000_000;

let hubs = 0;

/**
 * The Socket.IO server as `RedisRooms` uses it: this node's sockets (counted out on close)
 * and disconnecting them all (when the node was taken for dead). The one cast: the backend
 * touches nothing else of the server.
 */
function serverOf(emitter: TestEmitter): ParlorServer {
  const io = {
    of: () => ({ sockets: emitter.sockets }),
    local: { disconnectSockets: () => [...emitter.sockets.values()].forEach((s) => s.disconnect()) },
  };
  return io as unknown as ParlorServer;
}

/**
 * A hub over a {@link TestEmitter} on the run's backend: {@link MemoryRooms}, or, when
 * `PARLOR_TEST_REDIS_URL` is set, {@link RedisRooms} on that Redis under a key prefix of
 * its own. The Redis stores are built here rather than with `openRedisBackend`, whose
 * Socket.IO adapter starts reading its stream at once and stops only with a Socket.IO server.
 */
export function openTestHub(options: TestHubOptions = {}): TestHub {
  const log = pino({ level: 'silent' });
  const now = options.now ?? (() => TEST_NOW);
  let deals = 0;
  const seed = options.seed ?? (() => ++deals);
  const games = gameRegistry(options.games ?? [codewords]);
  const name = `hub${process.pid}-${++hubs}`;
  const config = { ...DEFAULT_CONFIG, roomsPerIp: 1e6, nodeId: name, ...options.config };
  const emitter = new TestEmitter();
  const url = process.env.PARLOR_TEST_REDIS_URL;
  const redis = url ? connectRedis(url, log) : null;
  const backend = redis
    ? new RedisRooms({
        io: serverOf(emitter),
        games,
        log,
        now,
        config,
        store: new RedisRoomStore(redis, `${name}:`),
        deadlines: new RedisDeadlineQueue(redis, `${name}:deadlines`),
        sockets: new NodeSockets(redis, `${name}:`),
      })
    : new MemoryRooms({ log, now, config });
  const hub = new RoomHub({ emitter, backend, games, log, now, seed, config });
  let players = 0;
  let closing: Promise<void> | null = null;
  return {
    hub,
    emitter,
    backend: redis ? 'redis' : 'memory',
    client: (who) => new HubClient(hub, emitter, `p_${who}${String(++players).padStart(4, '0')}`),
    close: () =>
      (closing ??= (async () => {
        await hub.close();
        await redis?.quit();
      })()),
  };
}

// ---------------------------------------------------------------------------------------
// A table of Codewords
// ---------------------------------------------------------------------------------------

/** Five clients in one room, everything delivered: four seated players and a spectator. */
export interface Table {
  readonly code: string;
  /** The red spymaster, who created the room. */
  readonly host: HubClient;
  readonly redOp: HubClient;
  readonly blueSpy: HubClient;
  readonly blueOp: HubClient;
  readonly spectator: HubClient;
  /** All five, in that order. */
  readonly all: readonly HubClient[];
}

/** Seats four players and a spectator in a new room of `t`'s hub (not started), and delivers everything. */
export async function seatTable(t: TestHub): Promise<Table> {
  const [host, redOp, blueSpy, blueOp, spectator] = ['ana', 'ben', 'cleo', 'dev', 'eve'].map((who) => t.client(who)) as [HubClient, HubClient, HubClient, HubClient, HubClient];
  const { code } = unwrap(await host.request((hub, socket) => hub.create(socket, { nickname: 'ana', public: false })));
  const seats = [
    [host, 'red:spymaster'],
    [redOp, 'red:operative'],
    [blueSpy, 'blue:spymaster'],
    [blueOp, 'blue:operative'],
  ] as const;
  for (const [client, seat] of seats) {
    unwrap(await client.join(code, 'player'));
    unwrap(await client.request((hub, socket) => hub.seat(socket, { code, seat })));
  }
  unwrap(await spectator.join(code, 'spectator'));
  const all = [host, redOp, blueSpy, blueOp, spectator];
  for (const client of all) await client.deliver();
  return { code, host, redOp, blueSpy, blueOp, spectator, all };
}

/** A snapshot without `serverTime`, the one field two answers of the same version may differ in. */
export function withoutServerTime(snapshot: RoomSnapshot | null): Omit<RoomSnapshot, 'serverTime'> | null {
  if (!snapshot) return null;
  const { serverTime: _serverTime, ...rest } = snapshot;
  return rest;
}

/** What a client holds of a room and what it should hold, each without `serverTime`, for a test to compare. */
export interface Holding {
  /** What the client's follower holds. */
  readonly held: Omit<RoomSnapshot, 'serverTime'> | null;
  /** What a fresh `room:sync` answers for its audience (decoded from JSON). */
  readonly synced: Omit<RoomSnapshot, 'serverTime'> | null;
  /** The same made from the stored room alone (no view the hub kept), decoded from JSON: an oracle independent of the hub's caches. */
  readonly rebuilt: Omit<RoomSnapshot, 'serverTime'> | null;
}

/** See {@link Holding}. */
export async function holding(client: HubClient, code: string): Promise<Holding> {
  const decoded = (snapshot: RoomSnapshot) => withoutServerTime(JSON.parse(JSON.stringify(snapshot)) as RoomSnapshot);
  const { snapshot } = unwrap(await client.hub.sync(client.socket, { code }));
  const room = await client.hub.inspect(code);
  return {
    held: withoutServerTime(client.snapshot(code)),
    synced: decoded(snapshot),
    rebuilt: room && decoded(new RoomViews().snapshot(room, room.audienceOf(client.playerId), 0)),
  };
}
