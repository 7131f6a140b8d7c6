/**
 * Sketch through the real server, on both backends (the vitest projects `memory` and
 * `redis`): a whole game of four players and a spectator to the podium and the gallery,
 * with every frame each of them receives checked for words they may not know yet; the
 * "close" notice for its player alone; the pen stream relayed from the drawer alone; the
 * whole drawing for a reconnecting player and a late joiner; undo and clear as patches.
 *
 * The server runs on the test's clock: a turn's pause ends when the test moves the clock
 * past it, so no test waits for a timer.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../game/errors';
import { LIMITS, type ChatMessage, type GameNotice, type JoinResult, type RoomPatch, type RoomSnapshot, type StreamFrame } from '../game/protocol';
import {
  DEFAULT_SETTINGS,
  MAX_FRAME_COORDS,
  PAUSE_MS,
  SketchError,
  blankMask,
  drawerPoints,
  guessPoints,
  matchKey,
  sketch,
  type DrawOp,
  type SketchMove,
  type SketchSettings,
  type SketchState,
  type SketchView,
} from '../game/sketch';
import { TEST_WORDS, knownWords, leakingFrames, recordFrames, sketchView, unentitledViews, type FrameLog } from './sketch-testing';
import { closedAfterEach } from './test-servers';
import { expectOk, type TestClient, type TestServer } from './testing';

const closed = closedAfterEach();

const NAMES = ['Ana', 'Ben', 'Cleo', 'Dev'];

/** A client in the room, with the log of every frame it received. */
interface Member {
  readonly c: TestClient;
  readonly log: FrameLog;
  readonly id: string;
  readonly name: string;
}

/** A Sketch room on a server of its own, whose clock the test moves. */
interface Table {
  readonly s: TestServer;
  readonly code: string;
  /** In join order: the draw order. The first is the host. */
  readonly players: Member[];
  readonly spectator: Member;
  /** Moves the server's clock on by `ms`. */
  advance(ms: number): void;
}

/** Short games of the test words alone: one round, 30 s to draw, no hints. */
function settings(over: Partial<SketchSettings> = {}): SketchSettings {
  return { ...DEFAULT_SETTINGS, rounds: 1, drawSeconds: 30, hints: 0, customWords: [...TEST_WORDS], customOnly: true, ...over };
}

/** A client that logs every frame from its first. */
async function connect(s: TestServer, token?: string): Promise<{ c: TestClient; log: FrameLog }> {
  const c = await closed.client(s, token);
  return { c, log: recordFrames(c) };
}

/** A new client (or a new socket with the token of an old one) joined to the room. */
async function join(t: Pick<Table, 's' | 'code'>, name: string, as: 'player' | 'spectator', token?: string): Promise<Member & { joined: JoinResult }> {
  const { c, log } = await connect(t.s, token);
  const joined = expectOk(await c.request<JoinResult>('room:join', { code: t.code, nickname: name, as }));
  return { c, log, id: joined.you, name, joined };
}

/** A Sketch room of `n` players (joined in order, the first its host) and a spectator, in the lobby. */
async function table(n: number): Promise<Table> {
  let offset = 0;
  // A fixed seed: every run is offered the same words.
  const s = await closed.server({ now: () => Date.now() + offset, seed: () => 20_240_611 });
  const host = await connect(s);
  const { code } = expectOk(await host.c.request<{ code: string }>('room:create', { nickname: NAMES[0], public: false, gameId: 'sketch', settings: settings() }));
  const first = expectOk(await host.c.request<JoinResult>('room:join', { code, nickname: NAMES[0], as: 'player' }));
  const players: Member[] = [{ ...host, id: first.you, name: NAMES[0]! }];
  for (const name of NAMES.slice(1, n)) players.push(await join({ s, code }, name, 'player'));
  const spectator = await join({ s, code }, 'Sam', 'spectator');
  await Promise.all([...players, spectator].map((m) => m.c.until((r) => r.players.length === n && r.spectators === 1)));
  return { s, code, players, spectator, advance: (ms) => (offset += ms) };
}

const everyone = (t: Table): Member[] => [...t.players, t.spectator];
const othersThan = (t: Table, m: Member): Member[] => everyone(t).filter((x) => x !== m);
const view = (m: Member): SketchView => sketchView(m.c.latest())!;

function move(t: Table, m: Member, mv: SketchMove) {
  return m.c.request<{ version: number; patch?: RoomPatch }>('game:move', { code: t.code, move: mv });
}

