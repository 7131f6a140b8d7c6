import type { GameUi } from '../types';
import { myMove, sketchView } from './display';
import { announcement, gameEvents } from './events';
import { CLOSE_NOTICE } from './GuessPanel';
import { settingsSummary } from './settings-format';
import { SettingsFields } from './SettingsFields';
import { SketchGame } from './SketchGame';
import { soundFor } from './sounds';
import './sketch.css';

/** Sketch's room UI: what the room shell asks the game for (app/games/types.ts). */
const sketchUi: GameUi = {
  Game: SketchGame,
  SettingsFields,
  settingsSummary,
  startHint: 'Sketch needs at least 2 players. Everyone who joins plays.',
  joinLabel: () => 'Join the game',
  announce(prev, next) {
    // Others' guesses are read by the lines' log ("Mia guessed the word"); only this player's is said here.
    const events = gameEvents(prev, next);
    const said = events.filter((e) => e.type !== 'guessed' || e.you);
    return { lines: said.map(announcement), sound: soundFor(events) };
  },
  turnKey(snapshot) {
    const view = sketchView(snapshot);
    return view ? `${view.turn.number}:${view.phase}` : null;
  },
  yourMove: myMove,
  showsNotice: (notice) => notice.kind === CLOSE_NOTICE,
};

export default sketchUi;
