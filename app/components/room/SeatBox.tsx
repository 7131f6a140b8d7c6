'use client';

import { useId, type ReactNode } from 'react';
import type { SeatSpec } from '@/game/engine';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';
import { HostPlayerControls } from './HostPlayerControls';
import { PlayerName } from './PlayerName';
import { LeaveSeatButton, SeatJoinButton } from './SeatJoinButton';
import { VoteKickButton } from './VoteKickButton';

/**
 * One seat in the lobby: who sits there (with the host's tools for each) and the button to
 * sit down or get up. A group named by its heading, or by the seat's label when the box has
 * no heading of its own (a lobby with one seat names it in the card's heading already).
 */
export function SeatBox({ seat, heading, hint }: { seat: SeatSpec; heading: string | null; hint?: ReactNode }) {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isSpectator = useRoomStore(selectIsSpectator);
  const headingId = useId();
  if (!snapshot) return null;
  const sitters = snapshot.players.filter((player) => player.seat === seat.id);
  const full = sitters.length >= seat.max;

  return (
    <div
      className="seat-box"
      role="group"
      aria-labelledby={heading === null ? undefined : headingId}
      aria-label={heading === null ? seat.label : undefined}
    >
      {heading !== null && <h3 id={headingId}>{heading}</h3>}
      {hint && <p className="hint">{hint}</p>}
      {sitters.length === 0 ? (
        <p className="seat-empty">Nobody yet</p>
      ) : (
        <ul className="seat-players">
          {sitters.map((player) => (
            <li key={player.id} className="seat-player">
              <PlayerName player={player} isYou={player.id === me?.id} isHost={player.id === snapshot.hostId} />
              <VoteKickButton player={player} />
              <HostPlayerControls player={player} />
            </li>
          ))}
        </ul>
      )}
      {!isSpectator &&
        me !== null &&
        (me.seat === seat.id ? (
          <LeaveSeatButton />
        ) : full ? (
          // Not a faded button: say who holds it.
          <p className="seat-taken">Taken by {sitters.map((player) => player.nickname).join(', ')}</p>
        ) : (
          <SeatJoinButton seat={seat} full={false} />
        ))}
    </div>
  );
}
