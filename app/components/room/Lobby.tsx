'use client';

import { TEAMS } from '@/app/lib/codewords';
import { ChatPanel } from './ChatPanel';
import { SettingsPanel } from './SettingsPanel';
import { StartPanel } from './StartPanel';
import { TeamColumn } from './TeamColumn';
import { UnseatedPlayers } from './UnseatedPlayers';

/** Before a game: pick seats, the host sets the room up and starts. */
export function Lobby() {
  return (
    <div className="lobby">
      <div className="lobby-teams">
        {TEAMS.map((team) => (
          <TeamColumn key={team} team={team} />
        ))}
      </div>
      <StartPanel />
      <div className="lobby-side">
        <UnseatedPlayers />
        <ChatPanel />
        <SettingsPanel />
      </div>
    </div>
  );
}
