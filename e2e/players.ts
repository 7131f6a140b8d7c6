import { randomBytes } from 'node:crypto';
import {
  expect,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type WebSocketRoute,
} from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { clueFor } from '../game/codewords/testing';
import type { CodewordsMove, CodewordsSeat, CodewordsView, Team } from '../game/codewords/types';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type Response,
  type RoomPatch,
  type RoomSnapshot,
  type ServerToClientEvents,
} from '../game/protocol';
import { RoomFollower, type FollowResult } from '../game/room-patch';

/** The URL of the server started by global-setup. */
export function parlorUrl(path = '/'): string {
  const base = process.env.PARLOR_URL;
  if (!base) throw new Error('PARLOR_URL is not set: run the tests through playwright.config.ts');
  return new URL(path, base).toString();
}

/** The site's two colour themes. */
export type Theme = 'light' | 'dark';

/** A card colour as the board's accessible names tell it. */
export type Color = 'red' | 'blue' | 'bystander' | 'assassin';

/** One card as read from the page. */
export interface SeenCard {
  readonly word: string;
  readonly color: Color | null;
  readonly revealed: boolean;
}

/**
 * A player's network link that a test can cut, whatever the browser does on its own.
 *
 * `context.setOffline(true)` makes new requests fail, but whether it also closes a
 * websocket that is already open depends on the Chromium build (recent ones do, older
 * ones left it open until Socket.IO's ping timeout, about 45 s later). So the page's
 * Socket.IO websockets are routed through Playwright (`page.routeWebSocket`) and
 * forwarded to the real server untouched; cutting the link closes both ends of every one
 * of them, which both the page and the server see at once, and refuses new ones until the
 * link is restored. setOffline covers the rest (page loads).
 *
 * The page is kept off HTTP long-polling: if one websocket attempt fails (a loaded
 * machine), socket.io-client's `tryAllTransports` falls back to polling for the rest of
 * that connection, and a server only notices a polling client gone at its ping timeout
 * (about 45 s), so the cut would not show. Refused polling makes the client retry a
 * websocket instead. (The fallback itself is tested in transports.integration.test.ts.)
 */
class Link {
  private cut = false;
  private readonly open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();

  constructor(private readonly page: Page) {}

  async install(): Promise<void> {
    await this.page.route(/\/socket\.io\/.*transport=polling/, (route) => route.abort('connectionrefused'));
    await this.page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (this.cut) {
        // Like a refused connection: the page's socket closes and Socket.IO backs off.
        void ws.close({ code: 1001, reason: 'offline' }).catch(() => {});
        return;
      }
      const pair = { page: ws, server: ws.connectToServer() };
      this.open.add(pair);
      // A handler here turns off Playwright's forwarding of the page's close, so forward it.
      ws.onClose((code, reason) => {
        this.open.delete(pair);
        void pair.server.close({ code, reason }).catch(() => {});
      });
    });
  }

  async goOffline(): Promise<void> {
    // Without an open websocket there is nothing to cut that the server would notice now.
    await expect.poll(() => this.open.size, { message: 'the page has no open Socket.IO websocket to cut' }).toBeGreaterThan(0);
    this.cut = true;
    await this.page.context().setOffline(true);
    for (const pair of [...this.open]) {
      this.open.delete(pair);
      await pair.server.close().catch(() => {});
      await pair.page.close({ code: 1001, reason: 'offline' }).catch(() => {});
    }
  }

  async goOnline(): Promise<void> {
    this.cut = false;
    await this.page.context().setOffline(false);
  }
}

/**
 * One person at the table: a browser context of their own (so their own session token)
 * and the page objects' vocabulary for what they do. Every frame their websocket
 * receives is kept, to check what reached their browser.
 */
export class Player {
  /** Socket.IO text frames received by this page, in order (not kept for a cuttable link). */
  readonly frames: string[] = [];
  private link: Link | null = null;

