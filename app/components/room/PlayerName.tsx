'use client';

import type { PlayerView } from '@/game/protocol';

/** A player's nickname with the marks that matter: you, host, away. */
export function PlayerName({ player, isYou, isHost }: { player: PlayerView; isYou: boolean; isHost: boolean }) {
  return (
    <span className={`player-name${isYou ? ' is-you' : ''}${player.connected ? '' : ' is-away'}`}>
      <span className="player-nick">{player.nickname}</span>
      {isYou && <span className="badge badge-you">you</span>}
      {isHost && <span className="badge badge-host">host</span>}
      {!player.connected && <span className="badge badge-away">away</span>}
    </span>
  );
}
