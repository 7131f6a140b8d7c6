'use client';

import { useGameUi } from '@/app/lib/game-ui-context';
import { ChatPanel } from './ChatPanel';
import { SeatList } from './SeatList';
import { SettingsPanel } from './SettingsPanel';
import { StartPanel } from './StartPanel';
import { UnseatedPlayers } from './UnseatedPlayers';

/** Before a game: pick seats (the game's layout, or every seat in a list), the host sets the room up and starts. */
export function Lobby() {
  const { Seats = SeatList } = useGameUi();
  return (
    <div className="lobby">
      <Seats />
      <StartPanel />
      <div className="lobby-side">
        <UnseatedPlayers />
        <ChatPanel />
        <SettingsPanel />
      </div>
    </div>
  );
}
