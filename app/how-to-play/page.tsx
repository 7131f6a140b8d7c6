import type { Metadata } from 'next';
import Link from 'next/link';
import { GAMES } from '@/app/games';
import { shareMetadata } from '@/app/lib/share/share-metadata';
import './how-to-play.css';

export const metadata: Metadata = shareMetadata({
  title: 'How to play · Parlor',
  description: 'How a Parlor room works, and the rules of each game in two minutes.',
  path: '/how-to-play',
});

/** The rules index: how every room works, then a link to each game's rules. */
export default function HowToPlayPage() {
  return (
    <article className="prose">
      <h1>How to play</h1>
      <p className="lead">
        One person makes a room on the <Link href="/">home page</Link> and picks the game; everyone else opens the
        link. No sign-up, no download. Each game&rsquo;s rules take two minutes to read.
      </p>

      <ul className="rules-games">
        {GAMES.map((game) => (
          <li key={game.id} className="rules-game">
            {/* Decorative: the link says which game. */}
            <img src={game.picture} alt="" width={96} height={60} className="rules-game-picture" />
            <div>
              <h2 className="rules-game-name">
                <Link href={`/how-to-play/${game.id}`}>How to play {game.name}</Link>
              </h2>
              <p className="muted">
                {game.tagline} {game.players}.
              </p>
            </div>
          </li>
        ))}
      </ul>

      <h2>In every room</h2>
      <ul>
        <li>Share the room with its link, its QR code, or its code read aloud. Anyone can also watch instead of playing.</li>
        <li>Players pick their seats in the lobby; the host sets the game up and starts it, and can move or remove players.</li>
        <li>Everything works with a keyboard, and screen readers hear each move. Sound cues are off until you turn them on.</li>
        <li>Lost your connection? Just wait or reload: you keep your seat.</li>
      </ul>

      <p className="button-row">
        <Link href="/" className="button button-primary button-large">
          Start playing
        </Link>
      </p>
    </article>
  );
}
