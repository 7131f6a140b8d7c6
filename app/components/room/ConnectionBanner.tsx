'use client';

import { useRoomStore } from '@/app/lib/room-store-context';

/**
 * Tells the player when the live connection is down or about to be (a server restart);
 * the page reconnects and rejoins on its own, so there is nothing to click, and the
 * second line says so.
 */
export function ConnectionBanner() {
  const status = useRoomStore((state) => state.status);
  const restarting = useRoomStore((state) => state.restarting);
  if (status === 'failed') return null;
  let text: string;
  let detail: string;
  if (restarting) {
    text = "The server is restarting — you'll be back in a moment";
    detail = 'Keep this tab open: it reconnects by itself.';
  } else if (status === 'offline') {
    text = 'Connection lost. Reconnecting…';
    detail = 'Your seat is kept while you are away. Check your network if this lasts.';
  } else if (status === 'connecting') {
    text = 'Rejoining the room…';
    detail = 'Back in a moment, in the same seat.';
  } else return null;
  return (
    <div className={`connection-banner${restarting ? ' is-restarting' : ''}`} role="status">
      <span className="spinner" aria-hidden="true" />
      <p>
        <strong>{text}</strong> <span className="connection-detail">{detail}</span>
      </p>
    </div>
  );
}
