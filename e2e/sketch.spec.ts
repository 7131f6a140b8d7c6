import { devices, expect, test, type Page } from '@playwright/test';
import { expectAccessibleInBothThemes, violations } from './axe';
import { Player } from './players';

/**
 * Sketch in real browsers: four players (one on a phone with touch), a spectator and a late
 * joiner, each in a context of their own. What the drawer draws shows on every screen, the
 * word reaches only the drawer until the turn ends, and the game runs to the podium.
 */

/** The drawing as this page shows it (base and overlay layers), shrunk to 160x90 RGBA. */
async function drawingPixels(page: Page): Promise<number[]> {
  return page.locator('.sketch-board .sketch-box').evaluate((box) => {
    const out = document.createElement('canvas');
    out.width = 160;
    out.height = 90;
    const ctx = out.getContext('2d')!;
    for (const layer of box.querySelectorAll('canvas')) ctx.drawImage(layer, 0, 0, 160, 90);
    return Array.from(ctx.getImageData(0, 0, 160, 90).data);
  });
}

/** The share of pixels whose colour differs by more than a small tolerance (anti-aliasing). */
function difference(a: readonly number[], b: readonly number[]): number {
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!));
    if (d > 64) differ++;
  }
  return differ / (a.length / 4);
}

/** The share of pixels that are not the white background. */
function inked(a: readonly number[]): number {
  let ink = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i]! + a[i + 1]! + a[i + 2]! < 600) ink++;
  return ink / (a.length / 4);
}

/** Waits until every page shows the drawer's picture (within 1.5% of the pixels). */
async function expectSamePicture(drawer: Player, others: readonly Player[]): Promise<number[]> {
  const reference = await drawingPixels(drawer.page);
  for (const other of others) {
    await expect.poll(async () => difference(reference, await drawingPixels(other.page)), { message: `${other.name}'s canvas` }).toBeLessThan(0.015);
  }
  return reference;
}

/** Draws a stroke with the mouse across the canvas, from and to fractions of its size. */
async function drawWithMouse(page: Page, points: readonly (readonly [number, number])[]): Promise<void> {
  const box = (await page.locator('.sketch-box.is-interactive').boundingBox())!;
  const at = ([x, y]: readonly [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
}

/** Draws a stroke with a finger (touch events through the DevTools protocol). */
async function drawWithTouch(page: Page, points: readonly (readonly [number, number])[]): Promise<void> {
  const box = (await page.locator('.sketch-box.is-interactive').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const at = ([x, y]: readonly [number, number]) => ({ x: box.x + x * box.width, y: box.y + y * box.height });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(points[0]!)] });
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at([a[0] + ((b[0] - a[0]) * k) / 6, a[1] + ((b[1] - a[1]) * k) / 6])] });
    }
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Opens a Sketch room link and joins as a player (everyone who joins Sketch plays). */
async function joinSketch(player: Player, code: string): Promise<void> {
  await player.page.goto(player.url(`/r/${code}`));
  await player.page.getByLabel('Nickname').fill(player.name);
  await player.page.getByRole('button', { name: 'Join as player' }).click();
  await expect(player.page.getByText(`Room ${code}`).first()).toBeVisible();
}

/** The drawer picks the first word offered and returns it as the page shows it. */
async function chooseWord(drawer: Player): Promise<string> {
  await drawer.page.getByRole('group', { name: 'Choose a word to draw' }).getByRole('button').first().click();
  const word = drawer.page.locator('.sketch-word-text');
  await expect(word).toBeVisible();
  return (await word.textContent())!.trim();
}

/** Types a line in the guess box and sends it. */
async function guess(player: Player, text: string): Promise<void> {
  const box = player.page.getByLabel('Your guess', { exact: true });
  await box.fill(text);
  await box.press('Enter');
}

/** A near miss: the word with its last letter changed. */
function oneOff(word: string): string {
  const last = word.at(-1)!.toLowerCase();
  return word.slice(0, -1) + (last === 'x' ? 'z' : 'x');
}

/** Whether any frame this player's browser received holds the word as a JSON string. */
function sawWord(player: Player, word: string): boolean {
  const quoted = `"${word.toLowerCase()}"`;
  return player.frames.some((frame) => frame.toLowerCase().includes(quoted));
}

