import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { gameEntry, GAMES } from '@/app/games';
import '../how-to-play.css';

interface Props {
  params: Promise<{ game: string }>;
}

// One static page per game of app/games/index.ts; any other name is a 404.
export const dynamicParams = false;

export function generateStaticParams(): { game: string }[] {
  return GAMES.map((game) => ({ game: game.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const game = gameEntry((await params).game);
  if (!game) return {};
  return {
    title: `How to play ${game.name} · Parlor`,
    description: `The rules of ${game.name} in two minutes. ${game.tagline}`,
  };
}

/** `/how-to-play/<game>`: a game's rules, as the game writes them (app/games/<id>/). */
export default async function GameRulesPage({ params }: Props) {
  const game = gameEntry((await params).game);
  if (!game) notFound();
  const { default: Rules } = await game.rules();
  return <Rules />;
}
