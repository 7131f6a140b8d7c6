'use client';

import { createContext, useContext } from 'react';
import type { GameUi } from '@/app/games/types';

const GameUiContext = createContext<GameUi | null>(null);

/** Gives a room's subtree the UI of the room's game, once it has loaded (see RoomSession). */
export const GameUiProvider = GameUiContext.Provider;

/** The UI of this room's game: what the shell asks the game for (seat names, hints). */
export function useGameUi(): GameUi {
  const ui = useContext(GameUiContext);
  if (!ui) throw new Error('useGameUi must be used inside <GameUiProvider>');
  return ui;
}
