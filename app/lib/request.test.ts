import { afterEach, describe, expect, it, vi } from 'vitest';
import { roomPatch } from '@/game/room-patch';
import { lobbySnapshot as snapshot } from '@/game/testing';
import { awaitMissingVersions, GAP_GRACE_MS, stopAwaitingVersions } from './request';
import { createRoomStore } from './room-store';

afterEach(() => {
  vi.useRealTimers();
});

describe('awaitMissingVersions', () => {
  it('lets an early patch wait for the version before it, from an event or an ack alike, and fetches the room once only if that never comes', () => {
    vi.useFakeTimers();
    const store = createRoomStore('ABCD');
    const [v3, v4, v5, v6] = [3, 4, 5, 6].map((v) => snapshot(v, { spectators: v }));
    store.getState().applySnapshot(v3!);
    const sync = vi.fn();
    // v5 (say, this tab's own move, in its ack) before v4 (another node's, still in the stream).
    expect(store.getState().applyPatch(roomPatch(v4!, v5!))).toBe('gap');
    awaitMissingVersions(store, 5, sync);
    vi.advanceTimersByTime(GAP_GRACE_MS / 2);
    expect(store.getState().applyPatch(roomPatch(v3!, v4!))).toBe('applied');
    vi.advanceTimersByTime(GAP_GRACE_MS);
    // v4 came: the held v5 applied with it, and nothing was fetched.
    expect(store.getState().snapshot?.version).toBe(5);
    expect(sync).not.toHaveBeenCalled();

    // Two early patches whose base never comes: one fetch, after the grace.
    const v7 = snapshot(7, { spectators: 7 });
    const v8 = snapshot(8, { spectators: 8 });
    expect(store.getState().applyPatch(roomPatch(v6!, v7))).toBe('gap');
    awaitMissingVersions(store, 7, sync);
    expect(store.getState().applyPatch(roomPatch(v7, v8))).toBe('gap');
    awaitMissingVersions(store, 8, sync);
    vi.advanceTimersByTime(GAP_GRACE_MS - 1);
    expect(sync).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sync).toHaveBeenCalledTimes(1);

    // A page that stops following the room stops waiting.
    awaitMissingVersions(store, 9, sync);
    stopAwaitingVersions(store);
    vi.advanceTimersByTime(GAP_GRACE_MS * 2);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
