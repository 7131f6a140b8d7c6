'use client';

import { useEffect } from 'react';
import { ErrorCode } from '@/game/errors';
import type { ChatMessage, GameNotice, RemovalReason, RoomPatch, RoomSnapshot, StreamFrame } from '@/game/protocol';
import { getSocket, listen, type AppSocket } from './socket';
import { awaitMissingVersions, request, stopAwaitingVersions, syncRoom } from './request';
import type { RoomEvents } from './room-events';
import { useRoomEvents, useRoomStoreApi } from './room-store-context';
import type { RoomStoreApi } from './room-store';

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
 * How long to wait before reconnecting after the server closed the connection on purpose
 * (a restart): the hint from 'server:restarting' if any, spread by ±50% so a whole room of
 * tabs does not knock at the same instant. Failures after that use socket.io's own backoff.
 */
function reconnectDelay(hintMs: number | null): number {
  const base = Math.min(Math.max(hintMs ?? 500, 250), 5000);
  return Math.round(base * (0.5 + Math.random()));
}

/**
 * Joins the room as `as` with `nickname` and keeps this page's store in step with the
 * server: applies each 'room:state' and 'room:patch', resyncs on a version gap, rejoins after every
 * reconnect (same token, so the same seat), and leaves when the page goes away. The game's
 * stream frames and private notices go to the room's event bus, not to the store.
 * `attempt` re-runs the join when the player asks to try again.
 */
export function useRoomConnection(nickname: string, as: 'player' | 'spectator', attempt: number): void {
  const store = useRoomStoreApi();
  const events = useRoomEvents();

  useEffect(() => {
    // Now, not in the task below: a leave that an unmount of this room just scheduled must
    // not fire first (a retry remounts at once and keeps its seat).
    cancelPendingLeave(store.getState().code);
    // The socket is created (and socket.io-client's connection code first runs) in a task
    // of its own: on the first mount this effect runs right after React commits the room,
    // and on a phone the commit and the connection together made one long task.
    let stop: (() => void) | null = null;
    const start = setTimeout(() => {
      stop = connectRoom(store, events, nickname, as);
    }, 0);
    return () => {
      clearTimeout(start);
      stop?.();
    };
  }, [store, events, nickname, as, attempt]);
}

/**
 * The body of `useRoomConnection`'s effect: opens (or reuses) the socket, joins and follows
 * the room. The returned function stops following it and leaves unless a game holds the seat.
 */
function connectRoom(store: RoomStoreApi, events: RoomEvents, nickname: string, as: 'player' | 'spectator'): () => void {
  const socket = getSocket();
  const { code } = store.getState();
  let active = true;
  // The last 'server:restarting' hint, and the timers this connection owns.
  let restartHintMs: number | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  async function join() {
    // Taken out of the room (kicked, expired, left elsewhere): do not walk back in on a reconnect.
    if (store.getState().removed) return;
    store.getState().setStatus('connecting');
    // After "Play instead" the store remembers the new role; rejoins keep it.
    const role = store.getState().as ?? as;
    // A rejoin (we were in the room before this reconnect) that finds no room means the
    // room closed while we were away, or a restart lost it: say so, not "not found".
    const wasIn = store.getState().snapshot !== null;
    const reply = await request(socket, 'room:join', { code, nickname, as: role });
    if (!active) return;
    if (reply.ok) {
      // Patches newer than the answer's snapshot that still do not follow it: fetch the room.
      if (store.getState().joined(reply) === 'gap') void sync();
    }
    else if (reply.code === ErrorCode.ROOM_NOT_FOUND && wasIn) store.getState().removedFrom('expired');
    else if (reply.code === ErrorCode.RATE_LIMITED) {
      // Many rejoins at once (a restart, a flaky network): wait as told, then try again.
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void join(), (reply.retryAfterMs ?? 1000) + Math.random() * 500);
    } else if (socket.connected) store.getState().joinFailed({ code: reply.code, message: reply.message });
    // Not connected any more: the next 'connect' will try again.
  }

  function sync() {
    return syncRoom(socket, store, () => active);
  }

  function onState(snapshot: RoomSnapshot) {
    if (store.getState().applySnapshot(snapshot) === 'gap') void sync();
  }

  function onPatch(patch: RoomPatch) {
    // While (re)joining, the join's answer brings the whole room: no sync needed.
    if (store.getState().applyPatch(patch) !== 'gap' || store.getState().status !== 'joined') return;
    awaitMissingVersions(store, patch.version, () => void sync());
  }

  function onChat(message: ChatMessage) {
    store.getState().addChat(message);
  }

  // Frames and notices of another room (one can arrive while we switch rooms) are dropped.
  function onStream(frame: StreamFrame) {
    if (frame.code === code) events.emit('stream', frame);
  }

  function onNotice(notice: GameNotice) {
    if (notice.code === code) events.emit('notice', notice);
  }

  function onRemoved(notice: { code: string; reason: RemovalReason }) {
    if (notice.code !== code) return;
    // Our own "Leave room" also tells this tab; it is already on its way home.
    if (notice.reason === 'left' && store.getState().leaving) return;
    store.getState().removedFrom(notice.reason);
  }

  function onRestarting(notice: { reconnectInMs: number }) {
    restartHintMs = notice.reconnectInMs;
    store.getState().setRestarting(true);
  }

  function onConnect() {
    void join();
  }

  function onDisconnect(reason: string) {
    if (!store.getState().removed) store.getState().setStatus('offline');
    // The server closed us on purpose (e.g. a restart); socket.io does not retry that by
    // itself. Retry after a spread-out delay; if the server is still down, socket.io's
    // reconnection backoff takes over from that first attempt.
    if (reason === 'io server disconnect') {
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        if (!socket.connected) socket.connect();
      }, reconnectDelay(restartHintMs));
    }
  }

  // Back online after a network drop: socket.io may be sleeping in a backoff of up to
  // several seconds; start a fresh attempt now (disconnect() also resets the backoff).
  function onOnline() {
    if (socket.connected) return;
    socket.disconnect();
    socket.connect();
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

  const stopListening = listen(socket, {
    'room:state': onState,
    'room:patch': onPatch,
    'chat:message': onChat,
    'game:stream': onStream,
    'game:notice': onNotice,
    'room:removed': onRemoved,
    'server:restarting': onRestarting,
    connect: onConnect,
    disconnect: onDisconnect,
    connect_error: onConnectError,
  });
  window.addEventListener('online', onOnline);
  // Already connected (e.g. we came from the home page): join now; otherwise 'connect' will.
  if (socket.connected) void join();

  return () => {
    active = false;
    if (retryTimer) clearTimeout(retryTimer);
    stopAwaitingVersions(store);
    // A pending reconnect stays wanted after unmount (the socket is shared by every page),
    // so it is left to fire; it only calls connect() on a disconnected socket.
    stopListening();
    window.removeEventListener('online', onOnline);
    // Walking away from a running game must not give up the seat: the player stays a
    // member (their tab still counts as present) and finds the same seat on return.
    const { snapshot, you, removed } = store.getState();
    // Already out of the room: nothing to leave.
    if (removed) return;
    const seated = snapshot?.players.some((p) => p.id === you && p.seat !== null);
    if (!(snapshot?.phase === 'playing' && seated)) scheduleLeave(socket, code);
  };
}

/** Leaves the room now (the "Leave room" button), without waiting for the page to unmount. */
export async function leaveRoom(code: string): Promise<void> {
  cancelPendingLeave(code);
  await request(getSocket(), 'room:leave', { code });
}
