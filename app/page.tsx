import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { HomeActions } from './components/home/HomeActions';
import { PublicRoomList } from './components/home/PublicRoomList';
import { shareMetadata } from './lib/share/share-metadata';
import { SITE_DESCRIPTION, SITE_NAME } from './lib/share/site';
import './home.css';

export const metadata: Metadata = shareMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, path: '/' });

/** Home: create a room with a game, join one by code, or pick a public room to join or watch. */
export default function HomePage() {
  return (
    <div className="home">
      <section className="hero">
        <div className="hero-text">
          <h1>Party games with friends, right in your browser</h1>
          <p>
            Make a room, pick a game, share the link, and play beside your video call. No sign-up, no download.
          </p>
          <p>
            <Link href="/how-to-play" className="hero-link" prefetch={false}>
              New here? Learn the rules in two minutes
            </Link>
          </p>
        </div>
      </section>
      {/* Hydrated later, in short slices: see RootLayout. */}
      <Suspense>
        <HomeActions />
        <PublicRoomList />
      </Suspense>
    </div>
  );
}
