import Link from 'next/link';
import { Suspense } from 'react';
import { HomeActions } from './components/home/HomeActions';
import { PublicRoomList } from './components/home/PublicRoomList';
import './home.css';

// A decorative corner of a board for the hero: colour, pattern and shape, as in the game.
const PREVIEW = ['red', 'hidden', 'blue', 'hidden', 'bystander', 'hidden', 'blue', 'hidden', 'red'] as const;

/** Home: create a room, join one by code, or pick a public room to join or watch. */
export default function HomePage() {
  return (
    <div className="home">
      <section className="hero">
        <div className="hero-text">
          <h1>Codewords with friends, right in your browser</h1>
          <p>
            Two teams, twenty-five words, one-word clues. Make a room, share the link, and play beside your video
            call. No sign-up, no download.
          </p>
          <p>
            <Link href="/how-to-play" className="hero-link" prefetch={false}>
              New to Codewords? Learn the rules in two minutes
            </Link>
          </p>
        </div>
        <div className="hero-board" aria-hidden="true">
          {PREVIEW.map((kind, index) => (
            <span key={index} className={`hero-tile tile-${kind}`} />
          ))}
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