test.describe('Sketch', () => {
  test('a game of four players, a phone and a spectator: same picture everywhere, the word kept secret, a podium and a gallery', async ({ browser }) => {
    const { defaultBrowserType: _, ...phone } = devices['Pixel 7'];
    const [ana, bo, cy, dee, eve] = await Promise.all([
      Player.open(browser, 'Ana'),
      Player.open(browser, 'Bo'),
      Player.open(browser, 'Cy', { context: phone }),
      Player.open(browser, 'Dee'),
      Player.open(browser, 'Eve'),
    ]);
    const code = await ana.createRoom({ game: 'Sketch' });
    await ana.page.getByLabel('Rounds').selectOption('1');
    // Turns end by guesses here, never by the clock, however loaded the machine.
    await ana.page.getByLabel('Draw time').selectOption('240');
    for (const p of [bo, cy, dee]) await joinSketch(p, code);
    await eve.watchByLink(code);
    await expect(ana.page.getByText('Saved: changes apply as you make them.')).toBeVisible();
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    // Turn 1: Ana draws. Nobody else is offered the words.
    const word = await chooseWord(ana);
    await expect(bo.page.locator('.sketch-blanks')).toBeVisible();
    await drawWithMouse(ana.page, [[0.2, 0.3], [0.5, 0.7], [0.8, 0.3]]);
    const first = await expectSamePicture(ana, [bo, cy, dee, eve]);
    expect(inked(first)).toBeGreaterThan(0.003);

    // A second stroke, undone: everyone is back to the first picture.
    await drawWithMouse(ana.page, [[0.1, 0.9], [0.9, 0.9]]);
    const two = await expectSamePicture(ana, [bo, cy, dee, eve]);
    expect(difference(first, two)).toBeGreaterThan(0.002);
    await ana.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => difference(first, await drawingPixels(ana.page))).toBeLessThan(0.002);
    await expectSamePicture(ana, [bo, cy, dee, eve]);
    // Clear, then draw again.
    await ana.page.getByRole('button', { name: 'Clear the drawing' }).click();
    await expect.poll(async () => inked(await drawingPixels(bo.page))).toBe(0);
    await drawWithMouse(ana.page, [[0.3, 0.2], [0.3, 0.8], [0.7, 0.8], [0.7, 0.2], [0.3, 0.2]]);
    await expectSamePicture(ana, [bo, cy, dee, eve]);

    // A late joiner sees the whole picture at once.
    const fay = await Player.open(browser, 'Fay');
    await joinSketch(fay, code);
    await expectSamePicture(ana, [fay]);

    // A close guess is told to its player alone.
    await guess(bo, oneOff(word));
    await expect(bo.page.locator('.sketch-say-note')).toContainText(`"${oneOff(word)}" is close!`);
    await expect(dee.page.getByText(oneOff(word))).toBeVisible();
    for (const p of [cy, dee, eve]) await expect(p.page.getByText(/is close!/)).toHaveCount(0);

    // A right guess shows as "Bo guessed the word" to others, never the word.
    await guess(bo, word);
    for (const p of [cy, dee, eve, fay, ana]) await expect(p.page.getByText('✓ Bo guessed the word')).toBeVisible();
    await expect(bo.page.getByText(`You guessed ${word}`)).toBeVisible();
    for (const p of [cy, dee, eve, fay]) expect(sawWord(p, word), `${p.name} received the word`).toBe(false);
    expect(sawWord(ana, word), 'the drawer has the word').toBe(true);

    for (const p of [cy, dee, fay]) await guess(p, word);
    for (const p of [ana, bo, cy, dee, eve, fay]) await expect(p.page.getByRole('heading', { name: `The word was ${word}` })).toBeVisible();

    // The next turns: each drawer picks a word, Cy draws with a finger, everyone guesses.
    for (const drawer of [bo, cy, dee, fay]) {
      await expect(drawer.page.getByRole('group', { name: 'Choose a word to draw' })).toBeVisible({ timeout: 15_000 });
      const next = await chooseWord(drawer);
      if (drawer === cy) {
        await drawWithTouch(cy.page, [[0.2, 0.5], [0.5, 0.2], [0.8, 0.5]]);
        const touched = await expectSamePicture(cy, [ana, eve]);
        expect(inked(touched)).toBeGreaterThan(0.003);
      } else {
        await drawWithMouse(drawer.page, [[0.4, 0.4], [0.6, 0.6]]);
      }
      for (const p of [ana, bo, cy, dee, fay].filter((p) => p !== drawer)) await guess(p, next);
    }

    // The end: a podium for all, and the gallery with a replay and a PNG of each drawing.
    for (const p of [ana, bo, cy, dee, eve, fay]) await expect(p.page.getByRole('heading', { name: 'Game over' })).toBeVisible({ timeout: 15_000 });
    await expect(ana.page.locator('.sketch-podium-step')).not.toHaveCount(0);
    const gallery = ana.page.getByRole('region', { name: 'Gallery' });
    await expect(gallery.getByRole('listitem')).toHaveCount(5);
    const download = ana.page.waitForEvent('download');
    await gallery.getByRole('button', { name: `Download ${word} as PNG` }).click();
    expect((await download).suggestedFilename()).toMatch(/^sketch-1-.*\.png$/);
    await gallery.getByRole('button', { name: `Replay ${word}` }).click();

    for (const p of [ana, bo, cy, dee, eve, fay]) await p.close();
  });
});

