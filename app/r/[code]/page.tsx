import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache, Suspense } from 'react';
import { ErrorCode } from '@/game/errors';
import { checkRoomCode } from '@/game/limits';
import type { RoomLookup } from '@/game/protocol';
import { gameEntry } from '@/app/games';
import { RoomPage } from '@/app/components/room/RoomPage';
import { StateNotice } from '@/app/components/StateNotice';
import { inviteTitle } from '@/app/lib/share/invite';
import { publicUrl, requestOrigin } from '@/app/lib/share/public-url';
import { gameShareImage, shareMetadata } from '@/app/lib/share/share-metadata';
import { SITE_DESCRIPTION, SITE_NAME } from '@/app/lib/share/site';
import { lookUpRoomOnServer } from '@/app/lib/server-room-lookup';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The server's answer about a room, once per request (the metadata and the page share it,
 * and it counts once against the visitor's lookup budget): the room, or that there is none.
 * Null when it does not tell (no answer in time, rate limited, the store unreachable): the
 * page then says nothing of the room and the browser asks as it prompts for a nickname.
 */
const roomAnswer = cache(async (code: string): Promise<RoomLookup | null> => {
  const answer = await lookUpRoomOnServer(code);
  return answer && (answer.ok || answer.code === ErrorCode.ROOM_NOT_FOUND) ? answer : null;
});

/**
 * The tab title names the room so players with several tabs can tell them apart. The link
 * preview says what the link invites to ("Join Hana's Codewords game", with the game's line
 * and picture), private rooms included: whoever sees the preview was sent the link. A room
 * that is not there (or a code that is not one) gets the site's own preview.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const checked = checkRoomCode(decodeURIComponent((await params).code));
  if (!checked.ok) return { title: SITE_NAME };
  const code = checked.value;
  const answer = await roomAnswer(code);
  const room = answer?.ok ? answer.room : null;
  const game = room ? gameEntry(room.gameId) : null;
  const share = room
    ? shareMetadata({
        title: inviteTitle(room),
        description: `${game ? `${game.tagline} ` : ''}Play in your browser on ${SITE_NAME}: no sign-up, no download.`,
        path: `/r/${code}`,
        image: game ? gameShareImage(game) : undefined,
      })
    : shareMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, path: `/r/${code}` });
  return {
    ...share,
    // Rendered per request, so the base of the preview's URLs can be the address this
    // request came to when PUBLIC_URL is not set.
    metadataBase: publicUrl() ?? requestOrigin(await headers()),
    title: `Room ${code} · ${SITE_NAME}`,
  };
}

/**
 * `/r/<CODE>`: a room. The code is normalised here (upper case, no spaces) so a link typed
 * in lower case lands on the canonical URL; everything live happens in the client component,
 * which gets the server's answer about the room so the join page names it in its first paint.
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
      <RoomPage code={checked.value} watch={watch} lookup={await roomAnswer(checked.value)} />
    </Suspense>
  );
}
