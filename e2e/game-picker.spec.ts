import { expect, test } from '@playwright/test';
import { Player } from './players';

test.describe('picking the game', () => {
  test('the home page offers each game with a picture and a line; a room made with Codewords picked plays Codewords', async ({
    browser,
  }) => {
    const [ana, ben] = await Promise.all([Player.open(browser, 'Ana'), Player.open(browser, 'Ben')]);

    // Every game shows with its picture and its line; the first is preselected.
    await ana.page.goto(ana.url('/'));
    const codewords = ana.gamePicker.getByRole('radio', { name: 'Codewords', exact: true });
    await expect(codewords).toBeChecked();
    await expect(codewords).toHaveAccessibleDescription(/one-word clues/);
    const sketch = ana.gamePicker.getByRole('radio', { name: 'Sketch', exact: true });
    await expect(sketch).not.toBeChecked();
    await expect(sketch).toHaveAccessibleDescription(/One draws, everyone guesses/);
    const pictures = ana.gamePicker.locator('img');
    await expect(pictures).toHaveCount(2);
    for (const picture of await pictures.all()) {
      await expect(picture).toBeVisible();
      await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }

    const code = await ana.createRoom({ game: 'Codewords' });
    // The room says which game it plays, links its rules, and shows Codewords' own lobby.
    const rules = ana.page.getByRole('link', { name: 'How to play Codewords (opens in a new tab)' });
    await expect(rules).toHaveAttribute('href', '/how-to-play/codewords');
    await expect(ana.page.getByRole('region', { name: 'Red team' })).toBeVisible();
    await expect(ana.page.getByRole('button', { name: 'Join blue as spymaster' })).toBeVisible();

    // The public list names the game of each room, and so does the room link.
    await ben.page.goto(ben.url('/'));
    await expect(ben.publicRoom(code)).toContainText('Codewords');
    await ben.joinByLink(code);
    await expect(ana.playerRow('Ben')).toBeVisible();

    // The rules: the index links each game's page.
    await ben.page.goto(ben.url('/how-to-play'));
    await ben.page.getByRole('link', { name: 'How to play Codewords' }).click();
    await ben.page.waitForURL(ben.url('/how-to-play/codewords'));
    await expect(ben.page.getByRole('heading', { level: 1, name: 'How to play Codewords' })).toBeVisible();

    for (const p of [ana, ben]) await p.close();
  });
});
