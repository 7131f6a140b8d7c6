'use client';

import { useEffect, useState } from 'react';
import { useRoomStore } from '@/app/lib/room-store-context';
import { CopyLinkButton } from './CopyLinkButton';

/**
 * The lobby's invite: the room link as text (to read out or select), "Copy link", and on
 * devices that can share (phones: the Web Share API) "Share". Whether the room is listed
 * publicly is said beside it: new rooms are private, reached by this link only.
 */
export function InvitePanel() {
  const code = useRoomStore((state) => state.code);
  const isPublic = useRoomStore((state) => state.snapshot?.public ?? false);
  const [origin, setOrigin] = useState<string | null>(null);
  const [canShare, setCanShare] = useState(false);

  // The link uses the address this page was opened with (a LAN address works for phones).
  useEffect(() => {
    setOrigin(window.location.origin);
    setCanShare(typeof navigator.share === 'function');
  }, []);

  const url = origin ? `${origin}/r/${code}` : `/r/${code}`;

  async function share() {
    try {
      await navigator.share({ title: `Room ${code} · Parlor`, text: 'Join my game on Parlor', url });
    } catch {
      // Cancelled, or refused: the link and Copy are still there.
    }
  }

  return (
    <section className="card invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite friends</h2>
      <p className="invite-link">{url}</p>
      <div className="button-row">
        <CopyLinkButton code={code} />
        {canShare && (
          <button type="button" className="button" onClick={() => void share()}>
            Share
          </button>
        )}
      </div>
      <p className="invite-note hint">
        {isPublic ? 'Listed publicly: anyone can find this room on the home page.' : 'Private: only people with the link or the code can join.'}
      </p>
    </section>
  );
}
