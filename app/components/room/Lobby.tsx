'use client';

import { useGameUi } from '@/app/lib/game-ui-context';
import { ChatPanel } from './ChatPanel';
import { InvitePanel } from './InvitePanel';
import { SeatList } from './SeatList';
import { SettingsPanel } from './SettingsPanel';
import { SettingsSyncProvider } from './settings-sync';
import { StartPanel } from './StartPanel';
import { UnseatedPlayers } from './UnseatedPlayers';

/**
 * Before a game: the invite, the seats (the game's layout, or every seat in a list) and,
 * beside them above the fold, "Start game" with the settings it will use; then who has no
 * seat yet and the chat.
 */
export function Lobby() {
  const { Seats = SeatList } = useGameUi();
  return (
    <SettingsSyncProvider>
      <div className="lobby">
        <InvitePanel />
        <div className="lobby-main">
          <Seats />
          <div className="lobby-start">
            <StartPanel />
            <SettingsPanel />
          </div>
        </div>
        <div className="lobby-side">
          <UnseatedPlayers />
          <ChatPanel />
        </div>
      </div>
    </SettingsSyncProvider>
  );
}
