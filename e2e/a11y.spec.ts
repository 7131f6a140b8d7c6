import { expect, test } from '@playwright/test';
import { expectAccessibleInBothThemes } from './axe';
import { agentsOf, Bot, clueFor, Player, seatTable, startGame, untilRedClue } from './players';

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  // Colours are checked once motion has settled; reduced motion keeps that short.
  const context = { reducedMotion: 'reduce' } as const;

  test('lobby, game as spymaster, operative and spectator, and game over, in both themes', async ({ browser }) => {
    const t = await seatTable(browser, { spectator: true, context });
    const { spymaster: host, operative } = t;
    const spectator = t.spectator!;

    // The lobby as the host sees it (settings, start, the QR code shown), and as a spectator.
    await host.page.getByRole('button', { name: 'Show QR code' }).click();
    await expect(host.page.getByRole('img', { name: 'QR code for the room link' })).toBeVisible();
    await expectAccessibleInBothThemes(host, 'lobby with the QR code');
    await expectAccessibleInBothThemes(spectator, 'lobby');

    // The red spymaster's clue form (blue's bots play first if blue starts).
    await startGame(t);
    const key = await untilRedClue(t);
    await expectAccessibleInBothThemes(host, 'game, giving a clue');

    // Red guesses one agent: the operative can pick more or end the turn; the spectator watches.
    await host.giveClue(clueFor(key.cards), '2');
    await operative.guess(agentsOf(key, 'red')[0]!);
    await expect(operative.page.getByRole('button', { name: 'End turn' })).toBeVisible();
    await expectAccessibleInBothThemes(operative, 'game, guessing');
    await expectAccessibleInBothThemes(spectator, 'game, watching');

    // The assassin ends the game: the result and the whole key, for the host and a player.
    await operative.guess(key.cards.find((c) => c.color === 'assassin')!.word);
    for (const p of t.pages) await expect(p.page.getByRole('heading', { name: 'Blue team wins!' })).toBeVisible();
    await expectAccessibleInBothThemes(host, 'game over');
    await expectAccessibleInBothThemes(operative, 'game over');

    await t.close();
  });

  test('home, how to play (the index and a game) and a missing room, in both themes; the remembered theme is set before the first paint', async ({ browser }) => {
    // A public room, so the home page's list has a row.
    const bot = await Bot.connect('Zoe');
    const code = await bot.createRoom(true);
    const visitor = await Player.open(browser, 'Ana', { context });
    const page = visitor.page;

    await page.goto(visitor.url('/'));
    await expect(page.getByRole('button', { name: `Watch room ${code}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sound', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expectAccessibleInBothThemes(visitor, 'home');

    await page.goto(visitor.url('/how-to-play'));
    await expect(page.getByRole('heading', { level: 1, name: /how to play/i })).toBeVisible();
    await expectAccessibleInBothThemes(visitor, 'how to play');
    await page.goto(visitor.url('/how-to-play/codewords'));
    await expect(page.getByRole('heading', { level: 1, name: 'How to play Codewords' })).toBeVisible();
    await expectAccessibleInBothThemes(visitor, 'how to play Codewords');

    // A room link that leads nowhere, opened for the first time: it says so before asking
    // for a nickname (the page looks the room up while it asks).
    await page.goto(visitor.url('/r/ZZZZZY'));
    await expect(page.getByRole('heading', { level: 1, name: 'Room not found' })).toBeVisible();
    await expect(page.getByLabel('Nickname')).toHaveCount(0);

    // The same with a nickname remembered, so the page tries to join at once.
    await page.evaluate(() => localStorage.setItem('parlor:nickname', 'Ana'));
    await page.goto(visitor.url('/r/ZZZZZZ'));
    await expect(page.getByRole('heading', { level: 1, name: 'Room not found' })).toBeVisible();
    await expectAccessibleInBothThemes(visitor, 'room not found');

    // Record the theme when the body's first element is parsed, before anything can be
    // painted: a theme applied by React after hydration would come too late.
    await visitor.setTheme('dark');
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body?.firstElementChild) return;
        observer.disconnect();
        document.documentElement.dataset.themeAtFirstElement = document.documentElement.getAttribute('data-theme') ?? 'none';
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    for (const path of ['/', '/how-to-play', '/how-to-play/codewords', `/r/${code}`]) {
      await page.goto(visitor.url(path));
      await expect(page.locator('html'), path).toHaveAttribute('data-theme-at-first-element', 'dark');
      await expect(visitor.darkModeToggle).toHaveAttribute('aria-pressed', 'true');
    }

    bot.close();
    await visitor.close();
  });
});
