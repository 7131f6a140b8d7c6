import { gameEntry, GAMES } from '@/app/games';
import { publicPicture, shareCard } from '@/app/lib/share/share-card';
import { SHARE_IMAGE_SIZE } from '@/app/lib/share/share-metadata';

/**
 * A game's link preview picture (`gameShareImage`): its name, its line and its picture. The
 * game's rules page shows it, and so does a room link of that game (app/r/[code]/page.tsx),
 * so there is one picture per game, made at build time, and none names a player. The pages
 * give its alt text, per game.
 */
export const alt = "The game's name, picture and one line about it, on Parlor";
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

export function generateStaticParams(): { game: string }[] {
  return GAMES.map((game) => ({ game: game.id }));
}

export default async function Image({ params }: { params: Promise<{ game: string }> }) {
  const game = gameEntry((await params).game);
  if (!game) return new Response('Not found', { status: 404 });
  return shareCard({ title: game.name, line: `${game.tagline} ${game.players}.`, picture: await publicPicture(game.picture) });
}

