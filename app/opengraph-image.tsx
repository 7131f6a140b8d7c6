import { GAMES } from '@/app/games';
import { shareCard } from '@/app/lib/share/share-card';
import { SHARE_IMAGE_SIZE, SITE_SHARE_IMAGE } from '@/app/lib/share/share-metadata';

/** The site's link preview picture (SITE_SHARE_IMAGE): the preview of every page that shows no game's. */
export const alt = SITE_SHARE_IMAGE.alt;
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

export default function Image() {
  return shareCard({
    title: 'Party games with friends, right in your browser',
    line: `Make a room, share the link, play: ${GAMES.map((game) => game.name).join(', ')}.`,
  });
}
