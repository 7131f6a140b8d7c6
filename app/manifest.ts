import type { MetadataRoute } from 'next';
import { APP_ICONS, appIconPath } from '@/app/lib/share/app-icons';
import { BRAND, SITE_DESCRIPTION, SITE_NAME } from '@/app/lib/share/site';

/**
 * `/manifest.webmanifest` (linked from every page by Next.js): what a phone needs to add
 * Parlor to its home screen. A manifest has one theme colour, so it has the light theme's
 * background; the pages' `theme-color` tags (app/layout.tsx) follow the system's theme.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: SITE_NAME,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: BRAND.light,
    theme_color: BRAND.light,
    icons: APP_ICONS.map((icon) => ({
      src: appIconPath(icon),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}
