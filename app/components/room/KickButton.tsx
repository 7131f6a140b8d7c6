'use client';

import { useEffect, useRef, useState } from 'react';
import { useRoomActions } from '@/app/lib/use-room-actions';

/**
 * The host's "Kick NAME", in two steps: a kick cannot be undone (the player is banned from
 * the room), so the first click only asks "Yes, kick NAME" or "Cancel".
 */
export function KickButton({ playerId, nickname }: { playerId: string; nickname: string }) {
  const actions = useRoomActions();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const kickButton = useRef<HTMLButtonElement>(null);
  // After "Cancel", focus goes back to "Kick NAME" rather than to the top of the page.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      kickButton.current?.focus();
    }
  }, [confirming]);

  async function kick() {
    setPending(true);
    const ok = await actions.kick(playerId);
    setPending(false);
    if (!ok) setConfirming(false);
  }

  if (!confirming) {
    return (
      <button
        ref={kickButton}
        type="button"
        className="button button-small button-danger-quiet"
        onClick={() => setConfirming(true)}
      >
        Kick<span className="visually-hidden"> {nickname}</span>
      </button>
    );
  }
  return (
    <span className="kick-confirm" role="group" aria-label={`Confirm kicking ${nickname}`}>
      <span className="kick-question">Remove {nickname} for good?</span>
      <button type="button" className="button button-small button-danger" onClick={kick} disabled={pending} autoFocus>
        Yes, kick<span className="visually-hidden"> {nickname}</span>
      </button>
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={() => {
          returnFocus.current = true;
          setConfirming(false);
        }}
        disabled={pending}
      >
        Cancel
      </button>
    </span>
  );
}
