import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gameEntry, GAMES } from '@/app/games';
import { gameShareImage, shareMetadata } from '@/app/lib/share/share-metadata';
import '../how-to-play.css';

interface Props {
  params: Promise<{ game: string }>;
}

// One static page per game of app/games/index.ts; any other name is a 404.
export const dynamicParams = false;

export function generateStaticParams(): { game: string }[] {
  return GAMES.map((game) => ({ game: game.id }));
}

/** The preview's picture is the game's, drawn by opengraph-image.tsx beside this page. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const game = gameEntry((await params).game);
  if (!game) return {};
  return shareMetadata({
    title: `How to play ${game.name} · Parlor`,
    description: `The rules of ${game.name} in two minutes. ${game.tagline}`,
    path: `/how-to-play/${game.id}`,
    image: gameShareImage(game),
  });
}

/** `/how-to-play/<game>`: a game's rules, as the game writes them (app/games/<id>/). */
export default async function GameRulesPage({ params }: Props) {
  const game = gameEntry((await params).game);
  if (!game) notFound();
  const { default: Rules } = await game.rules();
  return (
    <>
      <Rules />
      <p className="button-row rules-links">
        <Link href="/" className="button button-primary button-large">
          Start playing
        </Link>
        <Link href="/how-to-play" className="button button-large">
          All games
        </Link>
      </p>
    </>
  );
}
