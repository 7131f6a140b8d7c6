/**
 * The embedded default backend: live {@link Room} objects in this process, changed in place
 * and answered at once (no promise, no serialisation on the move path), one `setTimeout`
 * per room for its turn deadline, its next grace expiry and its own expiry.
 */
import { ok, type Result } from '../game/errors';
import type { RoomSummary } from '../game/protocol';
import type { ParlorConfig } from './config';
import type { HubSocket } from './io';
import { newRoomCode } from './ids';
import type { Logger } from './logger';
import type { Room } from './room';
import { roomNotFound, tooManyRooms, type HubHooks, type Loaded, type RoomBackend, type TimerKind, type Updated } from './room-backend';
import { RoomTimers } from './room-timers';
import { RoomViews } from './room-views';

/** What the in-memory backend is built from. */
export interface MemoryRoomsOptions {
  readonly log: Logger;
  readonly now: () => number;
  readonly config: Pick<ParlorConfig, 'expiry' | 'graceMs' | 'roomsPerIp'>;
}

/** A live room, what its audiences were sent, and the address that created it. */
interface Entry extends Loaded {
  readonly ip: string;
}

const NOTED: Result<void> = ok(undefined);

/** See the module comment. */
export class MemoryRooms implements RoomBackend {
  private readonly rooms = new Map<string, Entry>();
  private readonly deadlines = new RoomTimers();
  private readonly graces = new RoomTimers();
  private readonly expiries = new RoomTimers();
  /** Live rooms by the address that created them, to cap how many one address may hold. */
  private readonly roomsByIp = new Map<string, Set<string>>();
  private hooks: HubHooks | null = null;

  constructor(private readonly opts: MemoryRoomsOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  get phases(): Record<Room['phase'], number> {
    const counts = { lobby: 0, playing: 0, over: 0 };
    for (const { room } of this.rooms.values()) counts[room.phase]++;
    return counts;
  }

  attach(hooks: HubHooks): void {
    this.hooks = hooks;
  }

  create(ip: string, make: (code: string) => Room): Result<Room> {
    const owned = this.roomsByIp.get(ip) ?? new Set<string>();
    if (owned.size >= this.opts.config.roomsPerIp) return tooManyRooms(owned.size);
    const room = make(newRoomCode((c) => this.rooms.has(c)));
    owned.add(room.code);
    this.roomsByIp.set(ip, owned);
    this.rooms.set(room.code, { room, views: new RoomViews(), ip });
    // Nobody is connected until the creator's page joins: it expires if they never do.
    this.arm(room);
    return ok(room);
  }

  update<T>(code: string, change: (room: Room) => T, repairTimers: boolean): Result<Updated<T>> {
    const entry = this.rooms.get(code);
    if (!entry) return roomNotFound(code);
    const { room } = entry;
    const version = room.version;
    const value = change(room);
    if (repairTimers || room.version !== version) this.arm(room);
    return ok({ room, views: entry.views, value });
  }

  read(code: string): Result<Loaded> {
    const entry = this.rooms.get(code);
    return entry ? ok(entry) : roomNotFound(code);
  }

  peek(code: string): Room | null {
    return this.rooms.get(code)?.room ?? null;
  }

  publicRooms(): Result<RoomSummary[]> {
    const listed: RoomSummary[] = [];
    for (const { room } of this.rooms.values()) if (room.isPublic && room.anyoneConnected) listed.push(room.summary());
    return ok(listed);
  }

  serial<T>(_socket: HubSocket, task: () => T): T {
    return task();
  }

  enter(): Result<void> {
    return NOTED;
  }

  forget(): void {}

  countOut(_socketId: string, code: string, playerId: string): void {
    this.hooks?.countOut(code, [playerId]);
  }

  disconnecting(socket: HubSocket, codes: readonly string[]): void {
    for (const code of codes) this.hooks?.countOut(code, [socket.data.playerId]);
  }

  close(): void {
    this.deadlines.clear();
    this.graces.clear();
    this.expiries.clear();
    this.rooms.clear();
    this.roomsByIp.clear();
  }

  /** Arms the room's timers for its next turn deadline, grace expiry and, with nobody connected, its own expiry. */
  private arm(room: Room): void {
    const { graceMs, expiry } = this.opts.config;
    const now = this.opts.now();
    this.deadlines.arm(room.code, room.deadline(), now, () => this.fire(room, 'turn'));
    this.graces.arm(room.code, room.nextGraceDeadline(now, graceMs), now, () => this.fire(room, 'grace'));
    const at = room.anyoneConnected ? null : now + (room.phase === 'playing' ? expiry.playingMs : expiry.idleMs);
    this.expiries.arm(room.code, at, now, () => this.delete(room));
  }

  private fire(room: Room, kind: TimerKind): void {
    if (this.rooms.get(room.code)?.room === room) this.hooks?.fire(room.code, kind);
  }

  private delete(room: Room): void {
    const entry = this.rooms.get(room.code);
    if (entry?.room !== room) return;
    this.deadlines.disarm(room.code);
    this.graces.disarm(room.code);
    this.rooms.delete(room.code);
    const owned = this.roomsByIp.get(entry.ip);
    owned?.delete(room.code);
    if (owned?.size === 0) this.roomsByIp.delete(entry.ip);
    // Rooms expire only when no member has a socket in them, so no channel of theirs has
    // members left (Socket.IO drops empty channels): nothing to unsubscribe or notify.
    this.opts.log.info({ room: room.code }, 'room expired');
    this.hooks?.listChanged();
  }
}
