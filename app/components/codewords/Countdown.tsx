'use client';

import { useEffect, useState } from 'react';

/**
 * Seconds left until a server deadline. The browser's clock may differ from the server's,
 * so the value is clamped to the turn length: a skewed clock cannot show more than a full turn.
 */
export function Countdown({ deadline, turnSeconds }: { deadline: number; turnSeconds: number | null }) {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);

  let seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  if (turnSeconds) seconds = Math.min(seconds, turnSeconds);
  const urgent = seconds <= 10;

  return (
    <span className={`countdown${urgent ? ' is-urgent' : ''}`} role="timer" aria-label="Time left">
      {seconds > 0 ? `${seconds} s left` : "Time's up"}
    </span>
  );
}
