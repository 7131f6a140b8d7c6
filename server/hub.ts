import type { Server, Socket } from 'socket.io';
import type { AnyGameDefinition } from '../game/engine';
import { ErrorCode, fail, ok, type Result } from '../game/errors';
import type {
  ChangeResult,
  ChatMessage,
  ClientToServerEvents,
  JoinResult,
  Payload,
  RoomPatch,
  RoomSnapshot,
  RoomSummary,
  ServerToClientEvents,
  SocketData,
} from '../game/protocol';
import { channel, roomCodeOfChannel } from './channels';
import type { ParlorConfig } from './config';
import { newRoomCode } from './ids';
import type { Logger } from './logger';
import { Room } from './room';
import { broadcastChange, currentSnapshot, detachMember, orderListing, parseSettings, roomNotFound } from './room-broadcast';
import { RoomTimers } from './room-timers';
import type { RoomService } from './room-service';

/** What the server keeps on a socket: the shared part plus the client's address. */
export interface ServerSocketData extends SocketData {
  /** The client IP, for per-address limits. Never sent to other clients. */
  ip: string;
}

/** The typed Socket.IO server of Parlor. */
export type ParlorServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;
/** One typed connection. */
export type ParlorSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;

/** What the hub is built from; clock and seeds are injectable for tests. */
export interface HubOptions {
  readonly io: ParlorServer;
  readonly game: AnyGameDefinition;
  readonly log: Logger;
  readonly now: () => number;
  readonly seed: () => number;
  readonly config: Pick<ParlorConfig, 'expiry' | 'graceMs' | 'roomsPerIp'>;
  /** The most public rooms listed on the home page. */
  readonly listLimit?: number;
}

/**
 * The rooms of this process and everything around them that touches IO: which sockets
 * are in which Socket.IO channels, broadcasting one view per audience after each change,
 * turn timers, idle expiry and the public room list. Rules stay in the game module and
 * membership in {@link Room}; socket handlers call one hub method each.
 */
