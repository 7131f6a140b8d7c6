import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { checkRoomCode } from '@/game/limits';
import { RoomPage } from '@/app/components/room/RoomPage';
import { StateNotice } from '@/app/components/StateNotice';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The tab title names the room so players with several tabs can tell them apart. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const checked = checkRoomCode(decodeURIComponent((await params).code));
  return { title: checked.ok ? `Room ${checked.value} · Parlor` : 'Parlor' };
}

/**
 * `/r/<CODE>`: a room. The code is normalised here (upper case, no spaces) so a link typed
 * in lower case lands on the canonical URL; everything live happens in the client component.
 */
export default async function Page({ params, searchParams }: Props) {
  const raw = decodeURIComponent((await params).code);
  const query = await searchParams;
  const watch = query.watch === '1';
  const checked = checkRoomCode(raw);
  if (!checked.ok) {
    return (
      <StateNotice
        tone="warning"
        heading="That is not a room code"
        headingId="bad-code-heading"
        actions={
          <Link href="/" className="button button-primary">
            Back home
          </Link>
        }
      >
        <p>Room codes are 4 to 6 letters and digits, like ABCD (no 0, O, 1, I or L). Check the link you were sent.</p>
      </StateNotice>
    );
  }
  if (checked.value !== raw) redirect(`/r/${checked.value}${watch ? '?watch=1' : ''}`);
  return (
    // Hydrated later, in short slices: see RootLayout.
    <Suspense>
      <RoomPage code={checked.value} watch={watch} />
    </Suspense>
  );
}
