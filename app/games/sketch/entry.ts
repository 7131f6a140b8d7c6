import type { GameEntry } from '../types';

/** Sketch as the picker, the room list and the rules index know it; the rest loads with a room. */
export const sketch: GameEntry = {
  id: 'sketch',
  name: 'Sketch',
  tagline: 'One draws, everyone guesses: quick rounds for 2 to 20 people, no teams to pick.',
  players: '2–20 players',
  picture: '/games/sketch.svg',
  // Browser only (see GameEntry.load): on the server the import is dropped from the bundle.
  load: () => (typeof window === 'undefined' ? Promise.reject(new Error('A room UI loads in the browser only')) : import('./ui')),
  rules: () => import('./Rules'),
};
