/**
 * Byte counting for socket.io-client sockets (Parlor, the Socket.IO relay and
 * boardgame.io's client all use socket.io-client 4.8). Engine.IO tells us every frame as
 * it arrives or leaves; socket.io-client then decodes frames into packets in the same
 * order, one packet per frame (a binary attachment's frame counts with its packet's), and
 * dispatches each on a later microtask. So a FIFO of frame sizes, pushed per frame and shifted per decoded packet,
 * names the size of the packet being dispatched: its head, read from an `onAny` listener.
 */
import type { Socket } from 'socket.io-client';
import { frameBytes, type Traffic } from '../load';

/** An Engine.IO packet as the engine's events give it. */
interface EnginePacket {
  readonly type: string;
  readonly data?: string | ArrayBuffer | Uint8Array;
}

interface Emitter {
  on(event: string, listener: (arg: never) => void): unknown;
}

function payloadBytes(packet: EnginePacket): number {
  const { data } = packet;
  // On a websocket an Engine.IO text frame is the packet type's digit and then the data.
  if (data === undefined) return 1;
  if (typeof data === 'string') return 1 + Buffer.byteLength(data);
  return data.byteLength;
}

/** Frame sizes of one socket. */
export interface Wire {
  /** Bytes of the frame whose packet is being dispatched now (valid inside `onAny`). */
  current(): number;
}

/** Starts counting a socket's frames into `traffic`; call right after `io()` returns. */
export function watchWire(socket: Socket, traffic: Traffic): Wire {
  const manager = socket.io as unknown as Emitter & { engine: Emitter };
  const sizes: number[] = [];
  manager.engine.on('packet', (packet: EnginePacket) => {
    const bytes = frameBytes(payloadBytes(packet), false);
    traffic.bytes += bytes;
    // A binary attachment follows its packet's text frame: it adds to that packet's size.
    if (packet.type === 'message' && typeof packet.data !== 'string' && sizes.length > 0) sizes[sizes.length - 1]! += bytes;
    else if (packet.type === 'message') sizes.push(bytes);
  });
  manager.engine.on('packetCreate', (packet: EnginePacket) => {
    traffic.bytes += frameBytes(payloadBytes(packet), true);
  });
  // Runs after the socket's own dispatch of the same packet (it subscribed first).
  manager.on('packet', () => {
    sizes.shift();
  });
  return { current: () => sizes[0] ?? 0 };
}
