'use client';

import { useState } from 'react';
import type { SeatSpec } from '@/game/engine';
import { parseSeat } from '@/app/lib/codewords';
import { useRoomActions } from '@/app/lib/use-room-actions';

/** The accessible name of a seat's join button, e.g. "Join red as spymaster". */
export function joinSeatLabel(seatId: string): string {
  const parts = parseSeat(seatId);
  return parts ? `Join ${parts.team} as ${parts.role}` : `Join ${seatId}`;
}

/** "Join red as operative" and friends: takes the seat, or shows why the server refused. */
export function SeatJoinButton({ seat, full }: { seat: SeatSpec; full: boolean }) {
  const actions = useRoomActions();
  const [pending, setPending] = useState(false);

  async function join() {
    setPending(true);
    await actions.seat(seat.id);
    setPending(false);
  }

  return (
    <button type="button" className="button button-seat" onClick={join} disabled={pending || full}>
      {joinSeatLabel(seat.id)}
    </button>
  );
}

/** "Leave seat": back to the unseated players. */
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