/** Sends a frame of the pen: no ack, so nothing to wait for. */
function stream(m: Member, code: string, data: unknown, ack?: () => void): void {
  const socket = m.c.socket as unknown as { emit(event: string, ...args: unknown[]): void };
  if (ack) socket.emit('game:stream', { code, data }, ack);
  else socket.emit('game:stream', { code, data });
}

/** A snapshot of turn `turn` in `phase`. */
function inTurn(turn: number, phase: SketchView['phase']) {
  return (s: RoomSnapshot) => {
    const v = sketchView(s);
    return v !== null && v.turn.number === turn && v.phase === phase;
  };
}

async function untilAll(members: readonly Member[], check: (s: RoomSnapshot) => boolean): Promise<void> {
  await Promise.all(members.map((m) => m.c.until(check)));
}

/**
 * Ends the pause between turns: the clock moves past it, and a join (the spectator's again,
 * which changes nothing) re-arms the room's timers, so the due one fires at once (with
 * Redis the deadline poller, on the same clock, would fire it anyway).
 */
async function endPause(t: Table): Promise<void> {
  t.advance(PAUSE_MS);
  expectOk(await t.spectator.c.request('room:join', { code: t.code, nickname: t.spectator.name, as: 'spectator' }));
}

/** The drawer's choice: a phrase when one is offered (its space or hyphen is part of the public shape), else the first. */
function pick(choices: readonly string[]): number {
  return Math.max(0, choices.findIndex((w) => /[\s-]/.test(w)));
}

/** Starts turn `turn` by the drawer's choice; the word, read from the drawer's own view. */
async function chooseWord(t: Table, turn: number, drawer: Member): Promise<string> {
  await untilAll(everyone(t), inTurn(turn, 'choosing'));
  const choices = view(drawer).choices!;
  expectOk(await move(t, drawer, { type: 'choose', index: pick(choices) }));
  const word = view(drawer).word!;
  expect(word).toBe(choices[pick(choices)]);
  await untilAll(everyone(t), inTurn(turn, 'drawing'));
  return word;
}

/** Commits a move of the drawing and waits until every member holds the version it made. */
async function draw(t: Table, drawer: Member, mv: SketchMove): Promise<{ version: number; patch?: RoomPatch }> {
  const reply = expectOk(await move(t, drawer, mv));
  await untilAll(everyone(t), (s) => s.version >= reply.version);
  return reply;
}

/** Frames of the pen one member received from one sender. */
const penFrames = (log: FrameLog, from: string) => log.of<StreamFrame>('game:stream').filter((f) => f.from === from);

/** Every member's frames and views kept every word from it until it could know it. */
function expectNoLeaks(members: readonly Member[]): void {
  for (const m of members) {
    expect(unentitledViews(m.c, m.id), m.name).toEqual([]);
    expect(leakingFrames(m.log, TEST_WORDS, knownWords(m.c)), m.name).toEqual([]);
  }
}

