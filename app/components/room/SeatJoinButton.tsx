'use client';

import { useState } from 'react';
import type { SeatSpec } from '@/game/engine';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** "Join as Player", or what the game calls it ("Join red as operative"): takes the seat, or shows why the server refused. */
export function SeatJoinButton({ seat, full }: { seat: SeatSpec; full: boolean }) {
  const ui = useGameUi();
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);

  async function join() {
    setPending(true);
    await actions.seat(seat.id);
    setPending(false);
  }

  return (
    <button type="button" className="button button-seat" onClick={join} disabled={pending || full}>
      {ui.joinLabel?.(seat) ?? `Join as ${seat.label}`}
    </button>
  );
}

/** "Leave seat": back to the players without one. */
export function LeaveSeatButton() {
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);

  async function leave() {
    setPending(true);
    await actions.seat(null);
    setPending(false);
  }

  return (
    <button type="button" className="button button-quiet" onClick={leave} disabled={pending}>
      Leave seat
    </button>
  );
}
