'use client';

import { useEffect, useState, type CSSProperties } from 'react';
import { useRoomStore } from '@/app/lib/room-store-context';

/**
 * Seconds left until a server deadline, on the server's clock: the store keeps the offset
 * between the two clocks from each snapshot. Clamped to the turn length for safety. With
 * the turn's length known it also draws a bar of the time left, in `--countdown-fill`
 * (a game sets it, e.g. to the playing team's colour).
 */
export function Countdown({ deadline, turnSeconds }: { deadline: number; turnSeconds: number | null }) {
  const clockOffset = useRoomStore((state) => state.clockOffset);
  const [localNow, setLocalNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);

  const now = localNow + clockOffset;
  const leftMs = Math.max(0, deadline - now);
  let seconds = Math.ceil(leftMs / 1000);
  if (turnSeconds) seconds = Math.min(seconds, turnSeconds);
  const urgent = seconds <= 10;
  const fraction = turnSeconds ? Math.min(1, leftMs / (turnSeconds * 1000)) : null;

  return (
    <span className={`countdown${urgent ? ' is-urgent' : ''}`} role="timer" aria-label="Time left">
      {fraction !== null && (
        <span className="countdown-bar" aria-hidden="true">
          <span className="countdown-bar-fill" style={{ '--left': fraction } as CSSProperties} />
        </span>
      )}
      <span className="countdown-text">{seconds > 0 ? `${seconds} s left` : "Time's up"}</span>
    </span>
  );
}