  private constructor(
    readonly name: string,
    readonly page: Page,
    /** The server this person uses; the run's shared one unless a test starts its own. */
    private readonly baseUrl: string | null = null,
  ) {
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string') this.frames.push(payload);
      });
    });
  }

  /**
   * Opens a new browser context for a person called `name`. With `cuttable`, the page's
   * websockets go through a {@link Link} so the test can take this player offline.
   */
  static async open(
    browser: Browser,
    name: string,
    options: { cuttable?: boolean; baseUrl?: string; context?: BrowserContextOptions } = {},
  ): Promise<Player> {
    const context = await browser.newContext(options.context);
    const player = new Player(name, await context.newPage(), options.baseUrl ?? null);
    if (options.cuttable) {
      player.link = new Link(player.page);
      await player.link.install();
    }
    return player;
  }

  /** A URL on this person's server. */
  url(path = '/'): string {
    return this.baseUrl ? new URL(path, this.baseUrl).toString() : parlorUrl(path);
  }

  /** Cuts this player's network: the page and the server both see the socket drop now. */
  async goOffline(): Promise<void> {
    if (!this.link) throw new Error(`${this.name} was not opened with { cuttable: true }`);
    await this.link.goOffline();
  }

  /** Restores the network; the page reconnects on its own (Socket.IO's backoff). */
  async goOnline(): Promise<void> {
    if (!this.link) throw new Error(`${this.name} was not opened with { cuttable: true }`);
    await this.link.goOnline();
  }

  /** Opens the room link and watches (the prompt's "Watch"). */
  async watchByLink(code: string): Promise<void> {
    await this.page.goto(this.url(`/r/${code}?watch=1`));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByRole('button', { name: 'Watch' }).click();
    await expect(this.page.getByText('You are watching')).toBeVisible();
  }

  /** Clicks "Leave room" and waits for the home page. */
  async leaveRoom(): Promise<void> {
    // During a game "Leave room" is in the slim header's "Room menu".
    const menu = this.page.getByRole('button', { name: 'Room menu' });
    if ((await menu.count()) > 0 && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await this.page.getByRole('button', { name: 'Leave room' }).click();
    await this.page.waitForURL(this.url('/'));
  }

  /**
   * A listed player's row, found by their exact nickname (lobby seats, unseated list or
   * the in-game players list).
   */
  playerRow(name: string): Locator {
    // Chat lines are list items too; they live in the chat's log and are not player rows.
    return this.page.locator('li:not([role="log"] li)').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Host: opens the "Manage NAME" panel of a player (if it is not open yet). */
  async manage(name: string): Promise<void> {
    const toggle = this.page.getByRole('button', { name: `Manage ${name}`, exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Host: "Kick NAME", then confirms. */
  async kick(name: string): Promise<void> {
    await this.manage(name);
    await this.confirmKick(name);
  }

  /** Host: clicks a visible "Kick NAME" (a player panel or a spectator's chat line) and confirms. */
  async confirmKick(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Kick ${name}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Yes, kick ${name}`, exact: true }).click();
  }

  /** Host: picks a seat ("Red spymaster", "No seat", ...) in "Seat for NAME". */
  async assignSeat(name: string, seat: string): Promise<void> {
    await this.manage(name);
    await this.page.getByLabel(`Seat for ${name}`, { exact: true }).selectOption({ label: seat });
  }

  /** The chat's message list. */
  get chatLog(): Locator {
    return this.page.getByRole('log', { name: 'Chat messages' });
  }

  /** Sends a chat line and waits until it shows in this page's chat. */
  async say(text: string): Promise<void> {
    await this.page.getByLabel('Message', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(this.chatLine(this.name, text)).toBeVisible();
  }

  /** A chat line by its author and text. */
  chatLine(author: string, text: string): Locator {
    return this.chatLog
      .getByRole('listitem')
      .filter({ has: this.page.getByText(author, { exact: true }) })
      .filter({ hasText: text });
  }

  /** The home page's game picker: a radio button per game, named by the game and described by its line. */
  get gamePicker(): Locator {
    return this.page.getByRole('group', { name: 'Game', exact: true });
  }

  /** Creates a public room of `game` (as the home page's picker names it) and returns its code. */
  async createRoom({ game = 'Codewords' }: { game?: string } = {}): Promise<string> {
    await this.page.goto(this.url('/'));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.gamePicker.getByRole('radio', { name: game, exact: true }).check();
    await this.page.getByLabel('List publicly', { exact: true }).check();
    await this.page.getByRole('button', { name: 'Create room' }).click();
    await this.page.waitForURL(/\/r\/[A-Z0-9]{4,6}$/);
    const code = new URL(this.page.url()).pathname.split('/').pop()!;
    await expect(this.page.getByRole('heading', { name: `Room ${code}` })).toBeVisible();
    return code;
  }

  /** Opens the room link a friend sent (the page says whose room it is) and joins as a player. */
  async joinByLink(code: string): Promise<void> {
    await this.page.goto(this.url(`/r/${code}`));
    await expect(this.page.getByRole('heading', { level: 1, name: /^Join \S+'s Codewords game$/ })).toBeVisible();
    await expect(this.page.getByText(new RegExp(`^Room ${code} · in the lobby · \\d+ players?`))).toBeVisible();
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByRole('button', { name: 'Join as player' }).click();
    await expect(this.page.getByRole('button', { name: 'Join red as operative' })).toBeVisible();
  }

  /** Types the code on the home page. */
  async joinByCode(code: string): Promise<void> {
    await this.page.goto(this.url('/'));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByLabel('Room code').fill(code.toLowerCase());
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.page.waitForURL(new RegExp(`/r/${code}$`));
    // The nickname typed on the home page is remembered, so no prompt here.
    await expect(this.page.getByRole('button', { name: 'Join red as operative' })).toBeVisible();
  }

  /** The row of a room in the home page's public list. */
  publicRoom(code: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Watch room ${code}` }) });
  }

  /** Finds the room in the home page's public list and clicks Watch. */
  async watchFromList(code: string): Promise<void> {
    await this.page.goto(this.url('/'));
    await this.page.getByRole('button', { name: `Watch room ${code}` }).click();
    await this.page.waitForURL(new RegExp(`/r/${code}\\?watch=1$`));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByRole('button', { name: 'Watch' }).click();
    await expect(this.page.getByText('You are watching')).toBeVisible();
  }

  /** Clicks a seat button such as "Join red as spymaster". */
  async takeSeat(team: 'red' | 'blue', role: 'spymaster' | 'operative'): Promise<void> {
    await this.page.getByRole('button', { name: `Join ${team} as ${role}` }).click();
    await expect(this.page.getByRole('button', { name: 'Leave seat' })).toBeVisible();
  }

  /** The board's card buttons. */
  get board(): Locator {
    return this.page.getByRole('group', { name: 'Board' }).getByRole('button');
  }

  /** Reads all 25 cards from their accessible names ("WORD", "WORD (red)", "WORD, red agent"). */
  async cards(): Promise<SeenCard[]> {
    await expect(this.board).toHaveCount(25);
    const labels = await this.board.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    return labels.map((label) => {
      const revealed = /^(.*), (red agent|blue agent|bystander|assassin)$/.exec(label);
      if (revealed) return { word: revealed[1]!, color: revealed[2]!.replace(' agent', '') as Color, revealed: true };
      const keyed = /^(.*) \((red|blue|bystander|assassin)\)$/.exec(label);
      if (keyed) return { word: keyed[1]!, color: keyed[2] as Color, revealed: false };
      return { word: label, color: null, revealed: false };
    });
  }

  /** The team whose turn the page shows. */
  async turnTeam(): Promise<'red' | 'blue'> {
    const status = this.page.getByText(/^(Red|Blue) (team's turn|operatives are guessing)/);
    const text = (await status.first().textContent()) ?? '';
    return text.startsWith('Red') ? 'red' : 'blue';
  }

  /** Gives a clue through the clue form. */
  async giveClue(word: string, count: string): Promise<void> {
    await this.page.getByLabel('Clue', { exact: true }).fill(word);
    await this.page.getByLabel('Number').selectOption({ label: count });
    await this.page.getByRole('button', { name: 'Give clue' }).click();
    await expect(this.page.getByText(new RegExp(`operatives are guessing: ${word.toUpperCase()}`))).toBeVisible();
  }

  /** Clicks a face-down card by its word and waits until it shows as revealed. */
  async guess(word: string): Promise<void> {
    await this.page.getByRole('button', { name: word, exact: true }).click();
    await expect(this.page.getByRole('button', { name: new RegExp(`^${escape(word)}, `) })).toBeVisible();
  }

  /** The header's theme switch, pressed when the dark theme shows. */
  get darkModeToggle(): Locator {
    return this.page.getByRole('button', { name: 'Dark mode', exact: true });
  }

  /** The theme the page shows, as the header's switch tells it. */
  async theme(): Promise<Theme> {
    return (await this.darkModeToggle.getAttribute('aria-pressed')) === 'true' ? 'dark' : 'light';
  }

  /**
   * Switches to `theme` with the header's "Dark mode" button (if it is not shown already)
   * and waits until the page shows it, remembers it, and has finished any transition.
   */
  async setTheme(theme: Theme): Promise<void> {
    if ((await this.theme()) !== theme) {
      await this.darkModeToggle.click();
      await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await this.page.evaluate(() => localStorage.getItem('parlor:theme'))).toBe(theme);
    }
    await expect(this.darkModeToggle).toHaveAttribute('aria-pressed', String(theme === 'dark'));
    await this.settle();
  }

  /** Waits until every finite CSS animation and transition on the page has finished. */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    );
  }

  /** The live region that reads the game out to screen readers. */
  get announcements(): Locator {
    return this.page.getByRole('status', { name: 'Game announcements' });
  }

  /**
   * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, at most `max`
   * times: how someone without a mouse reaches a control. Fails if it never gets there.
   */
  async tabTo(target: Locator, { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {}): Promise<void> {
    await expect(target).toHaveCount(1);
    for (let presses = 0; presses < max; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    await expect(target, `${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach it`).toBeFocused({ timeout: 1 });
  }

  /** Closes the browser context. */
  async close(): Promise<void> {
    await this.page.context().close();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A legal clue for a board as the page shows it. */
export { clueFor };

/**
 * Every snapshot found in Socket.IO frames ("42[event, data]" events and "43<id>[data]"
 * acks), wherever it sits in the payload.
 */
export function snapshotsIn(frames: readonly string[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('phase' in record && 'view' in record && 'version' in record) found.push(record);
      else Object.values(record).forEach(walk);
    }
  };
  for (const frame of frames) {
    const match = /^4[23]\d*(.*)$/s.exec(frame);
    if (match?.[1]) walk(JSON.parse(match[1]));
  }
  return found;
}

/** Fails if any frame shows a colour of a face-down card while the game runs. */
export function expectNoHiddenColours(frames: readonly string[]): void {
  const snapshots = snapshotsIn(frames);
  expect(snapshots.length).toBeGreaterThan(0);
  for (const snapshot of snapshots) {
    const view = snapshot.view as { cards: { revealed: boolean; color: string | null }[] } | null;
    if (!view || snapshot.phase === 'over') continue;
    for (const card of view.cards) if (!card.revealed) expect(card.color).toBeNull();
  }
}

type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** A snapshot of a Codewords room. */
export type CodewordsSnapshot = RoomSnapshot<CodewordsView>;

/**
 * A person at the table without a browser: a socket.io client with its own session token
 * speaking the real protocol. Tests put bots in the seats whose pages they do not look at,
 * so a game needs two or three browsers rather than five (CI has two cores).
 */
export class Bot {
  /** The bot's room, followed as the browser follows it; set by {@link join}. */
  private follower: RoomFollower | null = null;
  private readonly waiters = new Set<() => void>();
  private code = '';

  private constructor(
    readonly name: string,
    private readonly socket: BotSocket,
  ) {
    socket.on('room:state', (snapshot) => this.follow(this.follower?.state(snapshot)));
    socket.on('room:patch', (patch) => this.follow(this.follower?.patch(patch)));
  }

  /** Connects a new bot (a new token, so a new person) to the run's server. */
  static async connect(name: string, baseUrl = parlorUrl()): Promise<Bot> {
    const socket: BotSocket = io(baseUrl, {
      auth: { token: randomBytes(24).toString('base64url'), protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new Bot(name, socket);
  }

  /** As the browser does: a gap means fetch the whole room. */
  private follow(result: FollowResult | undefined): void {
    if (result !== 'gap') return;
    void this.request<{ snapshot: RoomSnapshot }>('room:sync', { code: this.code }).then((r) => this.follower?.state(r.snapshot));
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Emits a request and resolves with its ack; a refusal fails the test. */
  async request<T extends object = object>(event: keyof ClientToServerEvents, payload: unknown): Promise<T> {
    const timed = this.socket.timeout(10_000);
    // The generic event name defeats socket.io's overloads; the server parses the payload anyway.
    const emit = timed.emitWithAck as unknown as (event: string, payload: unknown) => Promise<Response<T>>;
    const reply = await emit.call(timed, event, payload);
    if (!reply.ok) throw new Error(`${this.name}: ${event} was refused: ${reply.code} ${reply.message}`);
    // An accepted change comes back in the ack as this bot's patch (no event comes for it).
    if ('patch' in reply) this.follow(this.follower?.patch(reply.patch as RoomPatch));
    return reply;
  }

  /** Creates a Codewords room with default settings and joins it as its host; returns the code. */
  async createRoom(isPublic = false): Promise<string> {
    const settings = { turnSeconds: null, customWords: null };
    const payload = { nickname: this.name, public: isPublic, gameId: 'codewords', settings };
    const { code } = await this.request<{ code: string }>('room:create', payload);
    await this.join(code);
    return code;
  }

  /** Joins a room as a player. */
  async join(code: string): Promise<void> {
    this.code = code;
    this.follower = new RoomFollower(code, () => this.wake());
    const reply = await this.request<{ snapshot: RoomSnapshot }>('room:join', { code, nickname: this.name, as: 'player' });
    this.follow(this.follower.state(reply.snapshot));
  }

  /** Takes a seat. */
  async sit(seat: CodewordsSeat): Promise<void> {
    await this.request('room:seat', { code: this.code, seat });
  }

  /** Makes a game move for the turn it names. */
  async move(move: CodewordsMove): Promise<void> {
    await this.request('game:move', { code: this.code, move });
  }

  /** The newest snapshot this bot received. */
  get snapshot(): CodewordsSnapshot {
    const held = this.follower?.snapshot;
    if (!held) throw new Error(`${this.name} has not joined a room`);
    return held as CodewordsSnapshot;
  }

  /** The game as this bot sees it (the key, for a spymaster). */
  get view(): CodewordsView {
    const view = this.snapshot.view;
    if (!view) throw new Error(`${this.name}'s room has no game`);
    return view;
  }

  /** Resolves with the latest snapshot once one satisfies `predicate`. */
  until(predicate: (snapshot: CodewordsSnapshot) => boolean, timeoutMs = 10_000): Promise<CodewordsSnapshot> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const held = this.follower?.snapshot as CodewordsSnapshot | null | undefined;
        if (held && predicate(held)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(held);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${this.name}: no snapshot met the condition in ${timeoutMs} ms (version ${this.follower?.snapshot?.version})`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Disconnects. */
  close(): void {
    this.socket.close();
  }
}

/**
 * A table for a game: the host (red spymaster) and the red operative in browsers, the
 * blue team as bots, and, if asked, a spectator's browser. Lobby only: see
 * {@link startGame} and {@link untilRedClue}.
 */
export interface BotTable {
  readonly code: string;
  /** The host, seated as red spymaster. */
  readonly spymaster: Player;
  readonly operative: Player;
  readonly spectator: Player | null;
  /** The blue team. */
  readonly bots: { readonly spymaster: Bot; readonly operative: Bot };
  /** Every browser at the table. */
  readonly pages: readonly Player[];
  /** Closes every browser context and bot. */
  close(): Promise<void>;
}

/**
 * Seats a table of four players and (with `spectator`) one spectator, two of the players
 * being bots: the host creates a public room in the browser, the bots join and sit blue,
 * the red operative opens the room link and sits, the spectator watches by the link.
 */
export async function seatTable(
  browser: Browser,
  options: { spectator?: boolean; context?: BrowserContextOptions } = {},
): Promise<BotTable> {
  const names = options.spectator ? ['Ana', 'Ben', 'Eve'] : ['Ana', 'Ben'];
  const [pages, bots] = await Promise.all([
    Promise.all(names.map((name) => Player.open(browser, name, { context: options.context }))),
    Promise.all([Bot.connect('Cleo'), Bot.connect('Dev')]),
  ]);
  const [ana, ben, eve] = pages as [Player, Player, Player | undefined];
  const [cleo, dev] = bots;
  const code = await ana.createRoom();
  await Promise.all([
    cleo.join(code).then(() => cleo.sit('blue:spymaster')),
    dev.join(code).then(() => dev.sit('blue:operative')),
    ben.joinByLink(code).then(() => ben.takeSeat('red', 'operative')),
    ana.takeSeat('red', 'spymaster'),
    eve?.watchByLink(code),
  ]);
  return {
    code,
    spymaster: ana,
    operative: ben,
    spectator: eve ?? null,
    bots: { spymaster: cleo, operative: dev },
    pages,
    async close() {
      for (const bot of bots) bot.close();
      await Promise.all(pages.map((page) => page.close()));
    },
  };
}

/** The host starts the game once every seat shows taken; every browser then shows the board. */
export async function startGame(t: BotTable): Promise<void> {
  await expect(t.spymaster.playerRow('Dev')).toBeVisible();
  await t.spymaster.page.getByRole('button', { name: 'Start game' }).click();
  await t.bots.spymaster.until((s) => s.phase === 'playing');
  for (const p of t.pages) await expect(p.board).toHaveCount(25);
}

/**
 * Brings the game to the red spymaster's clue: if blue starts, the blue bots play their
 * turn (a clue, then a bystander, which passes the turn). Resolves with the blue
 * spymaster's view, which holds the key.
 */
export async function untilRedClue(t: BotTable): Promise<CodewordsView> {
  const { spymaster: cleo, operative: dev } = t.bots;
  const { view } = await cleo.until((s) => s.phase === 'playing');
  if (view!.turn.team === 'blue') {
    const turn = view!.turn.number;
    await cleo.move({ type: 'clue', word: clueFor(view!.cards), count: 1, turn });
    await dev.move({ type: 'guess', card: view!.cards.findIndex((c) => c.color === 'bystander'), turn });
  }
  const snapshot = await cleo.until((s) => s.view?.turn.team === 'red' && s.view.turn.phase === 'clue');
  await expect(t.spymaster.page.getByLabel('Clue', { exact: true })).toBeVisible();
  return snapshot.view!;
}

/** The words of a team's face-down agents, read from a view that holds the key. */
export function agentsOf(view: CodewordsView, team: Team): string[] {
  return view.cards.filter((c) => c.color === team && !c.revealed).map((c) => c.word);
}
