import fc from 'fast-check';
import { Decoder, Encoder as StandardEncoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Encoder } from './wire-parser';

const standard = new StandardEncoder();
const encoder = new Encoder();

const patch = () => ({ code: 'ABCD', version: 7, audience: 'public', serverTime: 1, ops: [[['view', 'cards', 3, 'revealed'], true]] });

type Binary = ArrayBuffer | ArrayBufferView | Blob;
/** What socket.io-parser sends as an attachment (its `isBinary`). */
const isBinary = (value: unknown): value is Binary => value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Blob;

/** The bytes of an attachment, as a new Buffer (what a Node receiver gets from the websocket). */
async function bytesOf(value: Binary): Promise<Buffer> {
  if (value instanceof Blob) return Buffer.from(await value.arrayBuffer());
  if (value instanceof ArrayBuffer) return Buffer.from(new Uint8Array(value));
  return Buffer.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
}

/** An encoder's output as it goes on the wire: the text frames, and each attachment's bytes. */
async function onWire(parts: unknown[]): Promise<(string | Buffer)[]> {
  return Promise.all(parts.map((part) => (typeof part === 'string' ? part : bytesOf(part as Binary))));
}

/** Expects Parlor's encoder to write `packet` as socket.io-parser does, byte for byte; returns the frames. */
async function expectStandard(packet: Packet): Promise<(string | Buffer)[]> {
  const frames = await onWire(encoder.encode(packet));
  // Buffers compare by their bytes.
  expect(frames).toEqual(await onWire(standard.encode(packet)));
  return frames;
}

/** What socket.io-parser's `Decoder` makes of the frames. */
function decode(frames: (string | Buffer)[]): Packet {
  const decoder = new Decoder();
  const decoded: Packet[] = [];
  decoder.on('decoded', (packet: Packet) => decoded.push(packet));
  for (const frame of frames) decoder.add(frame);
  expect(decoded).toHaveLength(1);
  return decoded[0]!;
}

/** `value` as the receiving side rebuilds it: binary values as Buffers of their bytes, objects as plain ones (toJSON's result when they have one). */
async function received(value: unknown): Promise<unknown> {
  if (typeof value !== 'object' || value === null) return value;
  if (isBinary(value)) return bytesOf(value);
  if (Array.isArray(value)) return Promise.all(value.map(received));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return received(toJSON.call(value));
  return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await received(v)] as const)));
}

/** Expects `packet` to be written as socket.io-parser writes it, and to decode back to it. */
async function expectRoundTrip(packet: Packet): Promise<void> {
  const frames = await expectStandard(packet);
  expect(decode(frames)).toEqual({ ...packet, data: await received(packet.data) });
}

/** A two-byte Blob, as socket.io-parser's Blob tests make one. */
const blob = () => new Blob([new ArrayBuffer(2)]);

