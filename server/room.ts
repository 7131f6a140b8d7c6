import type { AnyGameDefinition, Notice, RosterChange, RosterPlayer, SeatId, SeatSpec } from '../game/engine';
import { Moved, PUBLIC_AUDIENCE } from '../game/engine';
import { openToLateJoiner } from '../game/seats';
import { impersonates } from '../game/skeleton';
import { carried, kickTally } from '../game/vote-kick';
import { ErrorCode, fail, ok, type Result } from '../game/errors';
import { LIMITS, type ChatMessage, type RoomPhase, type RoomSummary } from '../game/protocol';

/** Someone in a room: a player (who may sit) or a spectator (who only watches). */
export interface Member {
  readonly id: string;
  nickname: string;
  kind: 'player' | 'spectator';
  seat: SeatId | null;
  /** Sockets of this member currently in the room; 0 means away. */
  connections: number;
  /** When the member's last socket left (server ms), or null while connected. */
  awaySince: number | null;
}

const NO_NOTICES: Result<readonly Notice[]> = ok([]);
const NOBODY: readonly string[] = [];

/** What {@link Room.act} did: the action's result, whether the room's version moved, and who it removed. */
export interface Acted<T> {
  readonly result: Result<T>;
  readonly changed: boolean;
  /** Members removed for good (a host's kick, a carried vote): the hub tells and detaches their sockets. */
  readonly removed: readonly string[];
}

/** What a room needs from outside: nothing but the game module and its opening settings. */
export interface RoomInit {
  readonly code: string;
  readonly game: AnyGameDefinition;
  readonly isPublic: boolean;
  readonly settings: unknown;
}

/**
 * One room: its members, seats, settings and the game in it. The room is the single
 * authority on its state; every action that changes it bumps `version` by one (see
 * {@link Room.act}). It does no IO: the hub broadcasts after each accepted change (what
 * each audience was sent is kept in `room-views.ts`), and time and seeds come in as arguments.
 */
export class Room {
  readonly code: string;
  readonly game: AnyGameDefinition;
  version = 0;
  phase: RoomPhase = 'lobby';
  isPublic: boolean;
  settings: unknown;
  hostId: string | null = null;
  /** In join order, which decides who becomes host next. */
  readonly members = new Map<string, Member>();
  /** The running or last finished game; kept in the lobby so a new game avoids its words. */
  state: unknown = null;
  gameNumber = 0;
  /** Players removed by the host or a vote: they may not come back while the room lives. */
  readonly banned = new Set<string>();
  /**
   * Standing votes to remove a player: the target's id to the ids of the players voting
   * against them, in the order they voted. A list is replaced, never changed in place, so
   * the snapshots of successive versions share it while it stands (room-views.ts).
   */
  readonly kickVotes = new Map<string, readonly string[]>();
  /** The seat each player first held in the running game: what they may take later is the game's call ({@link mayTake}). */
  readonly held = new Map<string, SeatId>();
  /** The latest chat lines, oldest first, at most LIMITS.chatHistory. */
  readonly chat: ChatMessage[] = [];
  /** The id of the next chat line (ids increase per room, so clients can drop duplicates). */
  nextChatId = 1;
  private dirty = false;
  /** How the roster changed in the action under way, for the game to hear at its end ({@link act}). */
  private readonly rosterChanges: RosterChange[] = [];
  /** Members removed for good in the action under way, for {@link act} to report. */
  private readonly removedNow: string[] = [];

  constructor(init: RoomInit) {
    this.code = init.code;
    this.game = init.game;
    this.isPublic = init.isPublic;
    this.settings = init.settings;
  }

  /**
   * Runs one action on the room and closes it: the grace time is applied to away players
   * (any request may be the first to notice it ran out), and if anything changed the
   * version goes up by exactly one. Clients rely on versions without gaps. A refused
   * action can still change the room that way. Votes to remove someone are settled after
   * the roster changes of the action, which may have carried one ({@link settleVotes}).
   */
  act<T>(action: (room: Room) => Result<T>, now: number, graceMs: number): Acted<T> {
    const result = action(this);
    this.expireAway(now, graceMs);
    this.settleVotes();
    this.tellRoster(now);
    const removed = this.removedNow.length === 0 ? NOBODY : this.removedNow.splice(0);
    return { result, changed: this.flush(), removed };
  }

