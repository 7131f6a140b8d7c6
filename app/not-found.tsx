import Link from 'next/link';
import { StateNotice } from './components/StateNotice';

/** Any address that is not a page. */
export default function NotFound() {
  return (
    <StateNotice
      tone="warning"
      heading="Page not found"
      headingId="not-found-heading"
      actions={
        <Link href="/" className="button button-primary">
          Back home
        </Link>
      }
    >
      <p>There is nothing at this address. If a friend sent you a room link, check that it was copied whole.</p>
    </StateNotice>
  );
}
