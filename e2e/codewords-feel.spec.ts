import { expect, test, type Page } from '@playwright/test';
import type { Team } from '../game/codewords/types';
import { expectAccessibleInBothThemes } from './axe';
import { agentsOf, Bot, clueFor, Player, seatTable, startGame, untilRedClue } from './players';
import { PHONE, saveShots } from './shots';

/**
 * Issue 19, the game-feel half: the lobby offers the host a seat and "Randomise teams" and
 * keeps Start and the settings above the fold on a phone; a turn that runs out before its
 * clue stays in the game log (a reload still shows it); a finished game shows its summary;
 * sound comes on after the first interaction unless the visitor chose. Every new state is
 * checked with axe in both themes. With SHOTS_DIR set, each state is saved as PNGs at phone
 * and desktop size.
 */

const reduced = { reducedMotion: 'reduce' } as const;

/** {@link saveShots} under this spec's prefix. */
const shots = (page: Page, name: string) => saveShots(page, `feel-${name}`);

/** Whether an element lies wholly inside the viewport with the page scrolled to the top. */
function aboveTheFold(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    const element = document.querySelector(css);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  }, selector);
}

const TEAM_NAME: Record<Team, string> = { red: 'Red', blue: 'Blue' };

test.describe('game feel (issue 19)', () => {
  test('lobby: the host is offered a seat, Start and the settings are above the fold on a phone, "Randomise teams" deals balanced teams', async ({ browser }) => {
    const host = await Player.open(browser, 'Ana', { context: reduced });
    const code = await host.createRoom();
    const page = host.page;

    // The host starts without a seat and is offered one.
    const prompt = page.getByRole('note').filter({ hasText: "You don't have a seat yet" });
    await expect(prompt).toBeVisible();
    await page.setViewportSize(PHONE);
    for (const selector of ['.start-panel .button-primary', '#turn-timer', '.seat-prompt']) {
      expect.soft(await aboveTheFold(page, selector), `${selector} above the fold at 375x667`).toBe(true);
    }
    await shots(page, 'lobby-host-unseated');
    await expectAccessibleInBothThemes(host, 'lobby, host without a seat');

    // "Take a seat" brings the first free seat's button into view and focuses it.
    await page.setViewportSize(PHONE);
    await prompt.getByRole('button', { name: 'Take a seat' }).click();
    const firstSeat = page.getByRole('button', { name: 'Join red as spymaster' });
    await expect(firstSeat).toBeFocused();
    await expect(firstSeat).toBeInViewport();

    // Three more players join without seats; the host deals the teams.
    const bots = await Promise.all(['Cleo', 'Dev', 'Eli'].map((name) => Bot.connect(name)));
    await Promise.all(bots.map((bot) => bot.join(code)));
    await expect(host.playerRow('Eli')).toBeVisible();
    const randomise = page.getByRole('button', { name: 'Randomise teams' });
    const deal = async () => {
      await randomise.click();
      await expect(page.getByRole('status').filter({ hasText: 'Teams randomised.' })).toBeVisible();
    };
    await deal();
    const dealt = await bots[0]!.until((s) => s.players.every((p) => p.seat !== null));
    const count = (seat: string) => dealt.players.filter((p) => p.seat === seat).length;
    expect([count('red:spymaster'), count('blue:spymaster'), count('red:operative'), count('blue:operative')]).toEqual([1, 1, 1, 1]);
    await expect(prompt).toHaveCount(0);
    // The toast that confirms the deal, in both themes (each check deals again).
    await expectAccessibleInBothThemes(host, 'lobby, "Teams randomised" toast', deal);
    // A deal from seated players is balanced too: one player in each of the four seats.
    await bots[0]!.until((s) => s.players.every((p) => p.seat !== null) && new Set(s.players.map((p) => p.seat)).size === 4);
    await shots(page, 'lobby-host-randomised');

    for (const bot of bots) bot.close();
    await page.close();
  });

  test('a turn that runs out before its clue stays in the game log, also after a reload', async ({ browser }) => {
    // Bots hold the seats and start with the server's shortest timer (the lobby offers 30 s and up).
    const [cleo, dev, fay, gus] = await Promise.all(['Cleo', 'Dev', 'Fay', 'Gus'].map((name) => Bot.connect(name)));
    const { code } = await cleo!.request<{ code: string }>('room:create', {
      nickname: 'Cleo',
      public: false,
      gameId: 'codewords',
      settings: { turnSeconds: 15, customWords: null },
    });
    await cleo!.join(code);
    await Promise.all([dev!.join(code), fay!.join(code), gus!.join(code)]);
    await Promise.all([cleo!.sit('red:spymaster'), dev!.sit('red:operative'), fay!.sit('blue:spymaster'), gus!.sit('blue:operative')]);
    const ana = await Player.open(browser, 'Ana', { context: reduced });
    await ana.joinByLink(code);
    await cleo!.request('room:start', { code });
    const { view } = await cleo!.until((s) => s.phase === 'playing');
    const first = TEAM_NAME[view!.turn.team];
    const line = ana.page.locator('.clue-log li').first();

    // Nobody gives a clue: after 15 s the turn passes and the log says so, with a banner.
    await expect(line).toHaveText(`${first} ran out of time`, { timeout: 30_000 });
    await expect(ana.page.locator('.guess-banner')).toContainText(`${first} ran out of time`);
    // The line is the room's, not this page's memory: a reload shows it.
    await ana.page.reload();
    await expect(line).toHaveText(`${first} ran out of time`);
    await shots(ana.page, 'timeout-logged');
    await expectAccessibleInBothThemes(ana, 'game log with a timeout line');

    for (const bot of [cleo, dev, fay, gus]) bot!.close();
    await ana.page.close();
  });

  test('the guess banner, the Room menu and a tap toast pass axe; the end shows a celebration and the summary', async ({ browser }) => {
    const t = await seatTable(browser, { context: reduced });
    const { spymaster: host, operative } = t;
    await startGame(t);
    const bluePlayedFirst = t.bots.spymaster.view.turn.team === 'blue';
    const key = await untilRedClue(t);
    const clue = clueFor(key.cards);
    await host.giveClue(clue, '2');
    // The team panels beside the board name the players, with their initials.
    await expect(host.page.locator('.team-panel-red')).toContainText('Ana');
    await expect(host.page.locator('.team-panel-blue .avatar').first()).toHaveText('C');

    // The banner after a guess, in each theme: a red agent each time.
    const agents = agentsOf(key, 'red');
    let guessed = 0;
    await expectAccessibleInBothThemes(operative, 'guess banner', async () => {
      await operative.guess(agents[guessed++]!);
      await expect(operative.page.locator('.guess-banner')).toContainText('a red agent: Red keeps guessing.');
    });

    // The Room menu, open.
    const menu = host.page.getByRole('button', { name: 'Room menu' });
    await expectAccessibleInBothThemes(host, 'Room menu', async () => {
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      await expect(host.page.getByRole('button', { name: 'Leave room' })).toBeVisible();
    });
    await host.page.keyboard.press('Escape');

    // The spymaster taps the board the operatives play: a toast says why.
    const faceDown = key.cards.find((card) => card.color === 'bystander' && !card.revealed)!.word;
    await expectAccessibleInBothThemes(host, 'toast of a tap on an inactive board', async () => {
      await host.page.getByRole('button', { name: new RegExp(`^${faceDown}\\b`) }).click({ force: true });
      await expect(host.page.getByRole('status').filter({ hasText: 'Your operatives turn the cards' }).first()).toBeVisible();
    });

    // The assassin: blue wins. Motion allowed on this page, so the celebration runs.
    await operative.page.emulateMedia({ reducedMotion: 'no-preference' });
    await operative.guess(key.cards.find((card) => card.color === 'assassin')!.word);
    await expect(operative.page.getByRole('heading', { name: 'Blue team wins!' })).toBeVisible();
    await expect(operative.page.locator('.celebration')).toBeVisible();
    // Mid-fall, for the picture.
    await operative.page.waitForFunction(() =>
      document.getAnimations().some((a) => (a as CSSAnimation).animationName === 'confetti-fall' && Number(a.currentTime) > 500),
    );
    if (process.env.SHOTS_DIR) await operative.page.screenshot({ path: `${process.env.SHOTS_DIR}/feel-celebration-1280x720.png` });
    // With reduced motion there is none.
    await expect(host.page.getByRole('heading', { name: 'Blue team wins!' })).toBeVisible();
    await expect(host.page.locator('.celebration')).toBeHidden();

    const summary = host.page.getByRole('region', { name: 'Game summary' });
    const row = (term: string) => summary.locator('.summary-row').filter({ has: host.page.locator('dt', { hasText: term }) });
    const redAgents = key.cards.filter((card) => card.color === 'red').length;
    const blueAgents = key.cards.filter((card) => card.color === 'blue').length;
    await expect(row('Red')).toContainText(`2 of ${redAgents} agents found · 1 clue · 1 miss`);
    await expect(row('Blue')).toContainText(bluePlayedFirst ? `0 of ${blueAgents} agents found · 1 clue · 1 miss` : `0 of ${blueAgents} agents found · 0 clues · 0 misses`);
    await expect(row('Turns').locator('dd')).toHaveText(bluePlayedFirst ? '2' : '1');
    await expect(row('Best clue').locator('dd')).toHaveText(new RegExp(`^${clue} 2 \\(Red, 2 agents\\)$`, 'i'));
    await shots(host.page, 'game-over-summary');
    await expectAccessibleInBothThemes(host, 'game over with the summary');
    await expectAccessibleInBothThemes(operative, 'game over with the summary');
    await t.close();
  });

  test('sound comes on after the first interaction for a visitor who never chose; a stored choice wins', async ({ browser }) => {
    const visitor = await Player.open(browser, 'Ana', { context: reduced });
    const page = visitor.page;
    const sound = page.getByRole('button', { name: 'Sound', exact: true });
    await page.goto(visitor.url('/'));
    await expect(sound).toHaveAttribute('aria-pressed', 'false');
    // Any press on the page counts (here, a click on the page's text).
    await page.getByRole('heading', { level: 1 }).click();
    await expect(sound).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => localStorage.getItem('parlor:sound'))).toBeNull();

    // Turned off: remembered, and an interaction after a reload leaves it off.
    await sound.click();
    await expect(sound).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => localStorage.getItem('parlor:sound'))).toBe('off');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(sound).toHaveAttribute('aria-pressed', 'false');

    // A first visit whose first press is the toggle itself turns sound on, as pressed.
    await page.evaluate(() => localStorage.removeItem('parlor:sound'));
    await page.reload();
    await expect(sound).toHaveAttribute('aria-pressed', 'false');
    await sound.click();
    await expect(sound).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => localStorage.getItem('parlor:sound'))).toBe('on');
    await page.close();
  });
});
