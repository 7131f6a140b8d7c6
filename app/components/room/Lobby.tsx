'use client';

import { useGameUi } from '@/app/lib/game-ui-context';
import { ChatPanel } from './ChatPanel';
import { InvitePanel } from './InvitePanel';
import { SeatList } from './SeatList';
import { SeatPrompt } from './SeatPrompt';
import { SettingsPanel } from './SettingsPanel';
import { SettingsSyncProvider } from './settings-sync';
import { StartPanel } from './StartPanel';
import { UnseatedPlayers } from './UnseatedPlayers';

/**
 * Before a game: "Start game" with the settings it will use (and, for a player without a seat,
 * "Take a seat"), the invite, the seats (the game's layout, or every seat in a list), then who
 * has no seat yet and the chat. Start and the settings come first in the page, so that on a
 * phone they are above the fold; on a wide screen they stand beside the invite and the seats
 * (room.css).
 */
export function Lobby() {
  const { Seats = SeatList } = useGameUi();
  return (
    <SettingsSyncProvider>
      <div className="lobby">
        <div className="lobby-start">
          <SeatPrompt />
          <StartPanel />
          <SettingsPanel />
        </div>
        <InvitePanel />
        <div className="lobby-seats-area">
          <Seats />
        </div>
        <div className="lobby-side">
          <UnseatedPlayers />
          <ChatPanel />
        </div>
      </div>
    </SettingsSyncProvider>
  );
}
