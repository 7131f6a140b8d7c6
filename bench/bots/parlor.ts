/**
 * Bots that play real Codewords games on Parlor through its real protocol: a host creates
 * a room, four players join and sit (red spymaster, red operative, blue spymaster, blue
 * operative), a spectator watches, the host starts. Then the spymasters give clues and the
 * operatives guess, mostly their own agents, sometimes a bystander (which passes the turn)
 * or an opposing agent; after two right guesses they end the turn. At the end of a game
 * the host asks for a rematch. Every move is an acked `game:move` (or `room:rematch`) and
 * reaches the others as a `room:patch` (one for every audience it fits; a whole `room:state` when their
 * audience changed, as at a game's end).
 *
 * The bots read the board from the spymasters' view (it shows the key), which they keep up
 * to date as the browser does, with one {@link RoomFollower} fed by both spymasters: they
 * share one audience, so each version reaches them as the same update, and whichever copy
 * comes first is applied (the other is stale by then). A spymaster's own move comes back in
 * its ack, which may be read after the other members' deliveries have freed the room for its
 * next move; the other spymaster's copy has it by then. The move's key is the room version it
 * will produce, which every snapshot and patch carries.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import { checkClueAgainstBoard } from '../../game/codewords/clue';
import type { CodewordsView, Team } from '../../game/codewords/types';
import {
  PROTOCOL_VERSION,
  type ChangeResult,
  type ClientToServerEvents,
  type Response,
  type RoomPatch,
  type RoomSnapshot,
  type ServerToClientEvents,
} from '../../game/protocol';
import { RoomFollower, type FollowResult } from '../../game/room-patch';
import { MEMBERS, SPECTATOR, type Load, type RoomDriver } from '../load';
import { within } from './relay';
import { watchWire } from './wire';

type ParlorClient = Socket<ServerToClientEvents, ClientToServerEvents>;
type Snapshot = RoomSnapshot<CodewordsView>;

/** Seats of members 0-3; member 0 is the host. */
const SEATS = ['red:spymaster', 'red:operative', 'blue:spymaster', 'blue:operative'] as const;
const SPYMASTER: Record<Team, number> = { red: 0, blue: 2 };
const OPERATIVE: Record<Team, number> = { red: 1, blue: 3 };
/** Clue words unlikely to clash with a board; each is checked with the game's own rule. */
const CLUES = ['ZEPHYR', 'QUOKKA', 'FJORD', 'XYLOPHONE', 'KUMQUAT', 'GAZEBO', 'WALRUS', 'SPHINX', 'JIGSAW', 'BANJO'];

/** What a bench that looks closer hears from a room's bots: every update event and every ack. */
export interface ParlorWatch {
  /** A member received a `room:state` or `room:patch` event of this version. */
  update(member: number, event: 'room:state' | 'room:patch', version: number): void;
  /** A member's action was answered after `ms`; `patched` when the ack carried the mover's patch. */
  ack(ms: number, ok: boolean, patched: boolean): void;
}

/** Where a room's bots connect and who watches them (by default, all to the one url, unwatched). */
export interface ParlorRoomOptions {
  /** Member i connects to `urls[(index + i) % urls.length]`: a room's members spread over several nodes. */
  readonly urls?: readonly string[];
  readonly watch?: ParlorWatch;
  /**
   * Each member connects from an address of its own, as players do (an `X-Forwarded-For`
   * the nodes trust with `TRUST_PROXY=1`), so per-address counts cost what they would.
   */
  readonly addresses?: boolean;
}

/** Refusals seen, by code, across all rooms (a correct bot sees none). */
export const refusals = new Map<string, number>();

/** Emits an action and resolves with its ack, or rejects after 10 s. */
async function request<T extends object>(socket: ParlorClient, event: keyof ClientToServerEvents, payload: unknown): Promise<T> {
  const emit = socket.timeout(10_000).emitWithAck as (event: string, payload: unknown) => Promise<Response<T>>;
  const response = await emit.call(socket.timeout(10_000), event, payload);
  if (!response.ok) throw new Error(`${event}: ${response.code} ${response.message}`);
  return response;
}

