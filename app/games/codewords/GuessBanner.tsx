'use client';

import type { CardColor } from '@/game/codewords/types';

/** The latest guess or timeout, as {@link bannerFor} words it. */
export interface Banner {
  readonly id: number;
  readonly text: string;
  readonly tone: CardColor | 'timeout';
}

/**
 * A short banner over the top of the board after each guess: what the card was and what
 * happens next. It floats over the board (nothing moves) and goes after a few seconds.
 * Not a live region: the room's announcer reads the same news.
 */
export function GuessBanner({ banner }: { banner: Banner }) {
  return (
    <p className={`guess-banner${banner.tone === 'timeout' ? ' is-timeout' : ` color-${banner.tone}`}`} key={banner.id}>
      {banner.text}
    </p>
  );
}
