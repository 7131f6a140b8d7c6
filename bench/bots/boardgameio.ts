/**
 * Bots for boardgame.io 0.50.2, using its own client: each match is created and joined
 * through its lobby API (so every player has credentials), four player clients and one
 * spectator client (no player id) connect with its SocketIO transport. A move is
 * `client.moves.play(seq, card)`; the server answers every client with an `update` whose
 * state carries `G.seq`.
 */
import type { Socket } from 'socket.io-client';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { BENCH_GAME_NAME, benchGame, type BenchG } from '../servers/boardgameio-game';
import { MEMBERS, SPECTATOR, type Load, type RoomDriver } from '../load';
import { within } from './relay';
import { watchWire } from './wire';

/** The part of a boardgame.io client the bots use (its typings are loose; this is checked here). */
interface BenchClient {
  start(): void;
  stop(): void;
  readonly moves: { play(seq: number, card: number): void };
  /** The transport made by `SocketIO()`; its socket exists once `start()` has run. */
  readonly transport: { readonly socket: Socket };
}

async function post<T>(url: string, body: object): Promise<T> {
  const response = await within(
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    10_000,
    `POST ${url}`,
  );
  if (!response.ok) throw new Error(`POST ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** One boardgame.io match with four player clients and a spectator client. */
export class BoardgameIoRoom implements RoomDriver {
  private readonly clients: BenchClient[] = [];
  private seq = 0;
  /** The latest move each member's client has received. */
  private readonly seen: number[] = Array<number>(MEMBERS).fill(0);

  constructor(
    private readonly url: string,
    private readonly load: Load,
    private readonly index: number,
  ) {}

  async open(): Promise<void> {
    const lobby = `${this.url}/games/${BENCH_GAME_NAME}`;
    const { matchID } = await post<{ matchID: string }>(`${lobby}/create`, { numPlayers: 4 });
    const synced: Promise<unknown>[] = [];
    for (let member = 0; member < MEMBERS; member++) {
      let player: { playerID: string; credentials: string } | null = null;
      if (member !== SPECTATOR) {
        const playerID = String(member);
        const joined = await post<{ playerCredentials: string }>(`${lobby}/${matchID}/join`, { playerID, playerName: `bot${member}` });
        player = { playerID, credentials: joined.playerCredentials };
      }
      const client = Client({
        game: benchGame,
        numPlayers: 4,
        matchID,
        ...player,
        debug: false,
        multiplayer: SocketIO({ server: this.url, socketOpts: { transports: ['websocket'], forceNew: true, reconnection: false } }),
      }) as unknown as BenchClient;
      client.start();
      this.clients.push(client);
      const socket = client.transport.socket;
      const wire = watchWire(socket, this.load.traffic);
      synced.push(
        within(new Promise((resolve) => socket.once('sync', resolve)), 10_000, `boardgame.io sync of match ${matchID}`),
      );
      // onAny runs before the client's own listeners: the arrival time is the socket's.
      socket.onAny((event: string, ...args: unknown[]) => {
        if (event !== 'update') return;
        const seq = (args[1] as { G: BenchG }).G.seq;
        this.seen[member] = Math.max(this.seen[member]!, seq);
        this.load.deliver(this.index, member, seq, wire.current());
      });
    }
    await Promise.all(synced);
  }

  send(): { key: number; mover: number } | null {
    const seq = this.seq + 1;
    const mover = seq % 4;
    // Only after a timed-out move: this client has not seen the latest state, and
    // boardgame.io drops a move made on a stale state without a word.
    if (this.seen[mover]! < this.seq) return null;
    this.seq = seq;
    const client = this.clients[mover]!;
    // The delivery that frees this room may be the next mover's own update, which its
    // client applies right after our listener: move once it has (or its state is stale).
    queueMicrotask(() => client.moves.play(seq, seq % 25));
    return { key: seq, mover };
  }

  describe(): string {
    return `seq ${this.seq}, seen by member ${this.seen.join(' ')}`;
  }

  settled(): boolean {
    return this.seen.every((seq) => seq === this.seq);
  }

  close(): void {
    for (const client of this.clients) client.stop();
  }
}
