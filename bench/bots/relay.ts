/**
 * Bots for the two relays. A move is a small JSON object shaped like a Codewords guess
 * plus the bench's sequence number; the relays forward it untouched to the room's other
 * sockets. Players take turns moving, so no player moves twice in a row.
 */
import { io, type Socket } from 'socket.io-client';
import { WebSocket, type RawData } from 'ws';
import { frameBytes, MEMBERS, type Load, type RoomDriver } from '../load';
import { watchWire } from './wire';

interface RelayMove {
  readonly type: 'guess';
  readonly card: number;
  readonly turn: number;
  readonly seq: number;
}

function relayMove(seq: number): RelayMove {
  return { type: 'guess', card: seq % 25, turn: 1 + Math.floor(seq / 4), seq };
}

/** Rejects after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One room of raw `ws` bots. */
export class WsRoom implements RoomDriver {
  private readonly sockets: WebSocket[] = [];
  private seq = 0;

  constructor(
    private readonly url: string,
    private readonly load: Load,
    private readonly index: number,
  ) {}

  async open(): Promise<void> {
    const wsUrl = `${this.url.replace(/^http/, 'ws')}/?room=${this.index}`;
    for (let member = 0; member < MEMBERS; member++) {
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      this.sockets.push(ws);
      ws.on('message', (data: RawData) => {
        const buffer = data as Buffer;
        const bytes = frameBytes(buffer.length, false);
        this.load.traffic.bytes += bytes;
        const move = JSON.parse(buffer.toString()) as RelayMove;
        this.load.deliver(this.index, member, move.seq, bytes);
      });
      ws.on('error', () => undefined);
      await within(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)), 10_000, 'ws connect');
    }
  }

  send(): { key: number; mover: number } {
    const seq = ++this.seq;
    const mover = seq % 4;
    const text = JSON.stringify(relayMove(seq));
    this.sockets[mover]!.send(text);
    this.load.traffic.bytes += frameBytes(Buffer.byteLength(text), true);
    return { key: seq, mover };
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

/** One room of Socket.IO bots for the Socket.IO relay. */
export class SocketIoRoom implements RoomDriver {
  private readonly sockets: Socket[] = [];
  private seq = 0;
  /** Moves sent with an ack callback whose answer has not come yet. */
  private pendingAcks = 0;
  /** Whether each move asks the server for an ack (see {@link SocketIoAckRoom}). */
  protected readonly acked: boolean = false;

  constructor(
    private readonly url: string,
    private readonly load: Load,
    private readonly index: number,
  ) {}

  async open(): Promise<void> {
    for (let member = 0; member < MEMBERS; member++) {
      const socket = io(this.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        query: { room: String(this.index) },
      });
      this.sockets.push(socket);
      const wire = watchWire(socket, this.load.traffic);
      socket.onAny((event: string, move: RelayMove) => {
        if (event === 'move') this.load.deliver(this.index, member, move.seq, wire.current());
      });
      await within(new Promise((resolve, reject) => socket.once('connect', () => resolve(undefined)).once('connect_error', reject)), 10_000, 'socket.io connect');
    }
  }

  send(): { key: number; mover: number } {
    const seq = ++this.seq;
    const mover = seq % 4;
    if (this.acked) {
      this.pendingAcks++;
      this.sockets[mover]!.emit('move', relayMove(seq), (answer: { ok?: unknown }) => {
        this.pendingAcks--;
        if (answer?.ok !== true) throw new Error(`relay with acks: move ${seq} answered ${JSON.stringify(answer)}`);
      });
    } else this.sockets[mover]!.emit('move', relayMove(seq));
    return { key: seq, mover };
  }

  settled(): boolean {
    return this.pendingAcks === 0;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

/**
 * Bots for the Socket.IO relay with acks: the same moves, each emitted with an ack
 * callback as Parlor's bots emit theirs, so the relay answers every move to its sender.
 */
export class SocketIoAckRoom extends SocketIoRoom {
  protected override readonly acked = true;
}
