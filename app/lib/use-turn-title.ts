'use client';

import { useEffect } from 'react';
import type { GameUi } from '@/app/games/types';
import { selectMe } from './room-selectors';
import { useRoomStore } from './room-store-context';

const BASE_ICON = '/icon.svg';
// The site icon with an amber dot: "something for you here" in a row of tabs.
const TURN_ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#5b3cc4"/><path d="M16 6l9 10-9 10-9-10z" fill="#fff"/><circle cx="25" cy="7" r="6.5" fill="#f5a400" stroke="#fff" stroke-width="2"/></svg>',
)}`;

/**
 * Shows in the browser tab when the game expects this player's move, in the game's words:
 * "● Your turn · Room ABCD · Parlor" and a dotted favicon, so a player who switched to
 * their video call sees it at a glance.
 */
export function useTurnTitle(ui: GameUi): void {
  const code = useRoomStore((state) => state.code);
  const yourMove = useRoomStore((state) => {
    if (state.as === 'spectator' || !state.snapshot) return null;
    return ui.yourMove(state.snapshot, selectMe(state));
  });

  useEffect(() => {
    const title = `Room ${code} · Parlor`;
    const turnTitle = yourMove === null ? null : `● ${yourMove} · ${title}`;
    document.title = turnTitle ?? title;
    const icons = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];
    const originals = icons.map((icon) => icon.getAttribute('href'));
    if (turnTitle) for (const icon of icons) icon.href = TURN_ICON;
    return () => {
      icons.forEach((icon, index) => icon.setAttribute('href', originals[index] ?? BASE_ICON));
      // Only undo our own title: on the way to another page, Next.js sets that page's.
      if (document.title === turnTitle) document.title = title;
    };
  }, [code, yourMove]);
}
