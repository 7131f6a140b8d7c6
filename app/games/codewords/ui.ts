import { parseSeat } from '@/game/codewords/seats';
import type { GameUi } from '../types';
import { CodewordsGame } from './CodewordsGame';
import { codewordsView, myMove } from './display';
import { announcement, gameEvents } from './events';
import { settingsSummary } from './settings-format';
import { SettingsFields } from './SettingsFields';
import { soundFor } from './sounds';
import { TeamSeats } from './TeamColumn';
import './cards.css';
import './codewords.css';

/** Codewords' room UI: what the room shell asks the game for (app/games/types.ts). */
const codewordsUi: GameUi = {
  Game: CodewordsGame,
  Seats: TeamSeats,
  SettingsFields,
  settingsSummary,
  startHint: 'Each team needs a spymaster and at least one operative.',
  joinLabel(seat) {
    const parts = parseSeat(seat.id);
    return parts ? `Join ${parts.team} as ${parts.role}` : `Join as ${seat.label}`;
  },
  announce(prev, next) {
    const events = gameEvents(prev, next);
    return { lines: events.map(announcement), sound: soundFor(events) };
  },
  turnKey(snapshot) {
    const view = codewordsView(snapshot);
    return view ? `${view.turn.number}:${view.turn.phase}` : null;
  },
  yourMove: (snapshot, me) => (myMove(snapshot, me?.seat) === null ? null : 'Your turn'),
};

export default codewordsUi;