  /** Whether a change is waiting for {@link flush} to move the version (such a room must not be stored). */
  get unflushed(): boolean {
    return this.dirty;
  }

  /** Closes a change made outside {@link act} (a new room, tests): true when the version moved. */
  flush(): boolean {
    this.rosterChanges.length = 0;
    this.removedNow.length = 0;
    if (!this.dirty) return false;
    this.dirty = false;
    this.version++;
    return true;
  }

  /** The seats the current settings offer. */
  get seats(): readonly SeatSpec[] {
    return this.game.seats(this.settings);
  }

  /** Players (not spectators) in join order. */
  get players(): Member[] {
    return [...this.members.values()].filter((m) => m.kind === 'player');
  }

  /** Number of spectators. */
  get spectatorCount(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.kind === 'spectator') n++;
    return n;
  }

  /** Whether any member has a socket connected. */
  get anyoneConnected(): boolean {
    for (const m of this.members.values()) if (m.connections > 0) return true;
    return false;
  }

  /**
   * Adds a member, or returns the existing one: the same player coming back (a reload,
   * a second tab) keeps their seat. A spectator asking to play becomes a player.
   */
  join(playerId: string, nickname: string, as: 'player' | 'spectator'): Result<Member> {
    if (this.banned.has(playerId)) return fail(ErrorCode.KICKED, 'You were removed from this room.');
    // Nobody may pass for someone else here: not the same name, nor one that looks the same.
    const others: string[] = [];
    for (const m of this.members.values()) if (m.id !== playerId) others.push(m.nickname);
    const taken = impersonates(nickname, others);
    if (taken !== null) return fail(ErrorCode.NICKNAME_TAKEN, `${taken} is already in this room: pick another nickname.`);
    const existing = this.members.get(playerId);
    if (existing) {
      const becomesPlayer = existing.kind === 'spectator' && as === 'player';
      if (becomesPlayer && this.players.length >= LIMITS.playersPerRoom) {
        return fail(ErrorCode.ROOM_FULL, `This room already has ${LIMITS.playersPerRoom} players; you can watch.`);
      }
      if (becomesPlayer) {
        existing.kind = 'player';
        existing.seat = this.autoSeat();
        this.rosterChanged('joined', existing.id);
      }
      // Coming back unchanged (a reload) changes nothing: no new version, no empty patch.
      const host = this.hostId ?? (existing.kind === 'player' ? existing.id : null);
      if (becomesPlayer || existing.nickname !== nickname || host !== this.hostId) this.touch();
      existing.nickname = nickname;
      this.hostId = host;
      return ok(existing);
    }
    if (as === 'player' && this.players.length >= LIMITS.playersPerRoom) {
      return fail(ErrorCode.ROOM_FULL, `This room already has ${LIMITS.playersPerRoom} players; you can watch.`);
    }
    if (as === 'spectator' && this.spectatorCount >= LIMITS.spectatorsPerRoom) {
      return fail(ErrorCode.SPECTATORS_FULL, `This room already has ${LIMITS.spectatorsPerRoom} spectators.`);
    }
    const member: Member = { id: playerId, nickname, kind: as, seat: as === 'player' ? this.autoSeat() : null, connections: 0, awaySince: null };
    this.members.set(playerId, member);
    if (as === 'player') {
      this.hostId ??= playerId;
      this.rosterChanged('joined', playerId);
    }
    this.touch();
    return ok(member);
  }

  /** Removes a member for good (their seat is freed); the next player becomes host if needed. */
  leave(playerId: string): Result<void> {
    const member = this.members.get(playerId);
    if (!member) return fail(ErrorCode.NOT_IN_ROOM, 'You are not in this room.');
    this.members.delete(playerId);
    if (member.kind === 'player') this.rosterChanged('left', playerId);
    if (this.hostId === playerId) this.hostId = this.nextHost();
    this.touch();
    return ok(undefined);
  }

  /** Counts a socket of a member in or out at time `now`; true when the member's presence changed. */
  setConnected(playerId: string, delta: 1 | -1, now: number): boolean {
    const member = this.members.get(playerId);
    if (!member) return false;
    const wasConnected = member.connections > 0;
    member.connections = Math.max(0, member.connections + delta);
    member.awaySince = member.connections > 0 ? null : (member.awaySince ?? now);
    const changed = wasConnected !== member.connections > 0;
    if (changed && member.connections === 0 && member.kind === 'spectator') {
      // A spectator has nothing to hold; they join again when they come back.
      this.members.delete(playerId);
    }
    if (changed && member.kind === 'player') this.rosterChanged(member.connections > 0 ? 'back' : 'away', playerId);
    if (changed) this.touch();
    return changed;
  }

  /** Takes a seat (or stands up with `null`). Seats are locked for seated players during a game. */
  takeSeat(playerId: string, seat: SeatId | null): Result<void> {
    const member = this.memberOrFail(playerId);
    if (!member.ok) return member;
    const m = member.value;
    if (m.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, 'Spectators cannot take seats. Join as a player first.');
    if (m.seat === seat) return ok(undefined);
    if (this.phase === 'playing' && m.seat !== null) {
      return fail(ErrorCode.ROLES_LOCKED, 'Seats are locked while the game is running.');
    }
    if (seat !== null) {
      const spec = this.seats.find((s) => s.id === seat);
      if (!spec) return fail(ErrorCode.SEAT_TAKEN, `There is no seat "${seat}".`);
      const taken = this.players.filter((p) => p.seat === seat).length;
      if (taken >= spec.max) return fail(ErrorCode.SEAT_TAKEN, `${spec.label} is already taken.`);
      if (this.phase === 'playing' && !openToLateJoiner(spec, taken)) {
        return fail(ErrorCode.ROLES_LOCKED, `${spec.label} cannot change during a game.`);
      }
      const locked = this.mayTake(m, spec, 'You');
      if (!locked.ok) return locked;
    }
    this.seat(m, seat);
    return ok(undefined);
  }

  /**
   * The host puts a player in a seat (or none), in the lobby or mid-game, e.g. to hand an
   * away player's seat to someone else. A single seat that is taken changes hands; mid-game
   * only from a player who is away (or the host's own), so a host cannot borrow a connected
   * player's seat (and what it sees).
   */
  assign(hostId: string, playerId: string, seat: SeatId | null): Result<void> {
    const host = this.hostOrFail(hostId);
    if (!host.ok) return host;
    const target = this.members.get(playerId);
    if (!target) return fail(ErrorCode.NO_SUCH_PLAYER, 'That player is not in this room.');
    if (target.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, `${target.nickname} is watching; spectators cannot take seats.`);
    if (target.seat === seat) return ok(undefined);
    if (seat !== null) {
      const spec = this.seats.find((s) => s.id === seat);
      if (!spec) return fail(ErrorCode.SEAT_TAKEN, `There is no seat "${seat}".`);
      const locked = this.mayTake(target, spec, target.nickname);
      if (!locked.ok) return locked;
      const holders = this.players.filter((p) => p.seat === seat);
      if (holders.length >= spec.max) {
        if (spec.max !== 1) return fail(ErrorCode.SEAT_TAKEN, `${spec.label} is full.`);
        const holder = holders[0]!;
        if (this.phase === 'playing' && holder.connections > 0 && holder.id !== hostId) {
          return fail(ErrorCode.SEAT_TAKEN, `${holder.nickname} is playing ${spec.label}: a seat changes hands mid-game only while its player is away.`);
        }
        holder.seat = null;
      }
    }
    this.seat(target, seat);
    return ok(undefined);
  }

  /** The host makes another player the host. */
  transferHost(hostId: string, playerId: string): Result<void> {
    const host = this.hostOrFail(hostId);
    if (!host.ok) return host;
    const target = this.members.get(playerId);
    if (!target) return fail(ErrorCode.NO_SUCH_PLAYER, 'That player is not in this room.');
    if (target.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, 'Only a player can be the host.');
    if (playerId === hostId) return ok(undefined);
    this.hostId = playerId;
    this.touch();
    return ok(undefined);
  }

  /** The host removes someone for good: they may not rejoin this room. */
  kick(hostId: string, playerId: string): Result<Member> {
    const host = this.hostOrFail(hostId);
    if (!host.ok) return host;
    if (playerId === hostId) return fail(ErrorCode.BAD_REQUEST, 'You cannot kick yourself; leave the room instead.');
    const target = this.members.get(playerId);
    if (!target) return fail(ErrorCode.NO_SUCH_PLAYER, 'That player is not in this room.');
    this.remove(target);
    return ok(target);
  }

  /**
   * A seated player votes to remove another player (`vote: true`), withdraws the vote
   * (`false`), or toggles it (absent). A vote that leaves things as they were changes
   * nothing. Whether the votes carry is settled at the end of the action ({@link act}).
   */
  voteKick(voterId: string, targetId: string, vote?: boolean): Result<void> {
    const member = this.memberOrFail(voterId);
    if (!member.ok) return member;
    const voter = member.value;
    if (voter.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, 'Spectators cannot vote: join as a player first.');
    if (voter.seat === null) return fail(ErrorCode.NOT_SEATED, 'Take a seat to vote.');
    if (targetId === voterId) return fail(ErrorCode.CANNOT_VOTE_SELF, 'You cannot vote to remove yourself; leave the room instead.');
    const target = this.members.get(targetId);
    if (!target) return fail(ErrorCode.NO_SUCH_PLAYER, 'That player is not in this room.');
    if (target.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, `${target.nickname} is watching; only players can be voted out.`);
    const voters = this.kickVotes.get(targetId) ?? NOBODY;
    const had = voters.includes(voterId);
    if ((vote ?? !had) === had) return ok(undefined);
    const next = had ? voters.filter((id) => id !== voterId) : voters.concat(voterId);
    if (next.length === 0) this.kickVotes.delete(targetId);
    else this.kickVotes.set(targetId, next);
    this.touch();
    return ok(undefined);
  }

  /** Adds a chat line from a member. Chat is not part of the snapshot, so no version change. */
  say(playerId: string, text: string, now: number): Result<ChatMessage> {
    const member = this.memberOrFail(playerId);
    if (!member.ok) return member;
    const m = member.value;
    if (this.phase === 'playing' && this.state !== null && this.game.chatOpen) {
      const viewer = { playerId, seat: m.kind === 'player' ? m.seat : null };
      if (!this.game.chatOpen(this.state, viewer)) return fail(ErrorCode.CHAT_CLOSED, 'The chat is closed to players during the game: say it in the game.');
    }
    const message: ChatMessage = {
      id: this.nextChatId++,
      code: this.code,
      from: m.id,
      nickname: m.nickname,
      spectator: m.kind === 'spectator',
      text,
      at: now,
    };
    this.chat.push(message);
    if (this.chat.length > LIMITS.chatHistory) this.chat.shift();
    return ok(message);
  }

  /**
   * Applies the grace time to away players at `now`: in the lobby their seat is freed
   * (they leave the room); in a game they stay listed as away for the host to replace.
   * A host away past the grace time hands the role to a connected player, if any.
   */
  expireAway(now: number, graceMs: number): void {
    const expired = (m: Member) => m.kind === 'player' && m.awaySince !== null && now - m.awaySince >= graceMs;
    if (this.phase === 'lobby') {
      for (const m of [...this.members.values()]) {
        if (!expired(m)) continue;
        this.members.delete(m.id);
        this.touch();
      }
    }
    const host = this.hostId === null ? undefined : this.members.get(this.hostId);
    if (host && !expired(host)) return;
    const connected = this.players.find((p) => p.connections > 0);
    const next = connected?.id ?? host?.id ?? this.players[0]?.id ?? null;
    if (next !== this.hostId) {
      this.hostId = next;
      this.touch();
    }
  }

  /** The next moment after `now` when `expireAway` has something to do, or null. */
  nextGraceDeadline(now: number, graceMs: number): number | null {
    let first: number | null = null;
    for (const m of this.members.values()) {
      // Mid-game only the host's absence matters: players keep their seats until replaced.
      if (m.kind !== 'player' || m.awaySince === null) continue;
      if (this.phase !== 'lobby' && m.id !== this.hostId) continue;
      const at = m.awaySince + graceMs;
      if (at > now && (first === null || at < first)) first = at;
    }
    return first;
  }

  /** Changes visibility and game settings (host only, in the lobby). */
  configure(playerId: string, change: { isPublic?: boolean; settings?: unknown }): Result<void> {
    const host = this.hostOrFail(playerId);
    if (!host.ok) return host;
    if (change.settings !== undefined && this.phase === 'playing') {
      return fail(ErrorCode.GAME_IN_PROGRESS, 'Settings can change between games, not during one.');
    }
    let settings = this.settings;
    if (change.settings !== undefined) {
      // A partial change keeps the other settings (the timer alone must not drop a custom list).
      const merged = isPlainObject(change.settings) && isPlainObject(settings) ? { ...settings, ...change.settings } : change.settings;
      const parsed = this.game.settingsSchema.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail(ErrorCode.SETTINGS_INVALID, issue?.message ?? 'Those settings are not valid.');
      }
      settings = parsed.data;
    }
    const isPublic = change.isPublic ?? this.isPublic;
    // Settings that come out as they were change nothing: no new version, no empty patch.
    if (isPublic === this.isPublic && JSON.stringify(settings) === JSON.stringify(this.settings)) return ok(undefined);
    // Seats that the new settings no longer offer are vacated rather than left dangling.
    const seatIds = new Set(this.game.seats(settings).map((s) => s.id));
    for (const p of this.players) if (p.seat !== null && !seatIds.has(p.seat)) p.seat = null;
    this.settings = settings;
    this.isPublic = isPublic;
    this.touch();
    return ok(undefined);
  }

  /** Deals a new game (host only) once every seat has its minimum. */
  start(playerId: string, seed: number, now: number): Result<void> {
    const host = this.hostOrFail(playerId);
    if (!host.ok) return host;
    if (this.phase === 'playing') return fail(ErrorCode.GAME_IN_PROGRESS, 'A game is already running.');
    for (const spec of this.seats) {
      const filled = this.players.filter((p) => p.seat === spec.id).length;
      if (filled < spec.min) {
        return fail(ErrorCode.CANNOT_START, `${spec.label} needs ${spec.min === 1 ? 'a player' : `${spec.min} players`} before the game can start.`);
      }
    }
    const dealt = this.game.setup({ settings: this.settings, seed, now, previous: this.state, players: this.roster() });
    if (!dealt.ok) return dealt;
    this.held.clear();
    for (const p of this.players) if (p.seat !== null) this.held.set(p.id, p.seat);
    this.state = dealt.value;
    this.phase = 'playing';
    this.gameNumber++;
    this.touch();
    return ok(undefined);
  }

  /** Deals a new board with the same teams once a game is over (host only). */
  rematch(playerId: string, seed: number, now: number): Result<void> {
    if (this.phase === 'playing') return fail(ErrorCode.GAME_IN_PROGRESS, 'Finish the game first.');
    if (this.phase === 'lobby') return fail(ErrorCode.GAME_NOT_STARTED, 'There is no game to replay yet: start one.');
    return this.start(playerId, seed, now);
  }

  /** Returns to the lobby after a game so teams and settings can change (host only). */
  backToLobby(playerId: string): Result<void> {
    const host = this.hostOrFail(playerId);
    if (!host.ok) return host;
    if (this.phase === 'playing') return fail(ErrorCode.GAME_IN_PROGRESS, 'Finish the game first.');
    if (this.phase === 'lobby') return ok(undefined);
    this.phase = 'lobby';
    this.touch();
    return ok(undefined);
  }

  /** Applies one game move from a seated player; answers the notices it sends to single players. */
  move(playerId: string, move: unknown, now: number): Result<readonly Notice[]> {
    const member = this.memberOrFail(playerId);
    if (!member.ok) return member;
    const m = member.value;
    if (m.kind !== 'player') return fail(ErrorCode.NOT_A_PLAYER, 'Spectators cannot play.');
    if (this.phase === 'lobby' || this.state === null) return fail(ErrorCode.GAME_NOT_STARTED, 'The game has not started yet.');
    if (this.phase === 'over') return fail(ErrorCode.GAME_OVER, 'The game is over.');
    if (m.seat === null) return fail(ErrorCode.NOT_SEATED, 'Take a seat to play.');
    const parsed = this.game.moveSchema.safeParse(move);
    if (!parsed.success) return fail(ErrorCode.BAD_REQUEST, `That move is not valid: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`);
    const result = this.game.move(this.state, parsed.data, { playerId, seat: m.seat }, now);
    if (!result.ok) return result;
    if (!(result.value instanceof Moved)) {
      this.commit(result.value);
      return NO_NOTICES;
    }
    this.commit(result.value.state);
    return ok(result.value.notices);
  }

  /** Fires a passed deadline; true when the state changed. */
  tick(now: number): boolean {
    if (this.phase !== 'playing' || this.state === null) return false;
    const next = this.game.tick(this.state, now);
    if (next === null) return false;
    this.commit(next);
    return true;
  }

  /** When the room next needs a `tick`, or null. */
  deadline(): number | null {
    return this.phase === 'playing' && this.state !== null ? this.game.deadline(this.state) : null;
  }

  /** The audience key of a member (spectators and strangers see the public view). */
  audienceOf(playerId: string): string {
    const m = this.members.get(playerId);
    if (!m || this.state === null || this.phase === 'lobby') return PUBLIC_AUDIENCE;
    return this.game.audience(this.state, { playerId, seat: m.kind === 'player' ? m.seat : null });
  }

  /** The distinct audiences of everyone in the room, each with its members. */
  audiences(): Map<string, string[]> {
    const byAudience = new Map<string, string[]>();
    for (const m of this.members.values()) {
      const key = this.audienceOf(m.id);
      const list = byAudience.get(key);
      if (list) list.push(m.id);
      else byAudience.set(key, [m.id]);
    }
    return byAudience;
  }

  /** The line in the public room list. */
  summary(): RoomSummary {
    const host = this.hostId ? this.members.get(this.hostId) : undefined;
    return {
      code: this.code,
      gameId: this.game.id,
      hostName: host?.nickname ?? '',
      players: this.players.length,
      spectators: this.spectatorCount,
      phase: this.phase,
    };
  }

  /** Seats a member; a seat taken during a game is remembered for the game's lock ({@link mayTake}). */
  private seat(member: Member, seat: SeatId | null): void {
    member.seat = seat;
    if (seat !== null && this.phase === 'playing' && !this.held.has(member.id)) this.held.set(member.id, seat);
    this.rosterChanged('seated', member.id);
    this.touch();
  }

  /**
   * Whether a player may take `to` in the running game, given the seat they held in it
   * (they may have left and come back): the game's `mayChangeSeat`, or by default the
   * same team. A seat's view of the game must not play for another side.
   */
  private mayTake(member: Member, to: SeatSpec, who: string): Result<void> {
    const heldId = this.phase === 'playing' ? this.held.get(member.id) : undefined;
    const from = heldId === undefined || heldId === to.id ? undefined : this.seats.find((s) => s.id === heldId);
    if (!from) return ok(undefined);
    const allowed = this.game.mayChangeSeat ? this.game.mayChangeSeat(this.state, from, to) : from.team === to.team;
    if (allowed) return ok(undefined);
    return fail(ErrorCode.ROLES_LOCKED, `${who} played ${from.label} in this game, so ${to.label} stays closed until it ends.`);
  }

  /** The players in join order with their seats, as the game hears of them. */
  roster(): RosterPlayer[] {
    return this.players.map((p) => ({ id: p.id, seat: p.seat, connected: p.connections > 0 }));
  }

  /** The seat a joining player takes at once: the game's automatic seat while it has room, else none. */
  private autoSeat(): SeatId | null {
    const id = this.game.autoSeat;
    const spec = id === undefined ? undefined : this.seats.find((s) => s.id === id);
    if (!spec || (this.phase === 'playing' && !spec.joinMidGame)) return null;
    return this.players.filter((p) => p.seat === spec.id).length < spec.max ? spec.id : null;
  }

  /** Removes a member for good, for a host's kick or a carried vote alike: banned, host role passed on, reported by {@link act}. */
  private remove(member: Member): void {
    this.members.delete(member.id);
    this.banned.add(member.id);
    if (member.kind === 'player') this.rosterChanged('left', member.id);
    if (this.hostId === member.id) this.hostId = this.nextHost();
    this.removedNow.push(member.id);
    this.touch();
  }

  /**
   * Brings the votes up to date with the roster at the end of an action: votes against a
   * member who is gone are reset, votes of members who are gone are dropped, and a player
   * a majority now stands against is removed ({@link kickTally}). That can carry another
   * vote in turn, since it shrinks the electorate, as a player leaving or losing a seat can.
   */
  private settleVotes(): void {
    const present = (id: string) => this.members.has(id);
    while (this.kickVotes.size > 0) {
      const roster = this.roster();
      let out: Member | undefined;
      for (const [targetId, voters] of this.kickVotes) {
        const target = this.members.get(targetId);
        const standing = target === undefined ? NOBODY : voters.every(present) ? voters : voters.filter(present);
        if (standing !== voters) {
          if (standing.length === 0) this.kickVotes.delete(targetId);
          else this.kickVotes.set(targetId, standing);
          this.touch();
        }
        if (out === undefined && target !== undefined && standing.length > 0 && carried(kickTally(roster, targetId, standing))) out = target;
      }
      if (out === undefined) return;
      this.remove(out);
    }
  }

  private rosterChanged(type: RosterChange['type'], playerId: string): void {
    if (this.phase === 'playing' && this.game.roster) this.rosterChanges.push({ type, playerId });
  }

  /** Tells the game how the roster changed during the action, in order. */
  private tellRoster(now: number): void {
    if (this.rosterChanges.length === 0) return;
    const changes = this.rosterChanges.splice(0);
    for (const change of changes) {
      if (this.phase !== 'playing' || this.state === null) return;
      const next = this.game.roster!(this.state, change, this.roster(), now);
      if (next !== null) this.commit(next);
    }
  }

  private commit(state: unknown): void {
    this.state = state;
    if (this.game.outcome(state) !== null) this.phase = 'over';
    this.touch();
  }

  /** Marks the room changed; the version moves once per action, however many parts changed. */
  private touch(): void {
    this.dirty = true;
  }

  private nextHost(): string | null {
    const players = this.players;
    return (players.find((p) => p.connections > 0) ?? players[0])?.id ?? null;
  }

  private memberOrFail(playerId: string): Result<Member> {
    const m = this.members.get(playerId);
    return m ? ok(m) : fail(ErrorCode.NOT_IN_ROOM, 'You are not in this room. Join it first.');
  }

  private hostOrFail(playerId: string): Result<Member> {
    const member = this.memberOrFail(playerId);
    if (!member.ok) return member;
    if (this.hostId !== playerId) return fail(ErrorCode.NOT_HOST, 'Only the host can do that.');
    return member;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
