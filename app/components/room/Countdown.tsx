'use client';

import { useEffect, useState } from 'react';
import { useRoomStore } from '@/app/lib/room-store-context';

/**
 * Seconds left until a server deadline, on the server's clock: the store keeps the offset
 * between the two clocks from each snapshot. Clamped to the turn length for safety.
 */
export function Countdown({ deadline, turnSeconds }: { deadline: number; turnSeconds: number | null }) {
  const clockOffset = useRoomStore((state) => state.clockOffset);
  const [localNow, setLocalNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);

  const now = localNow + clockOffset;
  let seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  if (turnSeconds) seconds = Math.min(seconds, turnSeconds);
  const urgent = seconds <= 10;

  return (
    <span className={`countdown${urgent ? ' is-urgent' : ''}`} role="timer" aria-label="Time left">
      {seconds > 0 ? `${seconds} s left` : "Time's up"}
    </span>
  );
}
