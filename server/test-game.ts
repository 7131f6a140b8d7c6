/**
 * A small game for tests only (never registered in game/games.ts), made to use every part
 * of the engine contract that a team word game leaves unused: one teamless seat everyone
 * takes at once, an audience of one player (the leader, who alone sees the secret), a
 * roster hook, private notices, a stream only the leader may send, and an outcome ranked
 * by score.
 *
 * The leader holds a secret word; the others guess it. A right guess scores a point and
 * the lead passes on in join order; a guess one letter off tells the guesser alone. The
 * first to `target` points wins.
 */
import { z } from 'zod';
import { Moved, type GameDefinition, type RosterPlayer } from '../game/engine';
import { errorCodes, fail, ok, type Result } from '../game/errors';

/** The words the leader is given, in turn. */
const WORDS = ['APPLE', 'RIVER', 'CLOUD', 'MAPLE', 'STONE'];

export interface GuessState {
  readonly target: number;
  /** Players in join order; the leader is one of them. */
  readonly order: readonly string[];
  readonly leader: string;
  readonly round: number;
  readonly scores: Readonly<Record<string, number>>;
  readonly winner: string | null;
}

export type GuessMove = { readonly type: 'guess'; readonly word: string } | { readonly type: 'pass' };

export type GuessView =
  | { readonly role: 'leader'; readonly secret: string; readonly scores: GuessState['scores']; readonly leader: string }
  | { readonly role: 'guesser'; readonly letters: number; readonly scores: GuessState['scores']; readonly leader: string };

const GUESS_ERRORS = {
  LEADER_CANNOT_GUESS: 'The leader knows the word and cannot guess it.',
  NOT_LEADER: 'Only the leader may pass the lead.',
} as const;
const GuessError = errorCodes(GUESS_ERRORS);

const secretOf = (state: GuessState) => WORDS[state.round % WORDS.length]!;

/** The next player after `id` in join order who is still here (and connected, when `connected` says who is). */
function nextAfter(order: readonly string[], id: string, connected?: ReadonlySet<string>): string {
  const start = Math.max(0, order.indexOf(id));
  for (let i = 1; i <= order.length; i++) {
    const next = order[(start + i) % order.length]!;
    if (!connected || connected.has(next)) return next;
  }
  return order[start] ?? id;
}

/** One letter added, dropped or changed. */
function oneOff(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

function passLead(state: GuessState, players?: readonly RosterPlayer[]): GuessState {
  const connected = players ? new Set(players.filter((p) => p.connected).map((p) => p.id)) : undefined;
  return { ...state, leader: nextAfter(state.order, state.leader, connected), round: state.round + 1 };
}

function guess(state: GuessState, word: string, by: string): Result<GuessState | Moved<GuessState>> {
  if (by === state.leader) return fail(GuessError.LEADER_CANNOT_GUESS, GUESS_ERRORS.LEADER_CANNOT_GUESS);
  const secret = secretOf(state);
  const said = word.trim().toUpperCase();
  if (said !== secret) {
    return ok(oneOff(said, secret) ? new Moved(state, [{ playerId: by, kind: 'close', text: `${said} is close!` }]) : state);
  }
  const score = (state.scores[by] ?? 0) + 1;
  const scored = { ...state, scores: { ...state.scores, [by]: score }, winner: score >= state.target ? by : null };
  return ok(passLead(scored));
}

/** The test game's definition. */
export const guessGame = {
  id: 'guess',
  name: 'Guess (tests)',
  settingsSchema: z.object({ target: z.number().int().min(1).max(10) }),
  defaultSettings: { target: 2 },
  moveSchema: z.discriminatedUnion('type', [z.object({ type: z.literal('guess'), word: z.string().max(20) }), z.object({ type: z.literal('pass') })]),
  errors: GUESS_ERRORS,
  autoSeat: 'player',
  settingsSummary: (settings) => ({ target: settings.target }),
  seats: () => [{ id: 'player', label: 'Player', min: 2, max: 8, joinMidGame: true }],
  setup: ({ settings, players }) =>
    ok({
      target: settings.target,
      order: players.map((p) => p.id),
      leader: players[0]!.id,
      round: 0,
      scores: Object.fromEntries(players.map((p) => [p.id, 0])),
      winner: null,
    }),
  move: (state, move, by) => {
    if (move.type === 'guess') return guess(state, move.word, by.playerId);
    return by.playerId === state.leader ? ok(passLead(state)) : fail(GuessError.NOT_LEADER, GUESS_ERRORS.NOT_LEADER);
  },
  roster: (state, change, players) => {
    if (change.type === 'joined' && !state.order.includes(change.playerId)) {
      return { ...state, order: [...state.order, change.playerId], scores: { ...state.scores, [change.playerId]: 0 } };
    }
    if (change.playerId !== state.leader || change.type === 'back' || change.type === 'joined' || change.type === 'seated') return null;
    // The leader left or went away: the lead passes on (skipping anyone away).
    const passed = passLead(state, players);
    return change.type === 'left' ? { ...passed, order: passed.order.filter((id) => id !== change.playerId) } : passed;
  },
  // The leader knows the word: the room chat is closed to them while the game runs.
  chatOpen: (state, viewer) => viewer.playerId !== state.leader,
  deadline: () => null,
  tick: () => null,
  audience: (state, viewer) => (viewer.playerId === state.leader ? `leader:${viewer.playerId}` : 'public'),
  view: (state, audience) =>
    audience === `leader:${state.leader}`
      ? { role: 'leader', secret: secretOf(state), scores: state.scores, leader: state.leader }
      : { role: 'guesser', letters: secretOf(state).length, scores: state.scores, leader: state.leader },
  outcome: (state) => {
    if (state.winner === null) return null;
    const ranking = Object.entries(state.scores)
      .map(([playerId, score]) => ({ playerId, score }))
      .sort((a, b) => b.score - a.score);
    return { winner: null, reason: 'target reached', ranking };
  },
  stream: {
    schema: z.array(z.number().int()).max(64),
    allowed: (state, by) => by.playerId === state.leader,
  },
} satisfies GameDefinition<GuessState, GuessMove, GuessView, { target: number }>;
