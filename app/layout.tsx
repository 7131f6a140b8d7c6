import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Parlor',
  description: 'Free multiplayer party games in your browser. No sign-up: make a room, share the link, play.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#f7f4ee',
};

/** The shell of every page: a header linking home, then the page. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="site-title">
            <span aria-hidden="true" className="site-logo">
              ◆
            </span>
            Parlor
          </Link>
          <span className="site-tagline">party games, no sign-up</span>
        </header>
        <main className="site-main">{children}</main>
      </body>
    </html>
  );
}
