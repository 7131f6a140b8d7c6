'use client';

import { useEffect, useState } from 'react';
import { useGameUi } from '@/app/lib/game-ui-context';
import { useRoomEvent } from '@/app/lib/room-store-context';

/** How long a notice stays on screen. */
const SHOW_MS = 6000;

/**
 * A private notice from the game ("APPLE is close!") as a toast at the foot of the screen,
 * unless the game's own UI shows it. Not a live region: the room's announcer reads it once.
 */
export function NoticeToast() {
  const ui = useGameUi();
  const [notice, setNotice] = useState<{ id: number; kind: string; text: string } | null>(null);

  useRoomEvent('notice', (next) => {
    if (ui.showsNotice?.(next)) return;
    setNotice((current) => ({ id: (current?.id ?? 0) + 1, kind: next.kind, text: next.text }));
  });

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  if (!notice) return null;
  return (
    <div className="notice-toast" data-kind={notice.kind} key={notice.id}>
      <p className="notice-toast-text">{notice.text}</p>
      <button type="button" className="button button-small button-quiet" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
