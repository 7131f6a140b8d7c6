'use client';

import { useRoomStore } from '@/app/lib/room-store-context';
import { selectSnapshot } from '@/app/lib/room-selectors';
import { HostPlayerControls } from './HostPlayerControls';
import { PlayerName } from './PlayerName';
import { VoteKickButton } from './VoteKickButton';

/** Players in the room without a seat yet, and how many people are watching. */
export function UnseatedPlayers() {
  const snapshot = useRoomStore(selectSnapshot);
  const you = useRoomStore((state) => state.you);
  if (!snapshot) return null;
  const unseated = snapshot.players.filter((player) => player.seat === null);

  return (
    <section className="card" aria-labelledby="unseated-heading">
      <h2 id="unseated-heading">Not seated yet</h2>
      {unseated.length === 0 ? (
        <p className="muted">Everyone has a seat.</p>
      ) : (
        <ul className="plain-list">
          {unseated.map((player) => (
            <li key={player.id} className="seat-player">
              <PlayerName player={player} isYou={player.id === you} isHost={player.id === snapshot.hostId} />
              <VoteKickButton player={player} />
              <HostPlayerControls player={player} />
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{snapshot.spectators} watching</p>
    </section>
  );
}