describe('a whole game of Sketch over the protocol', () => {
  it('four players and a spectator play a round to the podium and the gallery; no frame shows a guesser or the spectator the word', async () => {
    const t = await table(4);
    const [ana, ben, cleo, dev] = t.players as [Member, Member, Member, Member];
    const sam = t.spectator;
    const all = everyone(t);
    const lobby = sam.c.latest()!;
    expect(lobby).toMatchObject({ gameId: 'sketch', phase: 'lobby', hostId: ana.id, spectators: 1 });
    expect(lobby.players.map((p) => [p.id, p.seat])).toEqual(t.players.map((p) => [p.id, 'player']));
    // Everyone sees how many custom words there are, never the words.
    expect(lobby.settings).toMatchObject({ rounds: 1, drawSeconds: 30, hints: 0, wordList: 'custom', customWordCount: TEST_WORDS.length });
    expectOk(await ana.c.request('room:start', { code: t.code }));

    const words: string[] = [];
    const quiet = 'wobbly whiskers';
    for (const [i, drawer] of t.players.entries()) {
      const turn = i + 1;
      const guessers = t.players.filter((p) => p !== drawer);
      await untilAll(all, inTurn(turn, 'choosing'));
      // Only the drawer is offered the words.
      const offered = view(drawer);
      expect(offered).toMatchObject({ role: 'drawer', word: null, turn: { drawer: drawer.id, round: 1, mask: null } });
      expect(offered.choices).toHaveLength(3);
      for (const w of offered.choices!) expect(TEST_WORDS).toContain(w);
      for (const m of othersThan(t, drawer)) expect(view(m)).toMatchObject({ role: 'guesser', word: null, choices: null });

      const word = await chooseWord(t, turn, drawer);
      words.push(word);
      // The others see the word's shape: its letters hidden, its spaces and hyphens shown.
      for (const m of othersThan(t, drawer)) expect(view(m)).toMatchObject({ word: null, choices: null, turn: { phase: 'drawing', mask: blankMask(word) } });

      // The pen: every frame reaches every other member at once, with its sender and its number.
      const frames = [[100, 100, 140, 120], [180, 130, 220, 160], [260, 150]].map((p) => ({ s: turn, c: turn, w: 1, p }));
      for (const data of frames) stream(drawer, t.code, data);
      await Promise.all(othersThan(t, drawer).map((m) => m.log.until((l) => penFrames(l, drawer.id).length === 3, `${m.name} gets ${drawer.name}'s pen`)));
      for (const m of othersThan(t, drawer)) expect(penFrames(m.log, drawer.id)).toEqual(frames.map((data, k) => ({ code: t.code, from: drawer.id, seq: k + 1, data })));
      // On pen-up the stroke is committed as a move: the drawing everyone holds.
      const stroke = { type: 'stroke', s: turn, c: turn, w: 1, p: frames.flatMap((f) => f.p) } as const;
      await draw(t, drawer, stroke);
      for (const m of all) expect(view(m).drawing).toEqual([stroke]);

      if (turn === 1) {
        // One letter off: "close!" reaches Ben alone (no other notice, all game long: below);
        // everyone sees the line as a wrong guess.
        const close = word.slice(0, -1) + (word.endsWith('z') ? 'y' : 'z');
        expectOk(await move(t, ben, { type: 'say', text: close }));
        await ben.log.until((l) => l.of('game:notice').length === 1, 'the close notice');
        expect(ben.log.of<GameNotice>('game:notice')).toEqual([{ code: t.code, kind: 'close', text: `"${close}" is close!` }]);
        await untilAll(all, (s) => sketchView(s)!.lines.some((l) => l.by === ben.id && l.text === close));
        // A message that holds the word reaches the drawer, not its sender nor anyone else who has not guessed.
        const mention = `${word} or not`;
        const said = expectOk(await move(t, cleo, { type: 'say', text: mention }));
        await untilAll(all, (s) => s.version >= said.version);
        expect(view(ana).lines).toContainEqual(expect.objectContaining({ by: cleo.id, text: mention, to: 'guessed' }));
        for (const m of [ben, cleo, dev, sam]) expect(view(m).lines.map((l) => l.text)).not.toContain(mention);
        // The room chat is the spectator's; players talk through the game, which keeps the word.
        for (const m of [ana, ben]) expect(await m.c.request('chat:send', { code: t.code, text: `it is ${word}` })).toMatchObject({ ok: false, code: ErrorCode.CHAT_CLOSED });
        expectOk(await sam.c.request('chat:send', { code: t.code, text: 'lovely lines' }));
        await Promise.all(t.players.map((m) => m.log.until((l) => l.of('chat:message').length === 1, `${m.name} gets the chat line`)));
        for (const m of t.players) expect(m.log.of<ChatMessage>('chat:message')).toMatchObject([{ from: sam.id, spectator: true, text: 'lovely lines' }]);
      }

      // Right guesses, each spelled its own way; the guess itself is shown to nobody.
      const spellings = [(w: string) => w.toUpperCase(), (w: string) => ` ${w.replace('a', 'á')}! `, (w: string) => w.replace(/[\s-]/g, '')];
      for (const [k, g] of guessers.entries()) {
        expectOk(await move(t, g, { type: 'say', text: spellings[k]!(word) }));
        // A guesser who got it talks only to those who know the word.
        if (turn === 1 && k === 0) expectOk(await move(t, g, { type: 'say', text: quiet }));
      }
      await untilAll(all, inTurn(turn, 'pause'));
      // The turn is over: the word is shown to all, with the points it gave.
      const result = view(sam).turn.result!;
      expect(view(sam).word).toBe(word);
      expect(result).toMatchObject({ turn, round: 1, drawer: drawer.id, word, reason: 'guessed' });
      expect(result.points.map((p) => p.id)).toEqual([...guessers.map((g) => g.id), drawer.id]);
      result.points.slice(0, 3).forEach((p, k) => {
        expect(p.points).toBeGreaterThanOrEqual(guessPoints(0, 30_000, k));
        expect(p.points).toBeLessThanOrEqual(guessPoints(30_000, 30_000, k));
      });
      expect(result.points[3]!.points).toBe(drawerPoints(3, 3));
      for (const m of all) expect(view(m).lines.filter((l) => l.turn === turn && l.kind === 'guessed').map((l) => [l.by, l.text])).toEqual(guessers.map((g) => [g.id, '']));
      await endPause(t);
    }

    // The game is over after the round: the scores, every turn and the gallery, for all.
    const finals = (await Promise.all(all.map((m) => m.c.until((s) => s.phase === 'over')))).map((s) => sketchView(s)!);
    const gallery = t.players.map((d, i) => ({ turn: i + 1, drawer: d.id, word: words[i], ops: [{ type: 'stroke', s: i + 1, c: i + 1, w: 1, p: [100, 100, 140, 120, 180, 130, 220, 160, 260, 150] }] }));
    for (const v of finals) {
      expect(v).toMatchObject({ phase: 'over', endReason: 'rounds played' });
      expect(v.history!.map((r) => [r.drawer, r.word, r.reason])).toEqual(t.players.map((d, i) => [d.id, words[i], 'guessed']));
      expect(v.gallery).toEqual(gallery);
    }
    const scores = finals[0]!.players;
    for (const p of scores) expect(p.score).toBe(finals[0]!.history!.flatMap((r) => r.points).reduce((sum, x) => sum + (x.id === p.id ? x.points : 0), 0));
    // The server's outcome ranks the players by those scores: the podium every screen shows.
    const room = await t.s.parlor.hub.inspect(t.code);
    const ranking = [...scores].sort((a, b) => b.score - a.score || a.seq - b.seq).map((p) => ({ playerId: p.id, score: p.score }));
    expect(sketch.outcome(room!.state as SketchState)).toEqual({ winner: null, reason: 'rounds played', ranking });

    // Privacy on the wire: no frame showed anyone a word (an offered one, the one drawn, a
    // right guess in any spelling) before their view could show it, and no view showed it early.
    expectNoLeaks(all);
    // The check bites: read as if nothing were known, the drawer's own frames leak each word.
    for (const [i, d] of t.players.entries()) expect(leakingFrames(d.log, [words[i]!], () => new Set())).not.toEqual([]);
    // The spectator learned every word, at the end of its turn.
    expect([...knownWords(sam.c)(Infinity)].sort()).toEqual([...words].sort());
    // Ben's line after his right guess reached the drawer at once, the others once they guessed
    // too (not a frame before), and never the spectator.
    const saysQuiet = (m: Member) => m.log.frames.filter((f) => f.key.includes(matchKey(quiet)));
    expect(saysQuiet(ana)).not.toEqual([]);
    for (const m of [cleo, dev]) {
      const guessedAt = Math.min(...m.c.states.filter((s) => sketchView(s)?.turn.guessed.includes(m.id)).map((s) => s.version));
      expect(saysQuiet(m)).not.toEqual([]);
      expect(saysQuiet(m).filter((f) => (f.version ?? f.held) < guessedAt)).toEqual([]);
    }
    expect(saysQuiet(sam)).toEqual([]);
    // The close notice went to Ben alone; nobody got their own pen frames back.
    for (const m of all) expect(m.log.of('game:notice')).toHaveLength(m === ben ? 1 : 0);
    for (const d of t.players) expect(penFrames(d.log, d.id)).toEqual([]);
  });
});

