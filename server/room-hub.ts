/**
 * The one room hub: what every client request means, on any backend. A socket handler
 * calls one method; the hub checks the socket's place, applies one change through the
 * {@link RoomBackend} (in memory at once, or through Redis), moves sockets between
 * channels, publishes one update per audience ({@link RoomViews.publish}) and answers.
 * Rules stay in the game module and membership in {@link Room}.
 */
import type { AnyGameDefinition } from '../game/engine';
import { ErrorCode, fail, ok, type Result } from '../game/errors';
import type { ChangeResult, ChatMessage, JoinResult, Payload, RoomPatch, RoomPhase, RoomSnapshot, RoomSummary } from '../game/protocol';
import { channel, roomCodeOfChannel } from './channels';
import type { ParlorConfig } from './config';
import type { HubSocket, RoomEmitter } from './io';
import type { Logger } from './logger';
import { andThen, type Answer, type Maybe } from './maybe';
import { Room } from './room';
import type { HubHooks, RoomBackend, TimerKind } from './room-backend';
import type { Games } from './room-record';
import type { Published, RoomViews } from './room-views';

/** What the hub is built from; clock and seeds are injectable for tests. */
export interface HubOptions {
  readonly emitter: RoomEmitter;
  readonly backend: RoomBackend;
  /** The games rooms may play, by id (game/games.ts); a room created without a game id plays the first. */
  readonly games: Games;
  readonly log: Logger;
  readonly now: () => number;
  readonly seed: () => number;
  readonly config: Pick<ParlorConfig, 'graceMs'>;
  /** The most public rooms listed on the home page. */
  readonly listLimit?: number;
}

/** An accepted change, after it was stored and published. */
interface Changed<T> {
  readonly room: Room;
  readonly views: RoomViews;
  readonly value: T;
  /** The origin's own update, for its ack (see {@link ChangeResult}). */
  readonly patch: RoomPatch | undefined;
}

/** How a change is made besides the action itself. */
interface ChangeOptions<T> {
  /** The socket that asked: its update comes back for its ack when the change is accepted. */
  readonly origin?: HubSocket;
  /** Channel moves of an accepted change, made after it is stored and before it is published. */
  readonly before?: (room: Room, value: T, views: RoomViews) => void;
  /** Re-arm the room's timers even when nothing changed (a timer fired; a join). */
  readonly repairTimers?: boolean;
}

const NOT_IN_ROOM: Result<never> = fail(ErrorCode.NOT_IN_ROOM, 'Join the room first.');
const DONE: Result<undefined> = ok(undefined);

/** A new room's settings: the game's defaults, or the creator's choice if valid. */
function parseSettings(game: AnyGameDefinition, raw: unknown): Result<unknown> {
  if (raw === undefined) return ok(game.defaultSettings);
  const parsed = game.settingsSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail(ErrorCode.SETTINGS_INVALID, parsed.error.issues[0]?.message ?? 'Invalid settings.');
}

/** The public list as the home page shows it: open lobbies first, then by size. */
function orderListing(rooms: readonly RoomSummary[], limit: number): RoomSummary[] {
  const order: Record<string, number> = { lobby: 0, playing: 1, over: 2 };
  return [...rooms].sort((a, b) => (order[a.phase] ?? 3) - (order[b.phase] ?? 3) || b.players - a.players).slice(0, limit);
}

