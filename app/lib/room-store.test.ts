import { describe, expect, it } from 'vitest';
import { roomPatch } from '@/game/room-patch';
import { lobbySnapshot as snapshot } from '@/game/testing';
import { createRoomStore } from './room-store';

describe('room store patches', () => {
  it('applies the next version and keeps unchanged parts by reference', () => {
    const store = createRoomStore('ABCD');
    const first = snapshot(3, { serverTime: Date.now() });
    store.getState().applySnapshot(first);
    const next = snapshot(4, { spectators: 2, serverTime: first.serverTime + 5000 });
    expect(store.getState().applyPatch(roomPatch(first, next))).toBe('applied');
    const held = store.getState().snapshot!;
    expect(held).toEqual(next);
    expect(held.players).toBe(first.players);
    // The clock offset follows the newest server time.
    expect(store.getState().clockOffset).toBeGreaterThan(4000);
  });

  it('follows votes to remove a player as they come and go, without touching the players', () => {
    const store = createRoomStore('ABCD');
    const first = snapshot(3);
    store.getState().applySnapshot(first);
    const voted = snapshot(4, { kickVotes: { p_2: ['p_1'] } });
    const patch = roomPatch(first, voted);
    expect(patch.ops).toEqual([[['kickVotes'], { p_2: ['p_1'] }]]);
    expect(store.getState().applyPatch(patch)).toBe('applied');
    expect(store.getState().snapshot!.kickVotes).toEqual({ p_2: ['p_1'] });
    expect(store.getState().snapshot!.players).toBe(first.players);
    // The last vote withdrawn: the field goes, as in a fresh snapshot without votes.
    expect(store.getState().applyPatch(roomPatch(voted, snapshot(5)))).toBe('applied');
    expect(store.getState().snapshot).toEqual(snapshot(5));
    expect('kickVotes' in store.getState().snapshot!).toBe(false);
  });

  it('drops old and foreign patches, waits for the join while it holds nothing, and reports gaps', () => {
    const store = createRoomStore('ABCD');
    const v3 = snapshot(3);
    const toV4 = roomPatch(v3, snapshot(4, { spectators: 1 }));
    // Joining: the join's answer brings the room; nothing to resync.
    expect(store.getState().applyPatch(toV4)).toBe('waiting');
    store.getState().applySnapshot(snapshot(4));
    expect(store.getState().applyPatch(toV4)).toBe('stale');
    expect(store.getState().applyPatch({ ...toV4, code: 'WXYZ', version: 5 })).toBe('stale');
    // Version 5 was missed: a patch to 6 cannot apply, and nothing changes.
    const toV6 = roomPatch(snapshot(5), snapshot(6, { spectators: 9 }));
    expect(store.getState().applyPatch(toV6)).toBe('gap');
    expect(store.getState().snapshot!.version).toBe(4);
    // So is a patch for another audience's view of the next version.
    expect(store.getState().applyPatch({ ...roomPatch(snapshot(4), snapshot(5)), audience: 'spymaster' })).toBe('gap');
  });

  it('keeps patches that arrive before the join answer and applies them after it', () => {
    const store = createRoomStore('ABCD');
    const v4 = snapshot(4);
    const v5 = snapshot(5, { spectators: 1 });
    // The join answer (version 4) trails the patch to version 5 it was sent before.
    expect(store.getState().applyPatch(roomPatch(v4, v5))).toBe('waiting');
    expect(store.getState().applySnapshot(v4)).toBe('applied');
    expect(store.getState().snapshot).toEqual(v5);
  });
});
