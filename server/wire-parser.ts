/**
 * Socket.IO's wire parser for Parlor (the server's `parser` option): socket.io-parser's
 * format, byte for byte, binary attachments included, with less work per JSON packet.
 * Clients keep the standard parser.
 *
 * socket.io-parser walks every outgoing event and ack looking for binary data (`hasBinary`)
 * before it writes the JSON. Parlor's packets are JSON, so this writes the JSON first and
 * walks only when the text holds a mark every binary value leaves in it: `{}` (an ArrayBuffer,
 * DataView, Blob or empty typed array), `{"0":` (a typed array) or `Buffer` (a Buffer's
 * toJSON writes `{"type":"Buffer",...}`); searching the text costs a fraction of the walk.
 * Then, or when JSON.stringify throws (a BigInt64Array), socket.io-parser's encoder writes
 * the packet: placeholders in the text, the binary values as attachments. A binary value
 * given enumerable properties or a toJSON of its own can leave no mark: it goes out as JSON.
 *
 * Each packet is serialised whole, every time, even a patch that its ack carries again just
 * after its broadcast: nothing here can tell that an object sent before is unchanged, so JSON
 * kept from then could be stale.
 *
 * Decoding is socket.io-parser's: what clients send is small and must be validated anyway.
 */
import { Decoder, Encoder as StandardEncoder, PacketType, type Packet } from 'socket.io-parser';

/** For packets that carry binary data, or that JSON.stringify refuses (its error is the same). */
const standard = new StandardEncoder();

/** Whether `json` has one of the marks any binary value leaves in JSON.stringify's text (see the module's comment). */
function mayHoldBinary(json: string): boolean {
  // "Buffer", not the whole '"type":"Buffer"': V8 searches for 7 characters or more with a table it builds per call.
  return json.includes('{}') || json.includes('{"0":') || json.includes('Buffer');
}

/** A Buffer, any other typed array, DataView, ArrayBuffer, Blob or File: what socket.io-parser sends as an attachment. */
function isBinary(value: object): boolean {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob;
}

/** socket.io-parser's `hasBinary`: whether `value` holds binary data where JSON.stringify would look (toJSON's result, own keys). */
function hasBinary(value: unknown, viaToJson = false): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasBinary(item)) return true;
    return false;
  }
  if (isBinary(value)) return true;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function' && !viaToJson) return hasBinary(toJSON.call(value), true);
  for (const key in value) if (Object.hasOwn(value, key) && hasBinary((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Encodes packets as socket.io-parser's `Encoder` does, binary data searched for only when the JSON suggests it. */
export class Encoder {
  /** Strings and, for binary packets, the attachments (typed as socket.io-parser types them). */
  encode(packet: Packet): ReturnType<StandardEncoder['encode']> {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += String(packet.id);
    const data: unknown = packet.data;
    if (data == null) return [text];
    const eventOrAck = packet.type === PacketType.EVENT || packet.type === PacketType.ACK;
    let json: string | undefined;
    try {
      json = JSON.stringify(data) as string | undefined;
    } catch {
      json = undefined;
    }
    // Nothing to write (a BigInt64Array, a function...): socket.io-parser's encoder answers, or throws as it would.
    if (json === undefined || (eventOrAck && mayHoldBinary(json) && hasBinary(data))) return standard.encode(packet);
    return [text + json];
  }
}

export { Decoder };
