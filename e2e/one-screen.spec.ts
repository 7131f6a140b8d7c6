import { expect, test, type Page } from '@playwright/test';
import { agentsOf, clueFor, type Player, seatTable, startGame, untilRedClue } from './players';

/**
 * Issue 19: during play the whole board and the clue (or the clue form) fit one screen, for
 * every role, on laptops and on a phone both ways up, with no card word under 12 px.
 * With SHOTS_DIR set, each checked screen is also saved there as a PNG.
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 375, height: 667 },
  { width: 667, height: 375 },
] as const;

/** The smallest size a card's word may render at. */
const MIN_WORD_PX = 12;

/**
 * With the page scrolled to the top: what of the 25 cards and of `extra` (CSS selectors of
 * the clue or the clue form's parts) lies outside the viewport or is covered, and the
 * smallest computed font size of a card word.
 */
function screenCheck(page: Page, extra: readonly string[]): Promise<{ problems: string[]; smallestWord: number; scrollY: number }> {
  return page.evaluate((selectors) => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    const problems: string[] = [];
    const inside = (element: Element, name: string) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) problems.push(`${name}: not shown`);
      if (box.left < -0.5 || box.top < -0.5 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5) {
        problems.push(`${name}: outside the viewport (${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)})`);
      }
      return box;
    };
    const cards = [...document.querySelectorAll('[role="group"][aria-label="Board"] button')];
    if (cards.length !== 25) problems.push(`${cards.length} cards`);
    let smallestWord = Infinity;
    for (const card of cards) {
      const name = card.getAttribute('aria-label') ?? '?';
      const box = inside(card, name);
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !card.contains(hit)) problems.push(`${name}: covered by ${hit?.className ?? 'nothing'}`);
      const word = card.querySelector('.board-card-word');
      if (word) smallestWord = Math.min(smallestWord, parseFloat(getComputedStyle(word).fontSize));
      const range = document.createRange();
      range.selectNodeContents(card);
      const text = range.getBoundingClientRect();
      if (text.right > box.right + 0.5 || text.bottom > box.bottom + 0.5 || text.left < box.left - 0.5 || text.top < box.top - 0.5) {
        problems.push(`${name}: its word spills out`);
      }
    }
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) problems.push(`${selector}: missing`);
      else inside(element, selector);
    }
    return { problems, smallestWord, scrollY: window.scrollY };
  }, extra);
}

async function expectOneScreen(player: Player, role: string, extra: readonly string[]): Promise<void> {
  for (const size of SIZES) {
    await player.page.setViewportSize(size);
    const where = `${role} at ${size.width}x${size.height}`;
    await expect(player.board).toHaveCount(25);
    if (process.env.SHOTS_DIR) {
      await player.page.screenshot({ path: `${process.env.SHOTS_DIR}/game-${role.replace(/\W+/g, '-')}-${size.width}x${size.height}.png` });
    }
    // Container-query sizes follow the resize within a frame or two: poll.
    await expect
      .poll(async () => (await screenCheck(player.page, extra)).problems, { message: `${where}: board and clue on one screen` })
      .toEqual([]);
    const { smallestWord } = await screenCheck(player.page, extra);
    expect.soft(smallestWord, `${where}: smallest card word (px)`).toBeGreaterThanOrEqual(MIN_WORD_PX);
  }
}

test.describe('one screen (issue 19)', () => {
  test('spymaster, operative and spectator see the whole board and the clue without scrolling, words at 12 px or more', async ({ browser }) => {
    test.slow();
    const t = await seatTable(browser, { spectator: true, context: { reducedMotion: 'reduce' } });
    const { spymaster, operative } = t;
    const spectator = t.spectator!;
    if (process.env.SHOTS_DIR) {
      for (const size of [{ width: 375, height: 667 }, { width: 1440, height: 900 }]) {
        for (const [who, p] of [['host', spymaster], ['player', operative], ['spectator', spectator]] as const) {
          await p.page.setViewportSize(size);
          await p.page.screenshot({ path: `${process.env.SHOTS_DIR}/lobby-${who}-${size.width}x${size.height}.png`, fullPage: true });
        }
      }
    }
    await startGame(t);
    const key = await untilRedClue(t);
    await expectOneScreen(spymaster, 'spymaster giving a clue', ['#clue-word', '.clue-submit', '.clue-count select']);

    await spymaster.giveClue(clueFor(key.cards), '2');
    await operative.guess(agentsOf(key, 'red')[0]!);
    await expect(operative.page.getByRole('button', { name: 'End turn' })).toBeVisible();
    await expectOneScreen(operative, 'operative guessing', ['.clue-hero', '.end-turn']);
    await expectOneScreen(spectator, 'spectator', ['.clue-hero']);
    await t.close();
  });

  test('a tap on an inactive board says why; a refused action is a toast that goes by itself; a clue error shows as typed', async ({ browser }) => {
    const t = await seatTable(browser, { spectator: true });
    const { spymaster, operative } = t;
    const spectator = t.spectator!;

    // Refused: the host starts before blue's operative... all seats are taken, so leave one first.
    await operative.page.getByRole('button', { name: 'Leave seat' }).click();
    await expect(spymaster.playerRow('Ben').getByText('No seat')).toHaveCount(0);
    await spymaster.page.getByRole('button', { name: 'Start game' }).click();
    const refusal = spymaster.page.getByRole('alert').filter({ hasText: /operative|seat|spymaster/i });
    await expect(refusal).toBeVisible();
    const shownAt = Date.now();
    await expect(refusal).toHaveCount(0, { timeout: 6000 });
    expect(Date.now() - shownAt).toBeLessThan(6000);
    await operative.takeSeat('red', 'operative');

    // A timer chosen with no save button, then Start at once: the game uses it.
    await spymaster.page.getByLabel('Turn timer').selectOption({ label: '90 seconds' });
    await startGame(t);
    expect(t.bots.spymaster.view.turnSeconds).toBe(90);
    const key = await untilRedClue(t);

    // The spectator's board is inactive: a tap says why.
    await expect(spectator.page.locator('.board.is-inactive')).toBeVisible();
    const faceDown = key.cards.find((card) => !card.revealed)!.word;
    // aria-disabled, not disabled: a real tap lands, so Playwright's actionability check is skipped.
    await spectator.page.getByRole('button', { name: faceDown, exact: true }).click({ force: true });
    await expect(spectator.page.getByRole('status').filter({ hasText: 'You are watching' }).first()).toBeVisible();
    // The red operative waits for the clue: a tap names the spymaster.
    await operative.page.getByRole('button', { name: faceDown, exact: true }).click({ force: true });
    await expect(operative.page.getByText("Wait for Ana's clue.")).toBeVisible();

    // The clue field checks the word as it is typed, with the server's own rules.
    const word = key.cards[0]!.word;
    await spymaster.page.getByLabel('Clue', { exact: true }).fill(word.toLowerCase());
    await expect(spymaster.page.locator('.clue-error')).toContainText('on the board');
    await expect(spymaster.page.getByLabel('Clue', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await spymaster.page.getByLabel('Clue', { exact: true }).fill(clueFor(key.cards));
    await expect(spymaster.page.locator('.clue-error')).toBeEmpty();
    await t.close();
  });
});