// The encoding cases of socket.io-parser's own suite (packages/socket.io-parser/test/ in the
// socketio/socket.io repository), written again: parser.js for text packets, buffer.js,
// arraybuffer.js and blob.js for binary ones. Like its helpers.js, each packet must decode
// back to itself; here the attachments reach the decoder as copies of their bytes.
describe("socket.io-parser's encoding cases", () => {
  it.each<[string, Packet]>([
    ['a connection', { type: PacketType.CONNECT, nsp: '/woot', data: { token: '123' } }],
    ['a disconnection', { type: PacketType.DISCONNECT, nsp: '/woot' }],
    ['an event', { type: PacketType.EVENT, nsp: '/', data: ['a', 1, {}] }],
    ['an event with an integer as its name', { type: PacketType.EVENT, nsp: '/', data: [1, 'a', {}] }],
    ['an event with an ack id', { type: PacketType.EVENT, nsp: '/test', id: 1, data: ['a', 1, {}] }],
    ['an ack', { type: PacketType.ACK, nsp: '/', id: 123, data: ['a', 1, {}] }],
    ['a connect error', { type: PacketType.CONNECT_ERROR, nsp: '/', data: 'Unauthorized' }],
    ['a connect error with an object', { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'Unauthorized' } }],
  ])('text (parser.js): %s', async (_, packet) => {
    await expectRoundTrip(packet);
  });

  it('text (parser.js): refuses a circular payload, as socket.io-parser does', () => {
    const a: Record<string, unknown> = {};
    a.b = a;
    const packet = { type: PacketType.EVENT, nsp: '/', id: 1, data: a };
    expect(() => standard.encode(packet)).toThrow();
    expect(() => encoder.encode(packet)).toThrow();
  });

  it.each<[string, Packet]>([
    ['a Buffer', { type: PacketType.EVENT, nsp: '/cool', id: 23, data: ['a', Buffer.from('abc', 'utf8')] }],
    ['a nested Buffer', { type: PacketType.EVENT, nsp: '/cool', id: 23, data: ['a', { b: ['c', Buffer.from('abc', 'utf8')] }] }],
    ['a binary ack with a Buffer', { type: PacketType.ACK, nsp: '/back', id: 127, data: ['a', Buffer.from('xxx', 'utf8'), {}] }],
  ])('binary (buffer.js): %s', async (_, packet) => {
    const [header] = await expectStandard(packet);
    expect(header).toMatch(packet.type === PacketType.ACK ? /^61-/ : /^51-/);
    await expectRoundTrip(packet);
  });

  it('binary (buffer.js): a Buffer nested in an object with a toJSON method', async () => {
    class Message {
      constructor(private readonly file: Buffer) {}
      toJSON() {
        return { file: this.file };
      }
    }
    const packet = { type: PacketType.EVENT, nsp: '/', data: ['a', new Message(Buffer.from('abc', 'utf8'))] };
    const frames = await expectStandard(packet);
    expect(decode(frames).data).toEqual(['a', { file: Buffer.from('abc', 'utf8') }]);
  });

  it.each<[string, Packet]>([
    ['an ArrayBuffer', { type: PacketType.EVENT, nsp: '/', id: 0, data: ['a', new ArrayBuffer(2)] }],
    [
      'an ArrayBuffer in an object with a null prototype',
      { type: PacketType.EVENT, nsp: '/', id: 0, data: ['a', Object.create(null, { array: { value: new ArrayBuffer(2), enumerable: true } })] },
    ],
    ['a typed array', { type: PacketType.EVENT, nsp: '/', id: 0, data: ['a', Uint8Array.of(0, 1, 2, 3, 4)] }],
    [
      'ArrayBuffers deep in JSON',
      {
        type: PacketType.EVENT,
        nsp: '/deep',
        id: 999,
        data: ['a', { a: 'hi', b: { why: new ArrayBuffer(3) }, c: { a: 'bye', b: { a: new ArrayBuffer(6) } } }],
      },
    ],
    ['deep binary JSON with null values', { type: PacketType.EVENT, nsp: '/', id: 600, data: ['a', { a: 'b', c: 4, e: { g: null }, h: new ArrayBuffer(9) }] }],
    ['two typed arrays', { type: PacketType.EVENT, nsp: '/', data: ['a', Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)] }],
  ])('binary (arraybuffer.js): %s', async (_, packet) => {
    await expectRoundTrip(packet);
  });

  it('binary (arraybuffer.js): leaves the packet as it was', () => {
    const packet = { type: PacketType.EVENT, nsp: '/', data: ['a', Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)] };
    encoder.encode(packet);
    expect(packet).toStrictEqual({ type: PacketType.EVENT, nsp: '/', data: ['a', Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)] });
  });

  it.each<[string, () => Packet]>([
    ['a Blob', () => ({ type: PacketType.EVENT, nsp: '/', id: 0, data: ['a', blob()] })],
    ['a Blob deep in JSON', () => ({ type: PacketType.EVENT, nsp: '/deep', id: 999, data: ['a', { a: 'hi', b: { why: blob() }, c: 'bye' }] })],
    ['a binary ack with a Blob', () => ({ type: PacketType.ACK, nsp: '/deep', id: 999, data: [{ a: 'hi ack', b: { why: blob() }, c: 'bye ack' }] })],
  ])('binary (blob.js): %s', async (_, packet) => {
    await expectRoundTrip(packet());
  });
});