describe('the pen stream', () => {
  it('relays frames from the drawer alone, while drawing, and drops every other frame unanswered', async () => {
    const t = await table(3);
    const [ana, ben, cleo] = t.players as [Member, Member, Member];
    const sam = t.spectator;
    const ignored = t.s.parlor.ignored;
    expectOk(await ana.c.request('room:start', { code: t.code }));
    await untilAll(everyone(t), inTurn(1, 'choosing'));
    const before = ignored.streamRefused;
    const frame = { s: 1, c: 3, w: 1, p: [10, 10, 20, 20] };
    // The drawer before choosing the word.
    stream(ana, t.code, frame);
    // A socket's requests are handled in order, and a frame at once: its sync's answer means its frames were handled.
    expectOk(await ana.c.request('room:sync', { code: t.code }));
    expect(ignored.streamRefused).toBe(before + 1);
    const word = await chooseWord(t, 1, ana);

    // Anyone but the drawer: a guesser, the spectator.
    stream(ben, t.code, frame);
    stream(sam, t.code, frame);
    // The drawer's frames that are too large or not frames of the pen.
    let acked = false;
    const bad: unknown[] = [
      { ...frame, pad: 'x'.repeat(LIMITS.streamFrameBytes) },
      { ...frame, c: 16 },
      { ...frame, p: [1, 2, 3] },
      { ...frame, p: Array.from({ length: MAX_FRAME_COORDS + 2 }, (_, i) => i) },
      { ...frame, p: [1.5, 2] },
      { ...frame, s: -1 },
      'scribble',
    ];
    for (const data of bad) stream(ana, t.code, data);
    // A frame for a room the socket is not in, one without a room code, and one sent with an ack, which gets none.
    stream(ana, 'ZZZZ', frame);
    (ana.c.socket as unknown as { emit(event: string, payload: unknown): void }).emit('game:stream', { data: frame });
    stream(ana, t.code, { ...frame, w: Number.NaN }, () => (acked = true));
    await Promise.all([ana, ben, sam].map((m) => m.c.request('room:sync', { code: t.code })));
    expect(ignored.streamRefused).toBe(before + 3 + bad.length + 3);
    expect(acked).toBe(false);

    // A good frame after them: clamped into the canvas and the widths, and the first one numbered.
    stream(ana, t.code, { s: 2, c: 4, w: 99, p: [-5, 10, 1700, 950] });
    const relayed = { code: t.code, from: ana.id, seq: 1, data: { s: 2, c: 4, w: 4, p: [0, 10, 1600, 900] } };
    await Promise.all([ben, cleo, sam].map((m) => m.log.until((l) => l.of('game:stream').length > 0, `${m.name} gets the frame`)));
    // The refused frames reached nobody: they were handled before the good one was sent, which came alone.
    for (const m of [ben, cleo, sam]) expect(m.log.of('game:stream')).toEqual([relayed]);
    expect(ana.log.of('game:stream')).toEqual([]);
    expect(ignored.streamRefused).toBe(before + 3 + bad.length + 3);

    // Once the turn is over, the drawer may not stream either.
    for (const g of [ben, cleo]) expectOk(await move(t, g, { type: 'say', text: word }));
    await untilAll(everyone(t), inTurn(1, 'pause'));
    stream(ana, t.code, frame);
    expectOk(await ana.c.request('room:sync', { code: t.code }));
    expect(ignored.streamRefused).toBe(before + 3 + bad.length + 4);
    expectNoLeaks(everyone(t));
  });
});

