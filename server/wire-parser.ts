/**
 * Socket.IO's wire parser for Parlor (the server's `parser` option): socket.io-parser's
 * own text format, byte for byte, produced with less work per packet. Clients keep the
 * standard parser.
 *
 * - No search for binary data: socket.io-parser's encoder walks every outgoing packet
 *   looking for Buffers (`hasBinary`) before it encodes it. Parlor's protocol is JSON only
 *   (game/protocol.ts types every payload), so each packet is encoded as text at once.
 *   A Buffer, were one ever emitted, would arrive as its JSON form, not as binary.
 * - One serialisation per update: a change is emitted to its audience and, for the socket
 *   that made it, carried by that socket's ack (`ChangeResult.patch`); a new snapshot may
 *   go to several members one by one. The JSON of the last few event payloads is kept,
 *   by object, and reused when the same object is sent again, alone or as a property of an
 *   ack. This relies on what the server already guarantees: an update is never changed
 *   after it is sent (it is kept as the base of the next patch). A short list, not a
 *   WeakMap: the ack follows its broadcast within the same task, and weak tables would
 *   add work to every garbage collection.
 *
 * Decoding is socket.io-parser's: what clients send is small and must be validated anyway.
 */
import { Decoder, PacketType, type Packet } from 'socket.io-parser';

/** The JSON of the last few event payloads sent, by payload object (a ring). */
class RecentJson {
  private readonly objects: (object | null)[];
  private readonly texts: string[];
  private next = 0;

  constructor(size: number) {
    this.objects = new Array<object | null>(size).fill(null);
    this.texts = new Array<string>(size).fill('');
  }

  get(value: object): string | undefined {
    const i = this.objects.indexOf(value);
    return i === -1 ? undefined : this.texts[i];
  }

  has(value: object): boolean {
    return this.objects.includes(value);
  }

  set(value: object, json: string): void {
    this.objects[this.next] = value;
    this.texts[this.next] = json;
    this.next = (this.next + 1) % this.objects.length;
  }
}

/** Enough for one change: a patch per audience, then the ack, or a snapshot to each moved member. */
const sent = new RecentJson(8);

/**
 * An event's `[name, payload]`. The payload's JSON is remembered as a slice of the
 * packet's (no copy), or taken from an earlier packet that sent the same object.
 */
function eventJson(data: readonly unknown[]): string {
  const payload = data[1];
  if (data.length !== 2 || typeof payload !== 'object' || payload === null) return JSON.stringify(data);
  const name = JSON.stringify(data[0]);
  const known = sent.get(payload);
  if (known !== undefined) return `[${name},${known}]`;
  const json = JSON.stringify(data);
  sent.set(payload, json.slice(name.length + 2, -1));
  return json;
}

/**
 * An ack's arguments. A plain object that carries an update already sent (a move's answer
 * with its patch) is written key by key around that update's remembered JSON; anything
 * else is `JSON.stringify`'s.
 */
function ackJson(data: readonly unknown[]): string {
  let json = '[';
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    // Inside an array, JSON.stringify writes null for what JSON cannot hold (undefined...).
    json += (i === 0 ? '' : ',') + (isPlainObject(value) && carriesSent(value) ? objectJson(value) : (JSON.stringify(value) ?? 'null'));
  }
  return json + ']';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value);
}

function carriesSent(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const v = value[key];
    if (typeof v === 'object' && v !== null && sent.has(v)) return true;
  }
  return false;
}

/** `JSON.stringify` of a plain object, with the remembered JSON of the values sent before. */
function objectJson(value: Record<string, unknown>): string {
  let json = '{';
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    const text = (typeof v === 'object' && v !== null ? sent.get(v) : undefined) ?? JSON.stringify(v);
    // Like JSON.stringify: undefined, functions and symbols leave their key out.
    if (text !== undefined) json += `${json.length === 1 ? '' : ','}${JSON.stringify(key)}:${text}`;
  }
  return `${json}}`;
}

/** Encodes packets as socket.io-parser's `Encoder` does for text packets (see the module's comment). */
export class Encoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += String(packet.id);
    const data: unknown = packet.data;
    if (data != null) {
      if (Array.isArray(data) && packet.type === PacketType.EVENT) text += eventJson(data);
      else if (Array.isArray(data) && packet.type === PacketType.ACK) text += ackJson(data);
      else text += JSON.stringify(data);
    }
    return [text];
  }
}

export { Decoder };
