'use client';

import { useState } from 'react';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** "Start game" for the host; everyone else is told who they are waiting for. */
export function StartPanel() {
  const snapshot = useRoomStore(selectSnapshot);
  const isHost = useRoomStore(selectIsHost);
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);
  if (!snapshot) return null;

  if (!isHost) {
    const host = snapshot.players.find((player) => player.id === snapshot.hostId);
    return (
      <p className="start-panel muted">Waiting for {host ? host.nickname : 'the host'} to start the game.</p>
    );
  }

  async function start() {
    setPending(true);
    await actions.start();
    setPending(false);
  }

  return (
    <div className="start-panel">
      <button type="button" className="button button-primary button-large" onClick={start} disabled={pending}>
        Start game
      </button>
      <p className="hint">Each team needs a spymaster and at least one operative.</p>
    </div>
  );
}
