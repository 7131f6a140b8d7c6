import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './components/site/SiteHeader';
import { THEME_SCRIPT } from './lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Parlor',
  description: 'Free multiplayer party games in your browser. No sign-up: make a room, share the link, play.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f3ee' },
    { media: '(prefers-color-scheme: dark)', color: '#14121a' },
  ],
};

/**
 * The shell of every page: a skip link, the site header, then the page. The inline script
 * sets `data-theme` on <html> before the first paint; React keeps that attribute when it
 * hydrates (suppressHydrationWarning covers exactly this one element's attributes).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main className="site-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
