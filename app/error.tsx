'use client';

import Link from 'next/link';
import { StateNotice } from './components/StateNotice';

/** A page that crashed while rendering: say so plainly and offer a way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StateNotice
      tone="error"
      heading="Something went wrong"
      headingId="error-heading"
      actions={
        <>
          <button type="button" className="button button-primary" onClick={reset}>
            Try again
          </button>
          <Link href="/" className="button">
            Back home
          </Link>
        </>
      }
    >
      <p>This page hit a problem. Trying again usually helps; your seat in a room is kept.</p>
    </StateNotice>
  );
}
