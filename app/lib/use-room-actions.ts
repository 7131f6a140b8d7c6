'use client';

import { useMemo } from 'react';
import type { CodewordsMove } from '@/game/codewords/types';
import { getSocket } from './socket';
import { request, type RequestEvent, type RequestPayload } from './request';
import { useRoomStoreApi } from './room-store-context';

/** Settings the host sends from the lobby form; a missing field keeps its current value. */
export interface SettingsInput {
  readonly turnSeconds?: number | null;
  readonly customWords?: string[] | null;
}

/** The intents a room page can send. Each resolves true when the server accepted it. */
export interface RoomActionsApi {
  seat(seat: string | null): Promise<boolean>;
  updateSettings(isPublic: boolean, settings: SettingsInput): Promise<boolean>;
  start(): Promise<boolean>;
  rematch(): Promise<boolean>;
  backToLobby(): Promise<boolean>;
  move(move: CodewordsMove): Promise<boolean>;
  /** Switches a spectator to a player by joining again. */
  playInstead(nickname: string): Promise<boolean>;
}

/**
 * The room's intents, bound to this page's store: each one emits, waits for the ack and
 * puts a rejection's message in the store, where the alert shows it. State changes
 * themselves arrive through 'room:state', never from the ack.
 */
export function useRoomActions(): RoomActionsApi {
  const store = useRoomStoreApi();

  return useMemo(() => {
    const code = store.getState().code;

    async function send<E extends RequestEvent>(event: E, payload: RequestPayload<E>): Promise<boolean> {
      // getSocket() here, not at render: render also runs on the server.
      const reply = await request(getSocket(), event, payload);
      if (!reply.ok) {
        store.getState().setError(reply.message);
        return false;
      }
      store.getState().setError(null);
      return true;
    }

    return {
      seat: (seat) => send('room:seat', { code, seat }),
      updateSettings: (isPublic, settings) => send('room:settings', { code, public: isPublic, settings }),
      start: () => send('room:start', { code }),
      rematch: () => send('room:rematch', { code }),
      backToLobby: () => send('room:lobby', { code }),
      move: (move) => send('game:move', { code, move }),
      async playInstead(nickname) {
        const reply = await request(getSocket(), 'room:join', { code, nickname, as: 'player' });
        if (!reply.ok) {
          store.getState().setError(reply.message);
          return false;
        }
        store.getState().joined(reply);
        return true;
      },
    };
  }, [store]);
}
