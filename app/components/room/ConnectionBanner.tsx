'use client';

import { useRoomStore } from '@/app/lib/room-store-context';

/**
 * Tells the player when the live connection is down or about to be (a server restart);
 * the page reconnects and rejoins on its own, so there is nothing to click.
 */
export function ConnectionBanner() {
  const status = useRoomStore((state) => state.status);
  const restarting = useRoomStore((state) => state.restarting);
  if (status === 'failed') return null;
  let text: string;
  if (restarting) text = "The server is restarting — you'll be back in a moment";
  else if (status === 'offline') text = 'Connection lost. Reconnecting…';
  else if (status === 'connecting') text = 'Rejoining the room…';
  else return null;
  return (
    <p className={`connection-banner${restarting ? ' is-restarting' : ''}`} role="status">
      {text}
    </p>
  );
}
