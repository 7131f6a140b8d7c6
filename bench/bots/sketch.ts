/**
 * Bots of Sketch's stroke workload (bench/strokes.ts), one class per server: 8 players in
 * a room, a drawer whose {@link Pen} streams frames and commits strokes, and wrong guesses.
 *
 * On Parlor they play a real Sketch game through the real protocol: the host creates a
 * `sketch` room (draw time 240 s, so no turn ends within a measurement), all 8 join (and
 * are seated by the game), the host starts, the drawer chooses a word; then frames go as
 * `game:stream` (no ack; not volatile, as the browser sends them, since a generator that falls behind
 * would drop its own catch-up frames before they left), strokes and guesses as acked
 * `game:move`s, which every member hears of as a `room:patch`. On the relay the same frames
 * go through the same event, and commits and guesses as `move`s, forwarded untouched.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_SETTINGS } from '../../game/sketch/settings';
import type { SketchView } from '../../game/sketch/types';
import { PROTOCOL_VERSION, type ChangeResult, type JoinResult, type Response, type RoomSnapshot } from '../../game/protocol';
import { binaryFrame, frameKey, Pen, readBinaryFrame, STROKE_MEMBERS, type StreamShape, type StrokeLoad, type StrokeRoomDriver } from '../strokes';
import { within } from './relay';
import { watchWire } from './wire';

/** A guess no word of the list matches (nor comes within one edit of). */
const guessText = (n: number) => `qzx guess ${n}`;

function connect(url: string, options: Parameters<typeof io>[1]): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
  return within(
    new Promise<Socket>((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject)),
    10_000,
    'connect',
  );
}

/** Emits an action and resolves with its ack's value, or rejects on a refusal or after 10 s. */
async function request<T extends object>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const response = (await socket.timeout(10_000).emitWithAck(event, payload)) as Response<T>;
  if (!response.ok) throw new Error(`${event}: ${response.code} ${response.message}`);
  return response;
}

/** What both rooms share: the sockets, the pen, the guessers' turns. */
abstract class StrokeRoom implements StrokeRoomDriver {
  protected readonly sockets: Socket[] = [];
  protected drawer = 0;
  /** Made at the first frame, in the shape of the step (the same pen goes on through a repeated step). */
  private pen: Pen | null = null;
  private guesses = 0;

  constructor(
    protected readonly url: string,
    protected readonly load: StrokeLoad,
    protected readonly index: number,
  ) {}

  abstract open(): Promise<void>;
  /** Sends a frame of the stroke in progress (JSON, or its bytes). */
  protected abstract stream(frame: object): void;
  /** Sends a move (a stroke's commit, a guess) from a member. */
  protected abstract move(member: number, move: object): void;

  /** Listens for relayed frames on a member's socket. */
  protected watch(member: number, socket: Socket): void {
    const wire = watchWire(socket, this.load.traffic);
    socket.on('game:stream', (frame: { data: { s: number; p: number[] } | Uint8Array }) => {
      // Frames of the `-bin` shapes arrive as a Buffer, read back as a receiver would.
      const data = frame.data instanceof Uint8Array ? readBinaryFrame(frame.data) : frame.data;
      if (data) this.load.deliver(this.index, member, frameKey(data), wire.current());
    });
  }

  frame(shape: StreamShape): number {
    this.pen ??= new Pen(this.index + 1, shape);
    const { frame, commit } = this.pen.tick();
    this.stream(shape.binary ? binaryFrame(frame) : frame);
    if (commit) this.move(this.drawer, { type: 'stroke', ...commit });
    return frameKey(frame);
  }

  guess(): void {
    const n = this.guesses++;
    // The players other than the drawer, in turn.
    const member = (this.drawer + 1 + (n % (STROKE_MEMBERS - 1))) % STROKE_MEMBERS;
    this.move(member, { type: 'say', text: guessText(n) });
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

/** One room of 8 Parlor bots playing Sketch. */
export class SketchParlorRoom extends StrokeRoom {
  private code = '';

  async open(): Promise<void> {
    for (let member = 0; member < STROKE_MEMBERS; member++) {
      const socket = await connect(this.url, { auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION } });
      this.sockets.push(socket);
      this.watch(member, socket);
    }
    const host = this.sockets[0]!;
    const settings = { ...DEFAULT_SETTINGS, drawSeconds: 240 };
    const { code } = await request<{ code: string }>(host, 'room:create', { nickname: `Host ${this.index}`, public: false, gameId: 'sketch', settings });
    this.code = code;
    const ids: string[] = [];
    for (const [member, socket] of this.sockets.entries()) {
      const joined = await request<JoinResult>(socket, 'room:join', { code, nickname: `Bot ${this.index}.${member}`, as: 'player' });
      ids.push(joined.you);
    }
    await request<ChangeResult>(host, 'room:start', { code });
    const { snapshot } = await request<{ snapshot: RoomSnapshot<SketchView> }>(host, 'room:sync', { code });
    this.drawer = ids.indexOf(snapshot.view?.turn.drawer ?? '');
    if (this.drawer < 0) throw new Error(`room ${code}: no drawer among the bots`);
    this.load.setDrawer(this.index, this.drawer);
    await request<ChangeResult>(this.sockets[this.drawer]!, 'game:move', { code, move: { type: 'choose', index: 0 } });
  }

  protected stream(frame: object): void {
    this.sockets[this.drawer]!.emit('game:stream', { code: this.code, data: frame });
  }

  protected move(member: number, move: object): void {
    this.sockets[member]!.emit('game:move', { code: this.code, move }, (response: Response<ChangeResult>) => {
      if (!response.ok) {
        this.load.refused++;
        console.error(`room ${this.code}: ${JSON.stringify(move).slice(0, 60)} refused: ${response.code} ${response.message}`);
      }
    });
  }
}

/** One room of 8 bots on the raw Socket.IO relay, sending what Parlor's bots send. */
export class SketchRelayRoom extends StrokeRoom {
  async open(): Promise<void> {
    for (let member = 0; member < STROKE_MEMBERS; member++) {
      const socket = await connect(this.url, { query: { room: `sketch-${this.index}` } });
      this.sockets.push(socket);
      this.watch(member, socket);
    }
  }

  protected stream(frame: object): void {
    this.sockets[this.drawer]!.emit('game:stream', { code: String(this.index), data: frame });
  }

  protected move(member: number, move: object): void {
    this.sockets[member]!.emit('move', { code: String(this.index), move });
  }
}
