'use client';

import { useRoomStore } from '@/app/lib/room-store-context';

/** Tells the player when the live connection is down; the page rejoins on its own. */
export function ConnectionBanner() {
  const status = useRoomStore((state) => state.status);
  if (status === 'joined' || status === 'failed') return null;
  return (
    <p className="connection-banner" role="status">
      {status === 'offline' ? 'Connection lost. Reconnecting…' : 'Rejoining the room…'}
    </p>
  );
}
