import type { GameEntry } from '../types';

/** Codewords as the picker, the room list and the rules index know it; the rest loads with a room. */
export const codewords: GameEntry = {
  id: 'codewords',
  name: 'Codewords',
  tagline: 'Two teams, twenty-five words, one-word clues: find your agents first.',
  players: '4–10 players',
  picture: '/games/codewords.svg',
  // Browser only (see GameEntry.load): on the server the import is dropped from the bundle.
  load: () => (typeof window === 'undefined' ? Promise.reject(new Error('A room UI loads in the browser only')) : import('./ui')),
  rules: () => import('./Rules'),
};
