'use client';

import Link from 'next/link';
import type { RemovalReason } from '@/game/protocol';

const COPY: Record<RemovalReason, { heading: string; body: (code: string) => string }> = {
  kicked: {
    heading: 'You were removed from this room by the host',
    body: (code) => `You can't rejoin room ${code}. Start a new room or join another one from the home page.`,
  },
  expired: {
    heading: 'This room has closed',
    body: (code) =>
      `Room ${code} is gone: rooms close after nobody has been connected for a while, and a server restart can end them too. Start a new one from the home page.`,
  },
  left: {
    heading: 'You left this room in another tab',
    body: (code) => `You left room ${code} from another tab or window, so this one is no longer in it.`,
  },
};

/** Replaces the room when the server took this tab out of it, saying why and the way on. */
export function RemovedNotice({ code, reason, onRejoin }: { code: string; reason: RemovalReason; onRejoin: () => void }) {
  const copy = COPY[reason];
  return (
    <section className="card narrow" aria-labelledby="removed-heading">
      <h1 id="removed-heading">{copy.heading}</h1>
      <p role="alert">{copy.body(code)}</p>
      <div className="button-row">
        {reason === 'left' && (
          <button type="button" className="button button-primary" onClick={onRejoin}>
            Rejoin room {code}
          </button>
        )}
        <Link href="/" className={reason === 'left' ? 'button' : 'button button-primary'}>
          Back home
        </Link>
      </div>
    </section>
  );
}
