'use client';

import { useState } from 'react';
import type { SeatSpec } from '@/game/engine';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** "At least 2 players.": what the seats ask for together, for a game that says nothing else. */
function seatsHint(seats: readonly SeatSpec[]): string | null {
  const needed = seats.reduce((sum, seat) => sum + seat.min, 0);
  return needed > 1 ? `At least ${needed} players.` : null;
}

/** "Start game" for the host, with what the game needs; everyone else is told who they are waiting for. */
export function StartPanel() {
  const ui = useGameUi();
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

  const hint = ui.startHint ?? seatsHint(snapshot.seats);

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
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