describe('wire parser', () => {
  it('writes what socket.io-parser writes for any JSON packet', () => {
    const packet = fc.record({
      type: fc.constantFrom(PacketType.EVENT, PacketType.ACK, PacketType.CONNECT, PacketType.CONNECT_ERROR, PacketType.DISCONNECT),
      nsp: fc.constantFrom('/', '/admin'),
      id: fc.option(fc.nat(), { nil: undefined }),
      data: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 4 }), fc.jsonValue(), fc.constant(undefined)),
    });
    fc.assert(
      fc.property(packet, (p) => {
        expect(encoder.encode(p as Packet)).toEqual(standard.encode(p as Packet));
      }),
      { numRuns: 500 },
    );
  });

  /** Every kind of binary value socket.io-parser sends as an attachment, Blob aside (its bytes come asynchronously). */
  const binary = fc
    .tuple(fc.uint8Array({ maxLength: 6 }), fc.constantFrom('Buffer', 'pooled Buffer', 'Uint8Array', 'Int16Array', 'Float64Array', 'ArrayBuffer', 'DataView', 'view with an offset'))
    .map(([bytes, kind]): Binary => {
      if (kind === 'Buffer') return Buffer.from(bytes);
      if (kind === 'pooled Buffer') return Buffer.from(Array.from(bytes)); // a slice of Node's shared pool
      if (kind === 'Uint8Array') return bytes;
      if (kind === 'Int16Array') return new Int16Array(bytes);
      if (kind === 'Float64Array') return new Float64Array(bytes);
      if (kind === 'ArrayBuffer') return bytes.buffer;
      if (kind === 'DataView') return new DataView(bytes.buffer);
      return Uint8Array.of(9, ...bytes, 9).subarray(1, -1);
    });
  /**
   * JSON values (integers: JSON has no -0) with binary values anywhere, sometimes in a toJSON's
   * result. Two quirks of socket.io-parser's binary path, which copies the packet before
   * writing it, are left out of what `received` expects: a toJSON directly on that result is
   * called too (JSON.stringify does not), and a `__proto__` key becomes the copy's prototype.
   */
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      binary,
      tie('array'),
      tie('object'),
      fc.oneof(tie('array'), tie('object')).map((inner) => ({ toJSON: () => inner })),
    ),
    array: fc.array(tie('value'), { maxLength: 3 }),
    object: fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 3 }),
  }));

  it('writes what socket.io-parser writes for any packet with binary data, and the decoder rebuilds it', async () => {
    const packet = fc.record({
      type: fc.constantFrom(PacketType.EVENT, PacketType.ACK),
      nsp: fc.constantFrom('/', '/admin'),
      id: fc.option(fc.nat(), { nil: undefined }),
      name: fc.string({ minLength: 1 }).filter((n) => !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(n)),
      args: fc.array(value, { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(packet, async ({ name, args, ...p }) => {
        await expectRoundTrip({ ...p, data: p.type === PacketType.EVENT ? [name, ...args] : args });
      }),
      { numRuns: 500 },
    );
  });

  it('writes any packet with binary data anywhere as socket.io-parser does (in a connect packet: as JSON)', async () => {
    const packet = fc.record({
      type: fc.constantFrom(PacketType.EVENT, PacketType.ACK, PacketType.CONNECT, PacketType.CONNECT_ERROR, PacketType.DISCONNECT),
      nsp: fc.constantFrom('/', '/admin'),
      id: fc.option(fc.nat(), { nil: undefined }),
      data: fc.oneof(value, fc.array(value, { maxLength: 3 })),
    });
    await fc.assert(
      fc.asyncProperty(packet, async (p) => {
        await expectStandard(p);
      }),
      { numRuns: 300 },
    );
  });

  it('sends binary data that JSON cannot hold as socket.io-parser does', async () => {
    await expectRoundTrip({ type: PacketType.EVENT, nsp: '/', data: ['a', BigInt64Array.of(1n, -2n)] });
    await expectStandard({ type: PacketType.EVENT, nsp: '/', data: ['a', () => 1] });
    await expectStandard({ type: PacketType.EVENT, nsp: '/', data: () => 1 });
  });

  it('writes as text what only looks like binary data in JSON', async () => {
    for (const look of [{}, [{}], { 0: 'a' }, { type: 'Buffer', data: [1, 2] }, 'Buffer {} {"0":1}']) {
      const [frame] = await expectStandard({ type: PacketType.EVENT, nsp: '/', data: ['a', look] });
      expect(frame).toBe(`2${JSON.stringify(['a', look])}`);
    }
  });

  it('writes a binary value given enumerable properties of its own as their JSON (a limit of the search, see the module)', () => {
    const buffer = Object.assign(new ArrayBuffer(2), { label: 'x' });
    expect(encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['a', buffer] })).toEqual(['2["a",{"label":"x"}]']);
  });

  it('writes an ack that carries an update just sent, and its undefined keys, as JSON.stringify would', async () => {
    const update = patch();
    await expectStandard({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] });
    await expectStandard({ type: PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true, patch: update, version: 7, skipped: undefined }] });
  });

  it('sends a payload changed since it was last sent as it is now, within one task too', () => {
    const payload = { list: [1] };
    const event = { type: PacketType.EVENT, nsp: '/', data: ['room:patch', payload] };
    expect(encoder.encode(event)).toEqual(['2["room:patch",{"list":[1]}]']);
    payload.list.push(2);
    expect(encoder.encode(event)).toEqual(['2["room:patch",{"list":[1,2]}]']);
  });

  it('acks an update changed since its broadcast with its new JSON', () => {
    const update = patch();
    encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] });
    update.version = 8;
    const [ack] = encoder.encode({ type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true, patch: update }] });
    expect(JSON.parse((ack as string).slice(2))[0].patch.version).toBe(8);
  });
});
