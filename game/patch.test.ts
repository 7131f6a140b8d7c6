import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { view } from './codewords/view';
import { clueFor, first, play, start } from './codewords/testing';
import { applyPatch, diff, patchFits, type PatchOp } from './patch';
import type { RoomSnapshot } from './protocol';
import { applyRoomPatch, roomPatch, roomPatchFits, sharedPatch } from './room-patch';

/** JSON trees over a few keys and short arrays, so two of them often share structure. */
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, 'x', 'y'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'length'), tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** What the wire does to ops: they travel as JSON. */
const overTheWire = (ops: PatchOp[]): PatchOp[] => JSON.parse(JSON.stringify(ops)) as PatchOp[];

describe('diff and applyPatch', () => {
  it('rebuild the target from the base, after a JSON round trip, without touching the base', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(tree, tree), fc.tuple(fc.jsonValue(), fc.jsonValue())), ([a, b]) => {
        const base = JSON.parse(JSON.stringify(a ?? null)) as unknown;
        const target = JSON.parse(JSON.stringify(b ?? null)) as unknown;
        const frozen = structuredClone(base);
        const result = applyPatch(base, overTheWire(diff(base, target)));
        expect(result).toEqual(target);
        expect(base).toEqual(frozen);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('is empty for equal trees and shares every unchanged subtree', () => {
    const base = { a: { deep: [1, 2, 3] }, b: [{ x: 1 }, { x: 2 }], c: 'same' };
    expect(diff(base, structuredClone(base))).toEqual([]);
    const next = applyPatch(base, [[['b', 1, 'x'], 5]]);
    expect(next).toEqual({ a: { deep: [1, 2, 3] }, b: [{ x: 1 }, { x: 5 }], c: 'same' });
    expect(next.a).toBe(base.a);
    expect(next.b[0]).toBe(base.b[0]);
    expect(next.b).not.toBe(base.b);
  });

  it('appends to, truncates and deletes from what it patches', () => {
    expect(diff({ log: [1, 2] }, { log: [1, 2, 3] })).toEqual([[['log', 2], 3]]);
    expect(diff({ log: [1, 2, 3] }, { log: [1] })).toEqual([[['log', 'length'], 1]]);
    expect(diff({ a: 1, b: 2 }, { a: 1 })).toEqual([[['b']]]);
    expect(applyPatch({ log: [1, 2, 3] }, [[['log', 'length'], 1]])).toEqual({ log: [1] });
    expect(applyPatch({ a: 1, b: 2 }, [[['b']]])).toEqual({ a: 1 });
  });

  it('leaves out the ignored keys of the root only', () => {
    const before = { version: 1, a: { version: 1 } };
    const after = { version: 2, a: { version: 2 }, b: 3 };
    expect(diff(before, after, new Set(['version']))).toEqual([[['a', 'version'], 2], [['b'], 3]]);
    expect(diff(after, before, new Set(['b']))).toEqual([[['version'], 1], [['a', 'version'], 1]]);
  });

  it('refuses paths through prototypes or through values that are not objects', () => {
    expect(() => applyPatch({}, [[['__proto__', 'polluted'], true]])).toThrow(/forbidden/);
    expect(() => applyPatch({ a: { b: 1 } }, [[['a', 'constructor', 'prototype'], 1]])).toThrow(/forbidden/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => applyPatch({ a: 1 }, [[['a', 'b'], 1]])).toThrow(/no object/);
    expect(() => applyPatch(3, [[['a'], 1]])).toThrow(/not an object/);
  });
});

describe('patchFits', () => {
  it("holds for a tree's own patch, after a JSON round trip", () => {
    fc.assert(
      fc.property(fc.tuple(tree, tree), ([a, b]) => {
        const [base, target] = [a ?? null, b ?? null].map((x) => JSON.parse(JSON.stringify(x)) as unknown);
        const own = diff(base, target);
        expect(patchFits(overTheWire(own), own, base, target)).toBe(true);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("holds for another tree's patch only when applying it gives exactly the target", () => {
    // Two views of one tree: the public part and, on one side only, a secret that may change.
    const pair = fc.tuple(tree, tree, tree, fc.oneof(tree, fc.constant('same')));
    let fits = 0;
    fc.assert(
      fc.property(pair, ([x0, x1, s0, s1]) => {
        const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;
        const pub0 = json({ pub: x0 });
        const pub1 = json({ pub: x1 });
        const key0 = json({ pub: x0, secret: s0 });
        const key1 = json({ pub: x1, secret: s1 === 'same' ? s0 : s1 });
        for (const [ops, before, after] of [
          [diff(pub0, pub1), key0, key1],
          [diff(key0, key1), pub0, pub1],
        ] as const) {
          if (!patchFits(ops, diff(before, after), before, after)) continue;
          fits++;
          expect(applyPatch(before, ops)).toEqual(after);
        }
      }),
      { numRuns: 500, seed: 12 },
    );
    // The property must have been tested where it matters, not only vacuously.
    expect(fits).toBeGreaterThan(200);
  });

  it('refuses ops that miss a change, write a wrong value, or name a key the other side never had', () => {
    const fits = (ops: PatchOp[], before: unknown, after: unknown) => patchFits(ops, diff(before, after), before, after);
    const before = { pub: 1, secret: 'a' };
    expect(fits([[['pub'], 2]], before, { pub: 2, secret: 'a' })).toBe(true);
    expect(fits([[['pub'], 2]], before, { pub: 2, secret: 'b' })).toBe(false);
    expect(fits([[['pub'], 3]], before, { pub: 2, secret: 'a' })).toBe(false);
    expect(fits([[['pub'], 2], [['hidden']]], before, { pub: 2, secret: 'a' })).toBe(false);
    expect(fits([[['list', 'length'], 1]], { list: [1, 2] }, { list: [1] })).toBe(true);
    expect(fits([[['list', 'length'], 1]], { list: [1, 2] }, { list: [2] })).toBe(false);
    expect(fits([[['a', 'b'], 1]], { a: 1 }, { a: { b: 1 } })).toBe(false);
    expect(fits([[['a'], { b: 1 }]], { a: 1 }, { a: { b: 1 } })).toBe(true);
    expect(fits([[['__proto__', 'x'], 1]], {}, {})).toBe(false);
  });
});

describe('room patches', () => {
  const snapshot = (version: number, v: unknown, audience = 'public'): RoomSnapshot => ({
    code: 'ABCD',
    version,
    gameId: 'codewords',
    phase: 'playing',
    public: false,
    hostId: 'p_1',
    players: [{ id: 'p_1', nickname: 'Ana', seat: 'red:spymaster', connected: true }],
    spectators: 0,
    seats: [],
    settings: { words: 'default' },
    gameNumber: 1,
    serverTime: 1000 + version,
    audience,
    view: v,
  });

  it('carry a guess as a few small ops, and rebuild the next snapshot exactly', () => {
    let state = start({ seed: 7 });
    const team = state.turn.team;
    state = play(state, `${team}:spymaster`, { type: 'clue', word: clueFor(state.cards), count: 2, turn: 1 });
    const before = snapshot(10, view(state, 'public'));
    state = play(state, `${team}:operative`, { type: 'guess', card: first(state, team), turn: 1 });
    const after = snapshot(11, view(state, 'public'));
    const patch = roomPatch(before, after);
    expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(after).length / 5);
    const rebuilt = applyRoomPatch(before, JSON.parse(JSON.stringify(patch)) as typeof patch);
    expect(rebuilt).toEqual(after);
    // No op for what the envelope carries.
    expect(patch.ops.some(([path]) => path[0] === 'version' || path[0] === 'serverTime')).toBe(false);
  });

  it("of the public serve the spymasters too, while the spymasters' own do not serve the public", () => {
    let state = start({ seed: 7 });
    const team = state.turn.team;
    const snaps = () => [snapshot(0, view(state, 'public')), snapshot(0, view(state, 'spymaster'), 'spymaster')] as const;
    const step = (by: string, move: Parameters<typeof play>[2], version: number) => {
      const [pub0, key0] = snaps().map((s) => ({ ...s, version: version - 1, serverTime: 1 }));
      state = play(state, by, move);
      const [pub1, key1] = snaps().map((s) => ({ ...s, version, serverTime: 1 }));
      return { pub0: pub0!, key0: key0!, pub1: pub1!, key1: key1!, pub: roomPatch(pub0!, pub1!), key: roomPatch(key0!, key1!) };
    };
    // A clue: the same change for both.
    const clue = step(`${team}:spymaster`, { type: 'clue', word: clueFor(state.cards), count: 2, turn: 1 }, 11);
    expect(clue.pub.ops).toEqual(clue.key.ops);
    expect(roomPatchFits(clue.pub, { before: clue.key0, after: clue.key1, patch: clue.key })).toBe(true);
    // A guess: the public's patch also turns the card's colour up, which the key already shows.
    const guess = step(`${team}:operative`, { type: 'guess', card: first(state, team), turn: 1 }, 12);
    expect(guess.pub.ops.length).toBe(guess.key.ops.length + 1);
    const keyChange = { before: guess.key0, after: guess.key1, patch: guess.key };
    expect(roomPatchFits(guess.pub, keyChange)).toBe(true);
    expect(roomPatchFits(guess.key, { before: guess.pub0, after: guess.pub1, patch: guess.pub })).toBe(false);
    // Shared, it names no audience and rebuilds each audience's own next snapshot.
    const shared = sharedPatch(guess.pub);
    expect(shared).not.toHaveProperty('audience');
    expect(applyRoomPatch(guess.key0, shared)).toEqual(guess.key1);
    expect(applyRoomPatch(guess.pub0, shared)).toEqual(guess.pub1);
    // Of another version or time, it does not fit.
    expect(roomPatchFits({ ...guess.pub, version: 13 }, keyChange)).toBe(false);
    expect(roomPatchFits({ ...guess.pub, serverTime: 2 }, keyChange)).toBe(false);
  });

  it('do not apply to another version, audience or room', () => {
    const before = snapshot(10, { n: 1 });
    const patch = roomPatch(before, snapshot(11, { n: 2 }));
    expect(applyRoomPatch(before, patch)?.view).toEqual({ n: 2 });
    expect(applyRoomPatch(snapshot(9, { n: 1 }), patch)).toBeNull();
    expect(applyRoomPatch(snapshot(10, { n: 1 }, 'spymaster'), patch)).toBeNull();
    expect(applyRoomPatch({ ...before, code: 'WXYZ' }, patch)).toBeNull();
    expect(applyRoomPatch(snapshot(10, null), patch)).toBeNull();
  });
});
