'use client';

import Link from 'next/link';
import type { RemovalReason } from '@/game/protocol';
import { StateNotice, type NoticeTone } from '../StateNotice';

const COPY: Record<RemovalReason, { heading: string; tone: NoticeTone; body: (code: string) => string }> = {
  kicked: {
    // The host's kick or the players' vote: the same removal, so one notice for both.
    heading: 'You were removed from this room',
    tone: 'error',
    body: (code) => `You can't rejoin room ${code}. Start a new room or join another one from the home page.`,
  },
  expired: {
    heading: 'This room has closed',
    tone: 'info',
    body: (code) =>
      `Room ${code} is gone: rooms close after nobody has been connected for a while, and a server restart can end them too. Start a new one from the home page.`,
  },
  left: {
    heading: 'You left this room in another tab',
    tone: 'info',
    body: (code) => `You left room ${code} from another tab or window, so this one is no longer in it.`,
  },
};

/** Replaces the room when the server took this tab out of it, saying why and the way on. */
export function RemovedNotice({ code, reason, onRejoin }: { code: string; reason: RemovalReason; onRejoin: () => void }) {
  const copy = COPY[reason];
  return (
    <StateNotice
      tone={copy.tone}
      heading={copy.heading}
      headingId="removed-heading"
      actions={
        <>
          {reason === 'left' && (
            <button type="button" className="button button-primary" onClick={onRejoin}>
              Rejoin room {code}
            </button>
          )}
          <Link href="/" className={reason === 'left' ? 'button' : 'button button-primary'}>
            Back home
          </Link>
        </>
      }
    >
      <p role="alert">{copy.body(code)}</p>
    </StateNotice>
  );
}