test.describe('Sketch, by keyboard and screen reader', () => {
  test('two players play a game with the keyboard; every state passes axe in both themes', async ({ browser }) => {
    const [ana, bo] = await Promise.all([Player.open(browser, 'Ana'), Player.open(browser, 'Bo')]);
    const code = await ana.createRoom({ game: 'Sketch' });
    await ana.page.getByLabel('Rounds').selectOption('1');
    await ana.page.getByLabel('Draw time').selectOption('240');
    await joinSketch(bo, code);
    await expect(ana.page.getByText('Saved: changes apply as you make them.')).toBeVisible();
    await expectAccessibleInBothThemes(ana, 'the host in the lobby');
    await ana.page.getByRole('button', { name: 'Start game' }).click();

    // The drawer's choice has the focus: Enter picks the first word.
    const choice = ana.page.getByRole('group', { name: 'Choose a word to draw' });
    await expect(choice.getByRole('button').first()).toBeFocused();
    await expect(bo.announcements).toContainText('Ana is choosing a word');
    // The choice lasts 15 s and the pause 5 s: one theme each (the lobby's check left Ana in the
    // dark one; Bo is back in the light one for the pause), both overlays alike.
    expect.soft(await violations(ana), `the drawer choosing, ${await ana.theme()} theme`).toEqual([]);
    await ana.page.keyboard.press('Enter');
    const word = (await ana.page.locator('.sketch-word-text').textContent())!.trim();
    await expect(bo.announcements).toContainText(/Ana is drawing: .*letters?/);
    await drawWithMouse(ana.page, [[0.3, 0.3], [0.6, 0.6]]);
    await expectAccessibleInBothThemes(ana, 'the drawer drawing');
    await expectAccessibleInBothThemes(bo, 'a guesser guessing');

    // Bo reaches the guess box with Tab and guesses with Enter.
    await bo.setTheme('light');
    await bo.tabTo(bo.page.getByLabel('Your guess', { exact: true }));
    await bo.page.keyboard.type(word);
    await bo.page.keyboard.press('Enter');
    await expect(bo.announcements).toContainText('You guessed the word!');
    await expect(ana.page.getByRole('log', { name: 'Guesses and messages' })).toContainText('Bo guessed the word');
    await expect(bo.page.getByRole('heading', { name: `The word was ${word}` })).toBeVisible();
    expect.soft(await violations(bo), `the pause after a turn, ${await bo.theme()} theme`).toEqual([]);

    // Bo's turn: Ana guesses; then the end.
    const boChoice = bo.page.getByRole('group', { name: 'Choose a word to draw' }).getByRole('button').first();
    await expect(boChoice).toBeVisible({ timeout: 15_000 });
    await bo.tabTo(boChoice);
    await bo.page.keyboard.press('Enter');
    const second = (await bo.page.locator('.sketch-word-text').textContent())!.trim();
    await guess(ana, second);
    await expect(ana.page.getByRole('heading', { name: 'Game over' })).toBeVisible({ timeout: 15_000 });
    await expect(ana.announcements).toContainText(/Game over: /);
    await expectAccessibleInBothThemes(ana, 'the podium and gallery');

    for (const p of [ana, bo]) await p.close();
  });
});