/** A small deterministic PRNG per room (mulberry32), so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One room of five Parlor bots. */
export class ParlorRoom implements RoomDriver {
  private readonly sockets: ParlorClient[] = [];
  private code = '';
  /** The newest snapshot of the spymasters' view: it shows the whole key. */
  private state: Snapshot | null = null;
  /** The spymasters' view of the room, followed from both spymasters' updates (see the file's comment). */
  private board: RoomFollower | null = null;
  /**
   * The members whose updates feed {@link board}: only the host (the red spymaster) while the
   * room is set up, when the other spymaster still sees another audience; both once the game starts.
   */
  private readonly feeding = new Set<number>([SPYMASTER.red]);
  private clue: { game: number; word: string } | null = null;
  /** The version the latest move sent should produce; the next waits until the board shows it. */
  private lastKey = 0;
  private pendingAcks = 0;
  private readonly random: () => number;

  constructor(
    private readonly url: string,
    private readonly load: Load,
    private readonly index: number,
    private readonly options: ParlorRoomOptions = {},
  ) {
    this.random = prng(index + 1);
  }

  async open(): Promise<void> {
    for (let member = 0; member < MEMBERS; member++) {
      const urls = this.options.urls ?? [this.url];
      const socket: ParlorClient = io(urls[(this.index + member) % urls.length]!, {
        auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION },
        transports: ['websocket'],
        ...(this.options.addresses ? { extraHeaders: { 'x-forwarded-for': `10.${this.index >> 8}.${this.index & 255}.${member + 1}` } } : {}),
        ...(process.env.BENCH_PARSER === 'msgpack' ? { parser: msgpackParser } : {}),
        forceNew: true,
        reconnection: false,
      });
      this.sockets.push(socket);
      const wire = watchWire(socket, this.load.traffic);
      socket.onAny((event: string, update: Snapshot | RoomPatch) => {
        if (event !== 'room:state' && event !== 'room:patch') return;
        this.options.watch?.update(member, event, update.version);
        // Update the board first: the delivery may free the room for its next move.
        if (this.feeding.has(member)) this.update(member, event === 'room:state' ? { state: update as Snapshot } : { patch: update as RoomPatch });
        this.load.deliver(this.index, member, update.version, wire.current());
      });
      await within(new Promise((resolve, reject) => socket.once('connect', () => resolve(undefined)).once('connect_error', reject)), 10_000, 'parlor connect');
    }
    const [host] = this.sockets;
    const { code } = await request<{ code: string }>(host!, 'room:create', { nickname: `Host ${this.index}`, public: false });
    this.code = code;
    this.board = new RoomFollower(code, (snapshot) => {
      this.state = snapshot as Snapshot;
    });
    for (const [member, socket] of this.sockets.entries()) {
      const as = member === SPECTATOR ? 'spectator' : 'player';
      const { snapshot } = await request<{ snapshot: Snapshot }>(socket, 'room:join', { code, nickname: `Bot ${this.index}.${member}`, as });
      this.update(member, { state: snapshot });
    }
    for (const [member, seat] of SEATS.entries()) {
      this.update(member, await request<ChangeResult>(this.sockets[member]!, 'room:seat', { code, seat }));
    }
    this.update(0, await request<ChangeResult>(host!, 'room:start', { code }));
    // Both spymasters now see the key, so both feed the board.
    this.feeding.add(SPYMASTER.blue);
    const deadline = performance.now() + 10_000;
    while (this.state?.phase !== 'playing') {
      if (performance.now() > deadline) throw new Error(`room ${code}: the game did not start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  send(): { key: number; mover: number } | null {
    const s = this.state;
    // Only after a timed-out move: the board does not show it yet, so a move made now would be stale.
    if (!s?.view || s.version < this.lastKey) return null;
    const key = s.version + 1;
    this.lastKey = key;
    if (s.phase === 'over') {
      this.emit(0, 'room:rematch', { code: this.code }, key);
      return { key, mover: 0 };
    }
    const view = s.view;
    const { team, phase, number: turn, guesses } = view.turn;
    if (phase === 'clue') {
      const mover = SPYMASTER[team];
      this.emit(mover, 'game:move', { code: this.code, move: { type: 'clue', word: this.clueFor(s), count: 2, turn } }, key);
      return { key, mover };
    }
    const mover = OPERATIVE[team];
    if (guesses >= 2) {
      this.emit(mover, 'game:move', { code: this.code, move: { type: 'endTurn', turn } }, key);
      return { key, mover };
    }
    this.emit(mover, 'game:move', { code: this.code, move: { type: 'guess', card: this.pickCard(view, team), turn } }, key);
    return { key, mover };
  }

  describe(): string {
    const turn = this.state?.view?.turn;
    return `code ${this.code} version ${this.state?.version} phase ${this.state?.phase} turn ${JSON.stringify(turn)} lastKey ${this.lastKey} pendingAcks ${this.pendingAcks}`;
  }

  settled(): boolean {
    return this.pendingAcks === 0 && (this.state?.version ?? 0) >= this.lastKey;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }

  /** A member's update (an event, or what an ack carried), for the board; resyncs on a gap. Others' are ignored. */
  private update(member: number, update: { state?: Snapshot; patch?: RoomPatch | undefined }): void {
    const follower = this.board;
    if (!follower || !this.feeding.has(member)) return;
    const result: FollowResult = update.state ? follower.state(update.state) : update.patch ? follower.patch(update.patch) : 'stale';
    if (result !== 'gap') return;
    // Never expected (a correct server sends only patches that follow); counted like a refusal.
    refusals.set('PATCH_GAP', (refusals.get('PATCH_GAP') ?? 0) + 1);
    void request<{ snapshot: Snapshot }>(this.sockets[member]!, 'room:sync', { code: this.code }).then((r) => follower.state(r.snapshot));
  }

  private emit(member: number, event: 'game:move' | 'room:rematch', payload: object, key: number): void {
    const socket = this.sockets[member]!;
    this.pendingAcks++;
    const sentAt = performance.now();
    const ack = (response: Response<ChangeResult>) => {
      this.pendingAcks--;
      this.options.watch?.ack(performance.now() - sentAt, response.ok, response.ok && response.patch !== undefined);
      if (response.ok) return this.update(member, response);
      refusals.set(response.code, (refusals.get(response.code) ?? 0) + 1);
      // Nothing will show this move: the next one may go as soon as its turn comes.
      if (this.lastKey === key) this.lastKey = key - 1;
      this.load.reject(this.index, key);
    };
    (socket.emit as (event: string, payload: object, ack: (r: Response<ChangeResult>) => void) => void)(event, payload, ack);
  }

  /** A clue word valid for this board, by the game's own check (kept for the whole game). */
  private clueFor(s: Snapshot): string {
    if (this.clue?.game === s.gameNumber) return this.clue.word;
    const words = s.view!.cards.map((c) => c.word);
    const word = CLUES.find((c) => checkClueAgainstBoard(c, words).ok) ?? 'ZEPHYR';
    this.clue = { game: s.gameNumber, word };
    return word;
  }

  /** Mostly an own agent; sometimes a bystander or an opposing agent; never the assassin. */
  private pickCard(view: CodewordsView, team: Team): number {
    // The hidden cards by colour, in one pass over the board.
    const own: number[] = [];
    const bystanders: number[] = [];
    const theirs: number[] = [];
    view.cards.forEach((c, i) => {
      if (c.revealed) return;
      if (c.color === team) own.push(i);
      else if (c.color === 'bystander') bystanders.push(i);
      else if (c.color !== 'assassin') theirs.push(i);
    });
    const roll = this.random();
    const pools = roll < 0.85 ? [own, bystanders, theirs] : roll < 0.95 ? [bystanders, own, theirs] : [theirs, own, bystanders];
    const pool = pools.find((p) => p.length > 0) ?? own;
    return pool[Math.floor(this.random() * pool.length)] ?? 0;
  }
}