/** See the module comment. */
export class RoomHub {
  private listTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: HubOptions) {
    const hooks: HubHooks = {
      fire: (code, kind) => this.fire(code, kind),
      countOut: (code, playerIds) => this.countOut(code, playerIds),
      listChanged: () => this.listChanged(),
    };
    opts.backend.attach(hooks);
  }

  /** Where the rooms are (for metrics and tools). */
  get backend(): RoomBackend {
    return this.opts.backend;
  }

  /** Rooms this node holds (all of them in memory; those with a socket here with Redis). */
  get size(): number {
    return this.opts.backend.size;
  }

  /** The same rooms by phase, for metrics (read at scrape time, not per action). */
  get phases(): Record<RoomPhase, number> {
    return this.opts.backend.phases;
  }

  /** Creates a room of the chosen game whose host is the creator; they still join it like everyone else. */
  create(socket: HubSocket, p: Payload<'room:create'>): Answer<{ code: string }> {
    const { games, log } = this.opts;
    const game = p.gameId === undefined ? games.values().next().value : games.get(p.gameId);
    if (!game) return fail(ErrorCode.GAME_UNKNOWN, `There is no game "${p.gameId}" here.`);
    const settings = parseSettings(game, p.settings);
    if (!settings.ok) return settings;
    const make = (code: string) => {
      const room = new Room({ code, game, isPublic: p.public, settings: settings.value });
      room.join(socket.data.playerId, p.nickname, 'player');
      room.flush();
      return room;
    };
    return andThen(this.opts.backend.create(socket.data.ip, make), (created) => {
      if (!created.ok) return created;
      const { code } = created.value;
      log.info({ room: code, game: game.id, player: socket.data.playerId, public: p.public }, 'room created');
      return ok({ code });
    });
  }

  /** Joins a room as a player or spectator, or comes back to it with the same seat. */
  join(socket: HubSocket, p: Payload<'room:join'>): Answer<JoinResult> {
    const { backend } = this.opts;
    return backend.serial(socket, () => {
      // The request may have waited (rate limits); a socket that left meanwhile must not be counted in.
      if (socket.disconnected) return fail(ErrorCode.NOT_IN_ROOM, 'The connection closed before the join.');
      const { playerId } = socket.data;
      const countIn = !socket.rooms.has(channel.room(p.code));
      const forget = <T>(refused: Result<T>) => (countIn ? andThen(backend.forget(socket.id, p.code), () => refused) : refused);
      return andThen(countIn ? backend.enter(socket, p.code) : DONE, (noted) => {
        if (!noted.ok) return forget(noted);
        const joining = this.change(
          p.code,
          (room) => {
            const member = room.join(playerId, p.nickname, p.as);
            if (member.ok && countIn) room.setConnected(playerId, 1, this.opts.now());
            return member;
          },
          {
            repairTimers: true,
            before: (room, _member, views) => {
              // A socket that closed meanwhile must not be put into channels (it would stay there).
              if (!countIn || socket.disconnected) return;
              // In the channel of its audience before the change, so that the publish moves it if the join changed that.
              const audience = views.audienceOf.get(playerId) ?? room.audienceOf(playerId);
              views.audienceOf.set(playerId, audience);
              socket.join([channel.room(room.code), channel.member(room.code, playerId), channel.audience(room.code, audience)]);
            },
          },
        );
        return andThen(joining, (joined) => {
          if (!joined.ok) return forget(joined);
          const { room, views, value: member } = joined.value;
          // It closed while the join was stored: its disconnect found no room to count it out of.
          const closed = countIn && socket.disconnected ? backend.countOut(socket.id, room.code, playerId) : undefined;
          return andThen(closed, () => {
            this.opts.log.info({ room: room.code, player: playerId, as: member.kind }, 'joined');
            return ok({
              you: playerId,
              as: member.kind,
              snapshot: views.current(room, room.audienceOf(playerId), this.opts.now()),
              chat: room.chat,
            });
          });
        });
      });
    });
  }

  /** A room's public line, for a room link's first visit (no socket needed). */
  lookup(code: string): Answer<RoomSummary> {
    return andThen(this.opts.backend.read(code), (loaded) => (loaded.ok ? ok(loaded.value.room.summary()) : loaded));
  }

  /** Leaves a room for good: every tab of the player leaves with it. */
  leave(socket: HubSocket, p: Payload<'room:leave'>): Answer<object> {
    const { playerId } = socket.data;
    return this.act(socket, p.code, (room) => room.leave(playerId), (room, _left, views) => {
      // The player's other tabs are told, so they do not sit on a room they are no longer in.
      this.opts.emitter.to(channel.member(room.code, playerId)).except(socket.id).emit('room:removed', { code: room.code, reason: 'left' });
      views.detach(this.opts.emitter, room.code, playerId);
      this.opts.log.info({ room: room.code, player: playerId }, 'left');
    });
  }

  /** Takes or leaves a seat. */
  seat(socket: HubSocket, p: Payload<'room:seat'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.takeSeat(socket.data.playerId, p.seat));
  }

  /** Changes room visibility or game settings. */
  configure(socket: HubSocket, p: Payload<'room:settings'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.configure(socket.data.playerId, { isPublic: p.public, settings: p.settings }));
  }

  /** Starts the game. */
  start(socket: HubSocket, p: Payload<'room:start'>): Answer<ChangeResult> {
    // One seed per request, not per attempt: a retried start deals the same board.
    const seed = this.opts.seed();
    return this.act(socket, p.code, (room) => room.start(socket.data.playerId, seed, this.opts.now()));
  }

  /** Deals a new game with the same seats once one is over. */
  rematch(socket: HubSocket, p: Payload<'room:rematch'>): Answer<ChangeResult> {
    const seed = this.opts.seed();
    return this.act(socket, p.code, (room) => room.rematch(socket.data.playerId, seed, this.opts.now()));
  }

  /** Back to the lobby after a game. */
  backToLobby(socket: HubSocket, p: Payload<'room:lobby'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.backToLobby(socket.data.playerId));
  }

  /** Host: removes a member for good (the ban is in the room); told and detached like anyone removed ({@link change}). */
  kick(socket: HubSocket, p: Payload<'room:kick'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.kick(socket.data.playerId, p.playerId), (room) => {
      this.opts.log.info({ room: room.code, player: p.playerId, by: socket.data.playerId }, 'kicked');
    });
  }

  /** A seated player votes to remove another (or withdraws the vote); a majority removes them as a kick does. */
  voteKick(socket: HubSocket, p: Payload<'room:vote-kick'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.voteKick(socket.data.playerId, p.playerId, p.vote));
  }

  /** Host: puts a player in a seat, or hands a seat over mid-game. */
  assign(socket: HubSocket, p: Payload<'room:assign'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.assign(socket.data.playerId, p.playerId, p.seat));
  }

  /** Host: makes another player the host. */
  transferHost(socket: HubSocket, p: Payload<'room:host'>): Answer<ChangeResult> {
    return this.act(socket, p.code, (room) => room.transferHost(socket.data.playerId, p.playerId));
  }

  /** A chat line to everyone in the room: kept in the room (history for later joiners, unique ids), then sent. */
  say(socket: HubSocket, p: Payload<'chat:send'>): Answer<{ id: number }> {
    return this.opts.backend.serial(socket, () => {
      if (!socket.rooms.has(channel.room(p.code))) return NOT_IN_ROOM;
      return andThen(this.change(p.code, (room) => room.say(socket.data.playerId, p.text, this.opts.now())), (said) => {
        if (!said.ok) return said;
        const message: ChatMessage = said.value.value;
        this.opts.emitter.to(channel.room(p.code)).emit('chat:message', message);
        return ok({ id: message.id });
      });
    });
  }

  /** Applies a game move, then sends its notices to their players; answers with the room version it produced. */
  move(socket: HubSocket, p: Payload<'game:move'>): Answer<{ version: number } & ChangeResult> {
    return this.opts.backend.serial(socket, () => {
      if (!socket.rooms.has(channel.room(p.code))) return NOT_IN_ROOM;
      const moved = this.change(p.code, (room) => room.move(socket.data.playerId, p.move, this.opts.now()), { origin: socket });
      return andThen(moved, (done) => {
        if (!done.ok) return done;
        const { room, patch, value: notices } = done.value;
        for (const { playerId, kind, text } of notices) {
          this.opts.emitter.to(channel.member(room.code, playerId)).emit('game:notice', { code: room.code, kind, text });
        }
        // Field by field, not a spread plus a key (docs/performance.md#hot-path-idioms).
        return ok(patch ? { version: room.version, patch } : { version: room.version });
      });
    });
  }

  /** The full current snapshot for this socket's audience (after a gap in versions). */
  sync(socket: HubSocket, p: Payload<'room:sync'>): Answer<{ snapshot: RoomSnapshot }> {
    return this.opts.backend.serial(socket, () => {
      if (!socket.rooms.has(channel.room(p.code))) return NOT_IN_ROOM;
      return andThen(this.opts.backend.read(p.code), (loaded) => {
        if (!loaded.ok) return loaded;
        const { room, views } = loaded.value;
        return ok({ snapshot: views.current(room, room.audienceOf(socket.data.playerId), this.opts.now()) });
      });
    });
  }

  /**
   * Relays a frame of the game's stream to the room's other sockets, with the sender's id
   * and the socket's next sequence number: no version, no store. The frame must parse with
   * the game's stream schema and the game must allow this player to stream now, checked on
   * this node's copy of the room (with Redis, the copy of its last change seen here).
   * Answers whether the frame was relayed; a refused one is only dropped (no ack to send).
   */
  stream(socket: HubSocket, p: Payload<'game:stream'>): boolean {
    if (!socket.rooms.has(channel.room(p.code))) return false;
    const room = this.opts.backend.peek(p.code);
    const spec = room?.game.stream;
    if (!room || !spec || room.phase !== 'playing') return false;
    const { playerId } = socket.data;
    const seat = room.members.get(playerId)?.seat;
    if (seat === null || seat === undefined) return false;
    const parsed = spec.schema.safeParse(p.data);
    if (!parsed.success || !spec.allowed(room.state, { playerId, seat })) return false;
    const seq = (socket.data.streamSeq ?? 0) + 1;
    socket.data.streamSeq = seq;
    this.opts.emitter.to(channel.room(p.code)).except(socket.id).emit('game:stream', { code: p.code, from: playerId, seq, data: parsed.data });
    return true;
  }

  /** Subscribes a socket to the public room list and returns the list as it is now. */
  watchRooms(socket: HubSocket): Answer<{ rooms: RoomSummary[] }> {
    socket.join(channel.roomList);
    return andThen(this.publicRooms(), (rooms) => (rooms.ok ? ok({ rooms: rooms.value }) : rooms));
  }

  /** Stops sending the room list to a socket. */
  unwatchRooms(socket: HubSocket): void {
    socket.leave(channel.roomList);
  }

  /** Counts the socket out of every room it was in. Call on `disconnecting`, while its channels are still known. */
  disconnecting(socket: HubSocket): void {
    const codes: string[] = [];
    for (const name of socket.rooms) {
      const code = roomCodeOfChannel(name);
      if (code !== null) codes.push(code);
    }
    if (codes.length > 0) this.opts.backend.disconnecting(socket, codes);
  }

  /** The room as it is now, for tests and tooling (through the backend, so on any node). */
  inspect(code: string): Maybe<Room | null> {
    return andThen(this.opts.backend.read(code), (loaded) => (loaded.ok ? loaded.value.room : null));
  }

  /** Stops timers and finishes pending store writes (shutdown, tests). */
  close(): Maybe<void> {
    this.closed = true;
    if (this.listTimer) clearTimeout(this.listTimer);
    return this.opts.backend.close();
  }

  /** Runs one change on a room the socket is in, in order with the socket's other requests. */
  private act<T>(socket: HubSocket, code: string, action: (room: Room) => Result<T>, before?: ChangeOptions<T>['before']): Answer<ChangeResult> {
    return this.opts.backend.serial(socket, () => {
      if (!socket.rooms.has(channel.room(code))) return NOT_IN_ROOM;
      return andThen(this.change(code, action, { origin: socket, before }), (done) => {
        if (!done.ok) return done;
        return ok(done.value.patch ? { patch: done.value.patch } : {});
      });
    });
  }

  /**
   * The heart of the hub: applies `action` to the room through the backend (with the grace
   * time, and the version moved once if anything changed: {@link Room.act}); once stored,
   * makes the accepted change's channel moves (`before`), tells the members it removed for
   * good and takes their sockets out of the room's channels, and publishes it if the
   * version moved. A refused action can still change the room (an away player's grace ran
   * out, which can carry a vote to remove someone): then the origin gets that change as an
   * event, since a refusal carries no patch.
   */
  private change<T>(code: string, action: (room: Room) => Result<T>, options: ChangeOptions<T> = {}): Answer<Changed<T>> {
    const now = this.opts.now();
    const { graceMs } = this.opts.config;
    const updated = this.opts.backend.update(code, (room) => room.act(action, now, graceMs), options.repairTimers === true);
    return andThen(updated, (done) => {
      if (!done.ok) return done;
      const { room, views, channels, value: acted } = done.value;
      if (channels) views.placeAt(channels);
      const { result } = acted;
      if (result.ok) options.before?.(room, result.value, views);
      for (const playerId of acted.removed) this.removed(room, views, playerId);
      const published = acted.changed ? this.publish(room, views, result.ok ? options.origin : undefined) : undefined;
      if (!result.ok) return result;
      return ok({ room, views, value: result.value, patch: published?.originPatch });
    });
  }

  /**
   * Tells a member removed for good (a host's kick, a carried vote) on every node, and takes
   * their sockets out of the room's channels before the change is published: they get no
   * more of the room.
   */
  private removed(room: Room, views: RoomViews, playerId: string): void {
    this.opts.emitter.to(channel.member(room.code, playerId)).emit('room:removed', { code: room.code, reason: 'kicked' });
    views.detach(this.opts.emitter, room.code, playerId);
    this.opts.log.info({ room: room.code, player: playerId }, 'removed');
  }

  /** Sends a stored change to every audience (on every node), and refreshes the public list. */
  private publish(room: Room, views: RoomViews, origin?: HubSocket): Published {
    const published = views.publish(this.opts.emitter, room, this.opts.now(), origin);
    this.listChanged();
    return published;
  }

  /** A timer came due: the game's turn deadline, or an away player's grace. */
  private fire(code: string, kind: TimerKind): Answer<unknown> {
    const now = this.opts.now();
    return this.change(
      code,
      (room) => {
        if (kind === 'turn' && room.tick(now)) this.opts.log.info({ room: code }, 'turn timer fired');
        return DONE;
      },
      { repairTimers: true },
    );
  }

  /** Counts one socket of each player out of the room. */
  private countOut(code: string, playerIds: readonly string[]): Answer<unknown> {
    const now = this.opts.now();
    return this.change(code, (room) => {
      for (const playerId of playerIds) room.setConnected(playerId, -1, now);
      return DONE;
    });
  }

  private publicRooms(): Answer<RoomSummary[]> {
    const limit = this.opts.listLimit ?? 50;
    return andThen(this.opts.backend.publicRooms(limit), (listed) => (listed.ok ? ok(orderListing(listed.value, limit)) : listed));
  }

  /** Coalesces list updates: at most a few per second however busy the rooms are. */
  private listChanged(): void {
    if (this.listTimer || this.closed) return;
    this.listTimer = setTimeout(() => {
      this.listTimer = null;
      const send = (rooms: Result<RoomSummary[]>) => {
        if (rooms.ok) this.opts.emitter.to(channel.roomList).emit('rooms:list', rooms.value);
      };
      const listed = this.publicRooms();
      if (listed instanceof Promise) listed.then(send, (error: unknown) => this.opts.log.error({ err: error }, 'list public rooms failed'));
      else send(listed);
    }, 250);
    this.listTimer.unref();
  }
}
