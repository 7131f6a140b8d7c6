import fc from 'fast-check';
import { Encoder as StandardEncoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Encoder } from './wire-parser';

const standard = new StandardEncoder();
const encoder = new Encoder();

const patch = () => ({ code: 'ABCD', version: 7, audience: 'public', serverTime: 1, ops: [[['view', 'cards', 3, 'revealed'], true]] });

describe('wire parser', () => {
  it('writes what socket.io-parser writes for any JSON event or ack', () => {
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

  it('writes an ack that carries an update just sent, and its undefined keys, as JSON.stringify would', () => {
    const update = patch();
    const event = { type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] };
    const ack = { type: PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true, patch: update, version: 7, skipped: undefined }] };
    expect(encoder.encode(event)).toEqual(standard.encode(event));
    expect(encoder.encode(ack)).toEqual(standard.encode(ack));
  });

  it('serialises an update once for its broadcast and the ack that carries it', () => {
    const update = patch();
    encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] });
    // Updates are never changed after they are sent; this one is, to show which JSON the ack used.
    (update as { version: number }).version = 8;
    const [ack] = encoder.encode({ type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true, patch: update }] });
    expect(JSON.parse(ack!.slice(2))[0].patch.version).toBe(7);
  });

  it('keeps only the last few payloads: an old one is serialised again', () => {
    const update = patch();
    encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] });
    for (let i = 0; i < 8; i++) encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', patch()] });
    (update as { version: number }).version = 8;
    const [again] = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['room:patch', update] });
    expect(JSON.parse(again!.slice(1))[1].version).toBe(8);
  });
});