export class Hub implements RoomService {
  private readonly rooms = new Map<string, Room>();
  /** The audience channel each member's sockets are in, per room, to move them when it changes. */
  private readonly audienceOf = new Map<string, Map<string, string>>();
  /** The last snapshot sent to each audience, per room: the base of the next patch. */
  private readonly sent = new Map<string, Map<string, RoomSnapshot>>();
  private readonly deadlines = new RoomTimers();
  private readonly expiries = new RoomTimers();
  private readonly graces = new RoomTimers();
  /** Live rooms by the IP that created them, to cap how many one address may hold. */
  private readonly roomsByIp = new Map<string, Set<string>>();
  private readonly creatorIp = new Map<string, string>();
  private listTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: HubOptions) {}

  /** Number of live rooms (for metrics and tests). */
  get size(): number {
    return this.rooms.size;
  }

  /** Number of live rooms in each phase (for metrics; read at scrape time, not per action). */
  get phases(): Record<Room['phase'], number> {
    const counts = { lobby: 0, playing: 0, over: 0 };
    for (const room of this.rooms.values()) counts[room.phase]++;
    return counts;
  }

  /** Creates a room whose host is the creator; they still join it like everyone else. */
  create(socket: ParlorSocket, p: Payload<'room:create'>): Result<{ code: string }> {
    const { game } = this.opts;
    const settings = parseSettings(game, p.settings);
    if (!settings.ok) return settings;
    const ip = socket.data.ip;
    const owned = this.roomsByIp.get(ip) ?? new Set<string>();
    if (owned.size >= this.opts.config.roomsPerIp) {
      return fail(ErrorCode.TOO_MANY_ROOMS, `You already have ${owned.size} open rooms. Use one of them, or wait for old ones to close.`);
    }
    const code = newRoomCode((c) => this.rooms.has(c));
    owned.add(code);
    this.roomsByIp.set(ip, owned);
    this.creatorIp.set(code, ip);
    const room = new Room({ code, game, isPublic: p.public, settings: settings.value });
    room.join(socket.data.playerId, p.nickname, 'player');
    room.flush();
    this.rooms.set(code, room);
    this.audienceOf.set(code, new Map());
    // Nobody is connected until the creator's page joins; expire it if they never do.
    this.scheduleExpiry(room);
    this.opts.log.info({ room: code, player: socket.data.playerId, public: p.public }, 'room created');
    return ok({ code });
  }

  /** Joins a room as a player or spectator, or comes back to it with the same seat. */
  join(socket: ParlorSocket, p: Payload<'room:join'>): Result<JoinResult> {
    const room = this.rooms.get(p.code);
    if (!room) return roomNotFound(p.code);
    // The request may have waited (rate limits); a socket that left meanwhile must not be counted in.
    if (socket.disconnected) return fail(ErrorCode.NOT_IN_ROOM, 'The connection closed before the join.');
    const playerId = socket.data.playerId;
    const alreadyHere = socket.rooms.has(channel.room(room.code));
    const joined = room.join(playerId, p.nickname, p.as);
    if (!joined.ok) return joined;
    if (!alreadyHere) {
      room.setConnected(playerId, 1, this.opts.now());
      const audience = room.audienceOf(playerId);
      this.audienceOf.get(room.code)?.set(playerId, audience);
      socket.join([channel.room(room.code), channel.member(room.code, playerId), channel.audience(room.code, audience)]);
    }
    room.expireAway(this.opts.now(), this.opts.config.graceMs);
    if (room.flush()) this.changed(room);
    this.opts.log.info({ room: room.code, player: playerId, as: joined.value.kind }, 'joined');
    return ok({
      you: playerId,
      as: joined.value.kind,
      snapshot: this.snapshotFor(room, room.audienceOf(playerId)),
      chat: room.chat,
    });
  }

  /** A room's public line, for a room link's first visit. */
  lookup(code: string): Result<RoomSummary> {
    const room = this.rooms.get(code);
    return room ? ok(room.summary()) : roomNotFound(code);
  }

  /** Leaves a room for good: every tab of the player leaves with it. */
  leave(socket: ParlorSocket, p: Payload<'room:leave'>): Result<object> {
    return this.act(socket, p.code, (room) => {
      const playerId = socket.data.playerId;
      const left = room.leave(playerId);
      if (!left.ok) return left;
      // The player's other tabs are told, so they do not sit on a room they are no longer in.
      this.opts.io.to(channel.member(room.code, playerId)).except(socket.id).emit('room:removed', { code: room.code, reason: 'left' });
      this.detach(room, playerId);
      this.opts.log.info({ room: room.code, player: playerId }, 'left');
      return ok(undefined);
    });
  }

  /** Takes or leaves a seat. */
  seat(socket: ParlorSocket, p: Payload<'room:seat'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.takeSeat(socket.data.playerId, p.seat));
  }

  /** Changes room visibility or game settings. */
  configure(socket: ParlorSocket, p: Payload<'room:settings'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) =>
      room.configure(socket.data.playerId, { isPublic: p.public, settings: p.settings }),
    );
  }

  /** Starts the game. */
  start(socket: ParlorSocket, p: Payload<'room:start'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.start(socket.data.playerId, this.opts.seed(), this.opts.now()));
  }

  /** Deals a new board with the same teams. */
  rematch(socket: ParlorSocket, p: Payload<'room:rematch'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.rematch(socket.data.playerId, this.opts.seed(), this.opts.now()));
  }

  /** Back to the lobby after a game. */
  backToLobby(socket: ParlorSocket, p: Payload<'room:lobby'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.backToLobby(socket.data.playerId));
  }

  /** Host: removes a member for good; their sockets are told and taken out of the room. */
  kick(socket: ParlorSocket, p: Payload<'room:kick'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => {
      const kicked = room.kick(socket.data.playerId, p.playerId);
      if (!kicked.ok) return kicked;
      this.opts.io.to(channel.member(room.code, p.playerId)).emit('room:removed', { code: room.code, reason: 'kicked' });
      this.detach(room, p.playerId);
      this.opts.log.info({ room: room.code, player: p.playerId, by: socket.data.playerId }, 'kicked');
      return kicked;
    });
  }

  /** Host: puts a player in a seat, or hands a seat over mid-game. */
  assign(socket: ParlorSocket, p: Payload<'room:assign'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.assign(socket.data.playerId, p.playerId, p.seat));
  }

  /** Host: makes another player the host. */
  transferHost(socket: ParlorSocket, p: Payload<'room:host'>): Result<ChangeResult> {
    return this.act(socket, p.code, (room) => room.transferHost(socket.data.playerId, p.playerId));
  }

  /** A chat line to everyone in the room. */
  say(socket: ParlorSocket, p: Payload<'chat:send'>): Result<{ id: number }> {
    const room = this.rooms.get(p.code);
    if (!room) return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${p.code}.`);
    if (!socket.rooms.has(channel.room(room.code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
    const said = room.say(socket.data.playerId, p.text, this.opts.now());
    if (!said.ok) return said;
    const message: ChatMessage = said.value;
    this.opts.io.to(channel.room(room.code)).emit('chat:message', message);
    return ok({ id: message.id });
  }

  /** Applies a game move; answers with the room version it produced. */
  move(socket: ParlorSocket, p: Payload<'game:move'>): Result<{ version: number } & ChangeResult> {
    const result = this.act(socket, p.code, (room) => room.move(socket.data.playerId, p.move, this.opts.now()));
    // Read after `act`: the version moves when the action is flushed, not inside it.
    if (!result.ok) return result;
    const version = this.rooms.get(p.code)!.version;
    // Not `{ ...result.value, version }`: on Node 20 a spread followed by a new key makes an
    // object the young generation cannot free (docs/performance.md, fifth round).
    return ok(result.value.patch ? { version, patch: result.value.patch } : { version });
  }

  /** The full current snapshot for this socket's audience (after a gap in versions). */
  sync(socket: ParlorSocket, p: Payload<'room:sync'>): Result<{ snapshot: RoomSnapshot }> {
    const room = this.rooms.get(p.code);
    if (!room) return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${p.code}.`);
    if (!socket.rooms.has(channel.room(room.code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
    return ok({ snapshot: this.snapshotFor(room, room.audienceOf(socket.data.playerId)) });
  }

  /** Subscribes a socket to the public room list and returns the list as it is now. */
  watchRooms(socket: ParlorSocket): Result<{ rooms: RoomSummary[] }> {
    socket.join(channel.roomList);
    return ok({ rooms: this.publicRooms() });
  }

  /** Stops sending the room list to a socket. */
  unwatchRooms(socket: ParlorSocket): void {
    socket.leave(channel.roomList);
  }

  /** Marks the socket's members away in every room it was in. Call on `disconnecting`. */
  disconnecting(socket: ParlorSocket): void {
    for (const name of socket.rooms) {
      const code = roomCodeOfChannel(name);
      const room = code ? this.rooms.get(code) : undefined;
      if (!room) continue;
      const playerId = socket.data.playerId;
      room.setConnected(playerId, -1, this.opts.now());
      if (!room.members.has(playerId)) this.audienceOf.get(room.code)?.delete(playerId);
      if (room.flush()) this.changed(room);
    }
  }

  /** Stops every timer (for shutdown and tests). */
  close(): void {
    if (this.listTimer) clearTimeout(this.listTimer);
    this.deadlines.clear();
    this.expiries.clear();
    this.graces.clear();
    this.rooms.clear();
    this.sent.clear();
  }

  /** The room with that code, for tests and tooling. */
  room(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  /**
   * Runs one change on a room the socket is in; broadcasts if it changed anything. The
   * socket's own update comes back for its ack (see {@link ChangeResult}).
   */
  private act(socket: ParlorSocket, code: string, change: (room: Room) => Result<unknown>): Result<ChangeResult> {
    const room = this.rooms.get(code);
    if (!room) return fail(ErrorCode.ROOM_NOT_FOUND, `No room has the code ${code}.`);
    if (!socket.rooms.has(channel.room(code))) return fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
    const result = change(room);
    room.expireAway(this.opts.now(), this.opts.config.graceMs);
    // A refused action can still change the room (an away player's grace ran out): then
    // the socket gets that change as an event, since a refusal carries no patch.
    const patch = room.flush() ? this.changed(room, result.ok ? socket : undefined) : undefined;
    if (!result.ok) return result;
    return ok(patch ? { patch } : {});
  }

  /**
   * After any accepted change: one update per audience (see {@link broadcastChange}), then
   * timers and the list. Returns the origin's patch when its ack is to carry it.
   */
  private changed(room: Room, origin?: ParlorSocket): RoomPatch | undefined {
    const current = this.audienceOf.get(room.code) ?? new Map<string, string>();
    const { sent, originPatch } = broadcastChange(this.opts.io, room, current, this.sent.get(room.code), this.opts.now(), origin);
    this.sent.set(room.code, sent);
    this.scheduleDeadline(room);
    this.scheduleGrace(room);
    this.scheduleExpiry(room);
    this.scheduleList();
    return originPatch;
  }

  private snapshotFor(room: Room, audience: string): RoomSnapshot {
    return currentSnapshot(room, audience, this.sent.get(room.code), this.opts.now());
  }

  /** Takes every socket of a departed member out of the room's channels. */
  private detach(room: Room, playerId: string): void {
    detachMember(this.opts.io, room.code, playerId, this.audienceOf.get(room.code)?.get(playerId));
    this.audienceOf.get(room.code)?.delete(playerId);
  }

  /** Arms one timer for the room's next game deadline (a turn timer). */
  private scheduleDeadline(room: Room): void {
    this.deadlines.arm(room.code, room.deadline(), this.opts.now(), () => {
      if (this.rooms.get(room.code) !== room) return;
      room.tick(this.opts.now());
      if (room.flush()) {
        this.opts.log.info({ room: room.code }, 'turn timer fired');
        this.changed(room);
      } else {
        this.scheduleDeadline(room);
      }
    });
  }

  /** Arms one timer for the next away player whose grace time runs out. */
  private scheduleGrace(room: Room): void {
    const { graceMs } = this.opts.config;
    const now = this.opts.now();
    this.graces.arm(room.code, room.nextGraceDeadline(now, graceMs), now, () => {
      if (this.rooms.get(room.code) !== room) return;
      room.expireAway(this.opts.now(), graceMs);
      if (room.flush()) this.changed(room);
      else this.scheduleGrace(room);
    });
  }

  /** Deletes the room once nobody has been connected to it for the expiry time. */
  private scheduleExpiry(room: Room): void {
    const { expiry } = this.opts.config;
    const now = this.opts.now();
    const at = room.anyoneConnected ? null : now + (room.phase === 'playing' ? expiry.playingMs : expiry.idleMs);
    this.expiries.arm(room.code, at, now, () => this.delete(room));
  }

  private delete(room: Room): void {
    if (this.rooms.get(room.code) !== room) return;
    this.deadlines.disarm(room.code);
    this.graces.disarm(room.code);
    this.expiries.disarm(room.code);
    this.rooms.delete(room.code);
    this.audienceOf.delete(room.code);
    this.sent.delete(room.code);
    const ip = this.creatorIp.get(room.code);
    this.creatorIp.delete(room.code);
    if (ip !== undefined) {
      const owned = this.roomsByIp.get(ip);
      owned?.delete(room.code);
      if (owned?.size === 0) this.roomsByIp.delete(ip);
    }
    // Rooms expire only when no member has a socket in them, so no channel of theirs has
    // members left (Socket.IO drops empty channels): nothing to unsubscribe or notify.
    this.opts.log.info({ room: room.code }, 'room expired');
    this.scheduleList();
  }

  /** Public rooms with someone connected: open lobbies first, then by size. */
  private publicRooms(): RoomSummary[] {
    const listed = [...this.rooms.values()].filter((r) => r.isPublic && r.anyoneConnected).map((r) => r.summary());
    return orderListing(listed, this.opts.listLimit ?? 50);
  }

  /** Coalesces list updates: at most a few per second however busy the rooms are. */
  private scheduleList(): void {
    if (this.listTimer) return;
    this.listTimer = setTimeout(() => {
      this.listTimer = null;
      this.opts.io.to(channel.roomList).emit('rooms:list', this.publicRooms());
    }, 250);
    this.listTimer.unref();
  }
}
