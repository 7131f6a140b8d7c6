import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** The URL of the server started by global-setup. */
export function parlorUrl(path = '/'): string {
  const base = process.env.PARLOR_URL;
  if (!base) throw new Error('PARLOR_URL is not set: run the tests through playwright.config.ts');
  return new URL(path, base).toString();
}

/** A card colour as the board's accessible names tell it. */
export type Color = 'red' | 'blue' | 'bystander' | 'assassin';

/** One card as read from the page. */
export interface SeenCard {
  readonly word: string;
  readonly color: Color | null;
  readonly revealed: boolean;
}

/**
 * One person at the table: a browser context of their own (so their own session token)
 * and the page objects' vocabulary for what they do. Every frame their websocket
 * receives is kept, to check what reached their browser.
 */
export class Player {
  /** Socket.IO text frames received by this page, in order. */
  readonly frames: string[] = [];

  private constructor(
    readonly name: string,
    readonly page: Page,
  ) {
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string') this.frames.push(payload);
      });
    });
  }

  /** Opens a new browser context for a person called `name`. */
  static async open(browser: Browser, name: string): Promise<Player> {
    const context = await browser.newContext();
    return new Player(name, await context.newPage());
  }

  /** Creates a public room from the home page and returns its code. */
  async createRoom(): Promise<string> {
    await this.page.goto(parlorUrl('/'));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByLabel('Public room', { exact: true }).check();
    await this.page.getByRole('button', { name: 'Create room' }).click();
    await this.page.waitForURL(/\/r\/[A-Z0-9]{4,6}$/);
    const code = new URL(this.page.url()).pathname.split('/').pop()!;
    await expect(this.page.getByRole('heading', { name: `Room ${code}` })).toBeVisible();
    return code;
  }

  /** Opens the room link a friend sent and joins as a player. */
  async joinByLink(code: string): Promise<void> {
    await this.page.goto(parlorUrl(`/r/${code}`));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByRole('button', { name: 'Join as player' }).click();
    await expect(this.page.getByRole('button', { name: 'Join red as operative' })).toBeVisible();
  }

  /** Types the code on the home page. */
  async joinByCode(code: string): Promise<void> {
    await this.page.goto(parlorUrl('/'));
    await this.page.getByLabel('Nickname').fill(this.name);
    await this.page.getByLabel('Room code').fill(code.toLowerCase());
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.page.waitForURL(new RegExp(`/r/${code}$`));
    // The nickname typed on the home page is remembered, so no prompt here.
    await expect(this.page.getByRole('button', { name: 'Join red as operative' })).toBeVisible();
  }

  /** Finds the room in the home page's public list and clicks Watch. */
  async watchFromList(code: string): Promise<void> {
    await this.page.goto(parlorUrl('/'));
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

  /** Closes the browser context. */
  async close(): Promise<void> {
    await this.page.context().close();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A clue that fits the board: not a board word, not inside one, and none inside it. */
export function clueFor(cards: readonly SeenCard[]): string {
  const words = cards.map((c) => c.word.toLowerCase());
  const candidates = ['zephyr', 'quokka', 'fjord', 'xylophone', 'kumquat', 'gazebo', 'walrus', 'sphinx'];
  const clue = candidates.find((c) => words.every((w) => !w.includes(c) && !c.includes(w)));
  if (!clue) throw new Error('no clue candidate fits this board');
  return clue;
}

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
