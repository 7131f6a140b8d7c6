'use client';

import { useEffect } from 'react';
import type { RoomSnapshot } from '@/game/protocol';
import { getSocket, type AppSocket } from './socket';
import { request } from './request';
import { useRoomStoreApi } from './room-store-context';

// A leave scheduled by an unmount, cancelled if the same room mounts again right away
// (React's development double-mount, or a retry) so we do not drop our own seat.
let pendingLeave: { code: string; timer: ReturnType<typeof setTimeout> } | null = null;

function cancelPendingLeave(code: string): void {
  if (pendingLeave?.code === code) {
    clearTimeout(pendingLeave.timer);
    pendingLeave = null;
  }
}

function scheduleLeave(socket: AppSocket, code: string): void {
  if (pendingLeave) clearTimeout(pendingLeave.timer);
  pendingLeave = {
    code,
    timer: setTimeout(() => {
      pendingLeave = null;
      void request(socket, 'room:leave', { code });
    }, 0),
  };
}

/** A readable message for a refused or failed connection. */
function connectErrorMessage(error: Error & { data?: unknown }): string {
  const data = error.data as { code?: string; message?: string } | undefined;
  const code = data?.code ?? error.message;
  if (code.includes('PROTOCOL_MISMATCH')) return 'Parlor was updated. Reload the page to keep playing.';
  if (code.includes('BAD_AUTH')) return 'Your session could not be verified. Reload the page.';
  return data?.message ?? error.message;
}

/**
 * Joins the room as `as` with `nickname` and keeps this page's store in step with the
 * server: applies each 'room:state', resyncs on a version gap, rejoins after every
 * reconnect (same token, so the same seat), and leaves when the page goes away.
 * `attempt` re-runs the join when the player asks to try again.
 */
export function useRoomConnection(nickname: string, as: 'player' | 'spectator', attempt: number): void {
  const store = useRoomStoreApi();

  useEffect(() => {
    const socket = getSocket();
    const { code } = store.getState();
    let active = true;
    cancelPendingLeave(code);

    async function join() {
      store.getState().setStatus('connecting');
      // After "Play instead" the store remembers the new role; rejoins keep it.
      const role = store.getState().as ?? as;
      const reply = await request(socket, 'room:join', { code, nickname, as: role });
      if (!active) return;
      if (reply.ok) store.getState().joined(reply);
      else if (socket.connected) store.getState().joinFailed({ code: reply.code, message: reply.message });
      // Not connected any more: the next 'connect' will try again.
    }

    async function sync() {
      const reply = await request(socket, 'room:sync', { code });
      if (active && reply.ok) store.getState().applySnapshot(reply.snapshot);
    }

    function onState(snapshot: RoomSnapshot) {
      if (store.getState().applySnapshot(snapshot) === 'gap') void sync();
    }

    function onConnect() {
      void join();
    }

    function onDisconnect(reason: string) {
      store.getState().setStatus('offline');
      // The server closed us on purpose (e.g. a restart); socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    }

    function onConnectError(error: Error) {
      if (socket.active) {
        // A transport problem: socket.io keeps retrying.
        store.getState().setStatus('offline');
      } else {
        // The server refused the handshake; retrying would not help.
        store.getState().joinFailed({ code: 'CONNECTION', message: connectErrorMessage(error) });
      }
    }

    socket.on('room:state', onState);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    // Already connected (e.g. we came from the home page): join now; otherwise 'connect' will.
    if (socket.connected) void join();

    return () => {
      active = false;
      socket.off('room:state', onState);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      // Walking away from a running game must not give up the seat: the player stays a
      // member (their tab still counts as present) and finds the same seat on return.
      const { snapshot, you } = store.getState();
      const seated = snapshot?.players.some((p) => p.id === you && p.seat !== null);
      if (!(snapshot?.phase === 'playing' && seated)) scheduleLeave(socket, code);
    };
  }, [store, nickname, as, attempt]);
}

/** Leaves the room now (the "Leave room" button), without waiting for the page to unmount. */
export async function leaveRoom(code: string): Promise<void> {
  cancelPendingLeave(code);
  await request(getSocket(), 'room:leave', { code });
}
