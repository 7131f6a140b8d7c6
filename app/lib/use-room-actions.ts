'use client';

import { useMemo } from 'react';
import { getSocket } from './socket';
import { awaitMissingVersions, refusalMessage, request, syncRoom, type RequestEvent, type RequestPayload } from './request';
import { useRoomStoreApi } from './room-store-context';

/**
 * The intents a room page can send. Each request resolves true when the server accepted
 * it. `Move` is the move type of the room's game (its UI names it; the server parses it).
 */
export interface RoomActionsApi<Move = unknown> {
  seat(seat: string | null): Promise<boolean>;
  /** The host's settings: the room's visibility and the game's settings (a missing field keeps its value; none keeps them all). */
  updateSettings(isPublic: boolean, settings?: Readonly<Record<string, unknown>>): Promise<boolean>;
  start(): Promise<boolean>;
  rematch(): Promise<boolean>;
  backToLobby(): Promise<boolean>;
  move(move: Move): Promise<boolean>;
  /**
   * Sends a frame of the game's stream (`game:stream`): no ack, no version, dropped rather
   * than queued when the socket is down. Only once joined; returns whether it was sent.
   */
  stream(data: unknown): boolean;
  /** Switches a spectator to a player by joining again. */
  playInstead(nickname: string): Promise<boolean>;
  /** Host: removes a player or spectator for good. */
  kick(playerId: string): Promise<boolean>;
  /** Host: puts a player in a seat, or none (`null`); mid-game this hands the seat over. */
  assign(playerId: string, seat: string | null): Promise<boolean>;
  /** Host: makes another player the host. */
  makeHost(playerId: string): Promise<boolean>;
  /** A seated player: casts (`true`) or withdraws (`false`) a vote to remove another player. */
  voteKick(playerId: string, vote: boolean): Promise<boolean>;
  /**
   * Sends a chat line. Resolves null when sent (the line itself arrives as 'chat:message'),
   * else the message to show next to the chat box (not in the page's alert).
   */
  sendChat(text: string): Promise<string | null>;
}

/**
 * The room's intents, bound to this page's store: each one emits, waits for the ack and
 * puts a rejection's message in the store, where the alert shows it. An accepted change
 * comes back in the ack as this tab's patch (other tabs get it as a 'room:patch').
 */
export function useRoomActions<Move = unknown>(): RoomActionsApi<Move> {
  const store = useRoomStoreApi();

  return useMemo((): RoomActionsApi<Move> => {
    const code = store.getState().code;

    async function send<E extends RequestEvent>(event: E, payload: RequestPayload<E>): Promise<boolean> {
      // getSocket() here, not at render: render also runs on the server.
      const reply = await request(getSocket(), event, payload);
      if (!reply.ok) {
        store.getState().setError(refusalMessage(reply));
        return false;
      }
      store.getState().setError(null);
      // The change as this tab sees it rides in the ack (no 'room:patch' event comes for it).
      const patch = 'patch' in reply ? reply.patch : undefined;
      // Early (another node's version before it is still on its way): wait a moment as for any patch.
      if (patch && store.getState().applyPatch(patch) === 'gap' && store.getState().status === 'joined') {
        awaitMissingVersions(store, patch.version, () => void syncRoom(getSocket(), store));
      }
      return true;
    }

    return {
      seat: (seat) => send('room:seat', { code, seat }),
      updateSettings: (isPublic, settings) => send('room:settings', { code, public: isPublic, settings }),
      start: () => send('room:start', { code }),
      rematch: () => send('room:rematch', { code }),
      backToLobby: () => send('room:lobby', { code }),
      move: (move) => send('game:move', { code, move }),
      kick: (playerId) => send('room:kick', { code, playerId }),
      assign: (playerId, seat) => send('room:assign', { code, playerId, seat }),
      makeHost: (playerId) => send('room:host', { code, playerId }),
      voteKick: (playerId, vote) => send('room:vote-kick', { code, playerId, vote }),
      stream(data) {
        const socket = getSocket();
        if (store.getState().status !== 'joined' || !socket.connected) return false;
        // Volatile: a frame the transport cannot take now is dropped, not replayed late.
        socket.volatile.emit('game:stream', { code, data });
        return true;
      },
      async sendChat(text) {
        const reply = await request(getSocket(), 'chat:send', { code, text });
        return reply.ok ? null : refusalMessage(reply);
      },
      async playInstead(nickname) {
        const reply = await request(getSocket(), 'room:join', { code, nickname, as: 'player' });
        if (!reply.ok) {
          store.getState().setError(refusalMessage(reply));
          return false;
        }
        store.getState().joined(reply);
        return true;
      },
    };
  }, [store]);
}
