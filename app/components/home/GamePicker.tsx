'use client';

import { useId } from 'react';
import { GAMES } from '@/app/games';
import type { GameEntry } from '@/app/games/types';

/**
 * "Game": the games a new room can play, as radio buttons with a picture and a line each
 * (the first preselected). Each option is named by the game alone; its line describes it.
 */
export function GamePicker({
  value,
  onChange,
  disabled,
}: {
  value: GameEntry['id'];
  onChange: (id: GameEntry['id']) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="game-picker">
      <legend>Game</legend>
      {GAMES.map((game) => (
        <label key={game.id} className="game-option">
          <input
            type="radio"
            name={`${id}-game`}
            value={game.id}
            checked={value === game.id}
            disabled={disabled}
            onChange={() => onChange(game.id)}
            aria-labelledby={`${id}-${game.id}-name`}
            aria-describedby={`${id}-${game.id}-line`}
          />
          {/* Decorative: the name beside it says which game. */}
          <img src={game.picture} alt="" width={64} height={40} className="game-option-picture" />
          <span className="game-option-text">
            <span className="game-option-name" id={`${id}-${game.id}-name`}>
              {game.name}
            </span>
            <span className="game-option-line" id={`${id}-${game.id}-line`}>
              {game.tagline} {game.players}.
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
