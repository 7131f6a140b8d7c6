import { describe, expect, it } from 'vitest';
import { RoomFollower, applyRoomPatch, roomPatch } from './room-patch';
import type { RoomSnapshot } from './protocol';
import { lobbySnapshot as snapshot } from './testing';

/** A follower and every snapshot it held, in order. */
function following(code = 'ABCD') {
  const held: RoomSnapshot[] = [];
  return { follower: new RoomFollower(code, (s) => held.push(s)), held };
}

describe('roomPatch and applyRoomPatch', () => {
  it('rebuild the next version from the envelope and the ops', () => {
    const v3 = snapshot(3);
    const v4 = snapshot(4, { spectators: 2 });
    const patch = roomPatch(v3, v4);
    expect(patch.ops).toEqual([[['spectators'], 2]]);
    expect(applyRoomPatch(v3, patch)).toEqual(v4);
  });

  it('refuse a patch of another room, audience or version', () => {
    const patch = roomPatch(snapshot(3), snapshot(4, { spectators: 1 }));
    expect(applyRoomPatch(snapshot(2), patch)).toBeNull();
    expect(applyRoomPatch({ ...snapshot(3), audience: 'spymaster' }, patch)).toBeNull();
    expect(applyRoomPatch({ ...snapshot(3), code: 'WXYZ' }, patch)).toBeNull();
  });
});

describe('RoomFollower', () => {
  it('follows snapshots and patches in order, and drops old and foreign ones', () => {
    const { follower, held } = following();
    expect(follower.state(snapshot(3))).toBe('applied');
    expect(follower.patch(roomPatch(snapshot(3), snapshot(4, { spectators: 1 })))).toBe('applied');
    expect(follower.state(snapshot(4))).toBe('stale');
    expect(follower.state(snapshot(9, { code: 'WXYZ' }))).toBe('stale');
    expect(follower.patch({ ...roomPatch(snapshot(4), snapshot(5)), code: 'WXYZ' })).toBe('stale');
    expect(held.map((s) => [s.version, s.spectators])).toEqual([
      [3, 0],
      [4, 1],
    ]);
  });

  it('reports a skipped version, and a patch that does not follow what it holds', () => {
    const { follower } = following();
    follower.state(snapshot(3));
    expect(follower.state(snapshot(5))).toBe('gap');
    expect(follower.patch({ ...roomPatch(snapshot(5), snapshot(6)), audience: 'spymaster' })).toBe('gap');
    expect(follower.snapshot!.version).toBe(5);
  });

  it('keeps patches that come before the join answer, and applies them after it', () => {
    const { follower, held } = following();
    const v4 = snapshot(4);
    const v5 = snapshot(5, { spectators: 1 });
    const v6 = snapshot(6, { spectators: 2 });
    expect(follower.patch(roomPatch(v5, v6))).toBe('waiting');
    expect(follower.patch(roomPatch(v4, v5))).toBe('waiting');
    expect(follower.state(v4)).toBe('applied');
    expect(held.map((s) => s.version)).toEqual([4, 5, 6]);
    expect(follower.snapshot).toEqual(v6);
  });

  it('applies a patch an ack carried after a later patch that waited for it', () => {
    // The mover's ack (version 5) is handled after the next event (version 6) of the same read.
    const { follower, held } = following();
    const v4 = snapshot(4);
    const v5 = snapshot(5, { spectators: 1 });
    const v6 = snapshot(6, { spectators: 2 });
    follower.state(v4);
    expect(follower.patch(roomPatch(v5, v6))).toBe('gap');
    expect(follower.patch(roomPatch(v4, v5))).toBe('applied');
    expect(held.map((s) => s.version)).toEqual([4, 5, 6]);
    // Nothing waits any more: the next whole snapshot is no gap.
    expect(follower.state(snapshot(7))).toBe('applied');
  });

  it('keeps at most maxPending waiting patches, and forgets everything on reset', () => {
    const follower = new RoomFollower('ABCD', () => {}, 2);
    for (let v = 5; v <= 8; v++) follower.patch(roomPatch(snapshot(v - 1), snapshot(v)));
    follower.state(snapshot(4));
    // Versions 5 and 6 were let go: 7 and 8 still wait for them.
    expect(follower.snapshot!.version).toBe(4);
    // A snapshot that skips a version is a gap, but the patches after it apply.
    expect(follower.state(snapshot(6))).toBe('gap');
    expect(follower.snapshot!.version).toBe(8);
    follower.reset();
    expect(follower.snapshot).toBeNull();
    expect(follower.state(snapshot(2))).toBe('applied');
  });
});
