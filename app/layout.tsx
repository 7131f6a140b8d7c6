import type { Metadata, Viewport } from 'next';
import { Suspense, type ReactNode } from 'react';
import { SiteHeader } from './components/site/SiteHeader';
import { NICKNAME_SCRIPT } from './lib/nickname-key';
import { publicUrl } from './lib/share/public-url';
import { BRAND, SITE_DESCRIPTION, SITE_NAME } from './lib/share/site';
import { THEME_SCRIPT } from './lib/theme';
import './globals.css';

/**
 * Every page's defaults, and its link preview's: a large card (the picture of the nearest
 * `opengraph-image`, app/opengraph-image.tsx at least). Preview URLs must be absolute: they
 * start with PUBLIC_URL, read when a page is rendered (at build time for the static pages;
 * room pages set their own base, app/r/[code]/page.tsx). The manifest and the apple-touch
 * icon are linked by Next.js from app/manifest.ts and app/apple-icon.tsx.
 */
export const metadata: Metadata = {
  metadataBase: publicUrl(),
  applicationName: SITE_NAME,
  title: SITE_NAME,
  description: SITE_DESCRIPTION,
  openGraph: { type: 'website', siteName: SITE_NAME, title: SITE_NAME, description: SITE_DESCRIPTION },
  twitter: { card: 'summary_large_image' },
  appleWebApp: { title: SITE_NAME },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: BRAND.light },
    { media: '(prefers-color-scheme: dark)', color: BRAND.dark },
  ],
};

/**
 * The shell of every page: a skip link, the site header, then the page. The inline script
 * sets `data-theme` (and `data-nickname-stored`) on <html> before the first paint; React
 * keeps those attributes when it hydrates (suppressHydrationWarning covers exactly this one
 * element's attributes).
 *
 * The header sits in a Suspense boundary, though nothing in it suspends: React hydrates a
 * server-rendered boundary later, at low priority and in slices of a few milliseconds,
 * instead of in the one long task that hydrates the root (a phone's main thread stays
 * free). The HTML is on screen meanwhile, and a click inside a boundary hydrates it at once.
 * Pages wrap their interactive parts the same way, inside the page: a boundary around the
 * layout's `children` would turn a page's `redirect()` into a client-side one.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: `${THEME_SCRIPT};${NICKNAME_SCRIPT}` }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Suspense>
          <SiteHeader />
        </Suspense>
        <main className="site-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
