'use client';

import { useEffect, useRef, useState } from 'react';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsSpectator, selectMe, selectSnapshot } from '@/app/lib/room-selectors';

/** How long the free seats are marked after "Take a seat". */
const POINT_MS = 2400;

/**
 * For a player in the lobby without a seat (the host starts that way): a line saying so and
 * "Take a seat", which scrolls to the first free seat's button, focuses it and marks every
 * free seat for a moment (the seats are the game's layout; their join buttons are `.button-seat`).
 */
export function SeatPrompt() {
  const snapshot = useRoomStore(selectSnapshot);
  const me = useRoomStore(selectMe);
  const isSpectator = useRoomStore(selectIsSpectator);
  const [pointing, setPointing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // The lobby this prompt is in: the seats are the game's markup, reached through the page.
  const lobby = () => ref.current?.closest('.lobby') ?? null;

  useEffect(() => {
    if (!pointing) return;
    const around = lobby();
    around?.classList.add('is-pointing-seats');
    const timer = setTimeout(() => setPointing(false), POINT_MS);
    return () => {
      clearTimeout(timer);
      around?.classList.remove('is-pointing-seats');
    };
  }, [pointing]);

  if (!snapshot || isSpectator || !me || me.seat !== null) return null;
  const free = snapshot.seats.filter((seat) => snapshot.players.filter((player) => player.seat === seat.id).length < seat.max).length;

  function point() {
    const first = lobby()?.querySelector<HTMLButtonElement>('.button-seat:not(:disabled)');
    if (!first) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    first.scrollIntoView({ block: 'center', behavior: reduced ? 'instant' : 'smooth' });
    first.focus({ preventScroll: true });
    setPointing(true);
  }

  return (
    <div className="seat-prompt" role="note" ref={ref}>
      <p>
        <strong>You don&apos;t have a seat yet.</strong>
        {free === 0 && ' Every seat is taken.'}
      </p>
      {free > 0 && (
        <button type="button" className="button" onClick={point}>
          Take a seat
        </button>
      )}
    </div>
  );
}