describe('the drawing', () => {
  it('reaches a reconnecting player, the reconnecting drawer and a late joiner whole; the late joiner draws last in the round', async () => {
    const t = await table(2);
    const [ana, ben] = t.players as [Member, Member];
    const sam = t.spectator;
    expectOk(await ana.c.request('room:start', { code: t.code }));
    const word = await chooseWord(t, 1, ana);
    const strokes = [
      { type: 'stroke', s: 1, c: 3, w: 2, p: [10, 10, 400, 300, 800, 10] },
      { type: 'stroke', s: 2, c: 9, w: 0, p: [5, 800, 1595, 800] },
    ] as const;
    for (const op of strokes) await draw(t, ana, op);
    await draw(t, ana, { type: 'fill', c: 6, x: 400, y: 200 });
    await draw(t, ana, { type: 'undo' });
    const drawing = view(ana).drawing;
    expect(drawing).toEqual(strokes);

    // A guesser reconnects: a new socket with the same token is the same player, with the whole drawing and still no word.
    ben.c.close();
    await ana.c.until((s) => s.players.find((p) => p.id === ben.id)?.connected === false);
    const ben2 = await join(t, ben.name, 'player', ben.c.token);
    expect(ben2.id).toBe(ben.id);
    expect(sketchView(ben2.joined.snapshot)).toMatchObject({ role: 'guesser', word: null, phase: 'drawing', drawing: strokes });

    // The drawer reconnects: the turn, the word and the drawing are still theirs.
    ana.c.close();
    await ben2.c.until((s) => sketchView(s)!.players.find((p) => p.id === ana.id)?.away === true);
    const ana2 = await join(t, ana.name, 'player', ana.c.token);
    expect(sketchView(ana2.joined.snapshot)).toMatchObject({ role: 'drawer', word, phase: 'drawing', drawing: strokes });
    const third = { type: 'stroke', s: 3, c: 0, w: 4, p: [700, 450, 900, 450] } as const;
    const reconnected: Table = { ...t, players: [ana2, ben2] };
    await draw(reconnected, ana2, third);

    // A late joiner is seated at once, gets the drawing and a score line at the end of the order.
    const lee = await join(t, 'Lee', 'player');
    const late = sketchView(lee.joined.snapshot)!;
    expect(lee.joined.snapshot.players.find((p) => p.id === lee.id)?.seat).toBe('player');
    expect(late).toMatchObject({ role: 'guesser', word: null, drawing: [...strokes, third] });
    expect(late.players.map((p) => [p.id, p.seq, p.score, p.away, p.left])).toEqual([
      [ana.id, 0, 0, false, false],
      [ben.id, 1, 0, false, false],
      [lee.id, 2, 0, false, false],
    ]);
    const g: Table = { ...t, players: [ana2, ben2, lee] };
    await untilAll(everyone(g), (s) => sketchView(s)!.players.length === 3);

    // The turn ends when the late joiner guessed too; then Ben draws, then Lee, in this very round.
    for (const m of [ben2, lee]) expectOk(await move(g, m, { type: 'say', text: word }));
    await untilAll(everyone(g), inTurn(1, 'pause'));
    for (const [turn, drawer] of [[2, ben2], [3, lee]] as const) {
      await endPause(g);
      const w = await chooseWord(g, turn, drawer);
      await draw(g, drawer, { type: 'stroke', c: turn, w: 1, p: [turn, turn, 100 * turn, 100] });
      for (const m of g.players.filter((p) => p !== drawer)) expectOk(await move(g, m, { type: 'say', text: w }));
      await untilAll(everyone(g), inTurn(turn, 'pause'));
    }
    await endPause(g);
    const final = sketchView(await sam.c.until((s) => s.phase === 'over'))!;
    expect(final.history!.map((r) => [r.drawer, r.round, r.reason])).toEqual([
      [ana.id, 1, 'guessed'],
      [ben.id, 1, 'guessed'],
      [lee.id, 1, 'guessed'],
    ]);
    expect(final.gallery!.map((e) => e.drawer)).toEqual([ana.id, ben.id, lee.id]);
    expect(final.gallery![0]!.ops).toEqual([...strokes, third]);
    expect(final.players.find((p) => p.id === lee.id)!.score).toBeGreaterThan(0);
    expectNoLeaks([ana, ben, ana2, ben2, lee, sam]);
  });

  it('sends each stroke, undo and clear to everyone as one shared patch', async () => {
    const t = await table(3);
    const [ana, ben] = t.players as [Member, Member];
    expectOk(await ana.c.request('room:start', { code: t.code }));
    await chooseWord(t, 1, ana);
    const one = { type: 'stroke', c: 4, w: 1, p: [0, 0, 1600, 900] } as const;
    const two = { type: 'fill', c: 7, x: 800, y: 100 } as const;
    const steps: [SketchMove, DrawOp[]][] = [
      [one, [one]],
      [two, [one, two]],
      [{ type: 'undo' }, [one]],
      [two, [one, two]],
      [{ type: 'clear' }, []],
    ];
    for (const [mv, drawing] of steps) {
      const reply = await draw(t, ana, mv);
      // The drawer's patch rides in its ack; everyone else gets the same patch as an event, applied to what they held.
      expect(reply.patch).toMatchObject({ version: reply.version });
      expect(reply.patch).not.toHaveProperty('audience');
      for (const m of othersThan(t, ana)) {
        const got = m.c.received.filter(([event, patch]) => event === 'room:patch' && (patch as RoomPatch).version === reply.version);
        expect(got).toHaveLength(1);
        expect(got[0]![1]).toEqual(reply.patch);
        expect(got[0]![2]).not.toBeNull();
        expect(m.c.received.some(([event, s]) => event === 'room:state' && (s as RoomSnapshot).version === reply.version)).toBe(false);
      }
      for (const m of everyone(t)) expect(view(m).drawing).toEqual(drawing);
    }
    // Nothing left to undo; and nobody but the drawer draws.
    expect(await move(t, ana, { type: 'undo' })).toMatchObject({ ok: false, code: SketchError.NOTHING_TO_UNDO });
    expect(await move(t, ben, { type: 'stroke', c: 1, w: 1, p: [1, 1] })).toMatchObject({ ok: false, code: SketchError.NOT_DRAWER });
    expect(await move(t, ben, { type: 'clear' })).toMatchObject({ ok: false, code: SketchError.NOT_DRAWER });
    expect(await t.spectator.c.request('game:move', { code: t.code, move: { type: 'undo' } })).toMatchObject({ ok: false, code: ErrorCode.NOT_A_PLAYER });
  });
});
