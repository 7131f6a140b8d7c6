import type { Metadata } from 'next';
import type { GameEntry } from '@/app/games/types';
import { publicUrl } from './public-url';
import { SITE_NAME } from './site';

/** The size of every preview image (Open Graph's large card; `twitter:card` summary_large_image). */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** A preview image: a path of the site, made absolute with the page's `metadataBase`. */
export interface ShareImage {
  readonly url: string;
  readonly alt: string;
}

/** The site's preview picture (app/opengraph-image.tsx). */
export const SITE_SHARE_IMAGE: ShareImage = {
  url: '/opengraph-image',
  alt: `${SITE_NAME}: party games with friends, right in your browser`,
};

/**
 * A game's preview picture (app/how-to-play/[game]/opengraph-image.tsx): its rules page's,
 * and a room link's of that game.
 */
export function gameShareImage(game: Pick<GameEntry, 'id' | 'name' | 'tagline'>): ShareImage {
  return { url: `/how-to-play/${encodeURIComponent(game.id)}/opengraph-image`, alt: `${game.name} on ${SITE_NAME}: ${game.tagline}` };
}

/**
 * A page's title and description, also as its link preview (Open Graph; Twitter's card
 * takes them from there). `path` becomes `og:url` when the site's address is configured
 * (`PUBLIC_URL`); `image` is the site's picture unless given.
 *
 * A page's `openGraph` replaces the layout's as a whole, the picture of an `opengraph-image`
 * file of a parent folder included (Next merges metadata one key deep), so every page with a
 * title of its own sets it through here, and names its picture.
 */
export function shareMetadata({
  title,
  description,
  path,
  image = SITE_SHARE_IMAGE,
}: {
  title: string;
  description: string;
  path?: string;
  image?: ShareImage;
}): Metadata {
  return {
    title,
    description,
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      title,
      description,
      ...(path !== undefined && publicUrl() ? { url: path } : {}),
      images: [{ url: image.url, alt: image.alt, type: 'image/png', ...SHARE_IMAGE_SIZE }],
    },
  };
}
