'use client';

import { useState } from 'react';
import type { SeatSpec } from '@/game/engine';
import type { RoomSnapshot } from '@/game/protocol';
import type { GameUi } from '@/app/games/types';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost, selectSnapshot } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { useSettingsSync } from './settings-sync';

/** "At least 2 players.": what the seats ask for together, for a game that says nothing else. */
function seatsHint(seats: readonly SeatSpec[]): string | null {
  const needed = seats.reduce((sum, seat) => sum + seat.min, 0);
  return needed > 1 ? `At least ${needed} players.` : null;
}

/** "Private room · Turn timer: Off · Words: Default list": what the game will start with. */
export function settingsLine(ui: GameUi, snapshot: RoomSnapshot): string {
  const parts = [snapshot.public ? 'Listed publicly' : 'Private room'];
  for (const [term, description] of ui.settingsSummary?.(snapshot.settings) ?? []) parts.push(`${term}: ${description}`);
  return parts.join(' · ');
}

/**
 * "Start game" for the host, with what the game needs and the settings it will use (any
 * change still waiting in the settings form is sent first); everyone else is told who they
 * are waiting for (the settings card shows them the settings).
 */
export function StartPanel() {
  const ui = useGameUi();
  const snapshot = useRoomStore(selectSnapshot);
  const isHost = useRoomStore(selectIsHost);
  const actions = useRoomActions();
  const sync = useSettingsSync();
  const [pending, setPending] = useState(false);
  if (!snapshot) return null;

  if (!isHost) {
    const host = snapshot.players.find((player) => player.id === snapshot.hostId);
    return (
      <div className="start-panel">
        {/* The settings are in the room's settings card: the line by Start is the host's. */}
        <p className="muted">Waiting for {host ? host.nickname : 'the host'} to start the game.</p>
      </div>
    );
  }

  const hint = ui.startHint ?? seatsHint(snapshot.seats);

  async function start() {
    setPending(true);
    const sent = (await sync?.current?.()) ?? true;
    if (sent) await actions.start();
    setPending(false);
  }

  return (
    <div className="start-panel">
      <button type="button" className="button button-primary button-large" onClick={start} disabled={pending}>
        Start game
      </button>
      <p className="start-settings">{settingsLine(ui, snapshot)}</p>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
