import { expect, test, type Locator } from '@playwright/test';
import { agentsOf, clueFor, type Player, seatTable, startGame, untilRedClue } from './players';

/** A phone, a tablet and a laptop. */
const SIZES = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** The smallest comfortable touch target (WCAG 2.5.5, Apple and Android guidelines). */
const TOUCH_TARGET = 44;

/** How wide the page scrolls and how wide its viewport is. */
function horizontalExtent(player: Player): Promise<{ scrollWidth: number; clientWidth: number }> {
  return player.page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

/**
 * Each of the 25 cards, scrolled into view vertically: problems with where it lies (not
 * wholly inside the viewport, too small, covered by something else, its word spilling out).
 */
function cardProblems(board: Locator): Promise<string[]> {
  return board.evaluateAll((cards) => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    for (const card of cards) {
      card.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const box = card.getBoundingClientRect();
      const name = card.getAttribute('aria-label') ?? card.textContent ?? '?';
      const say = (what: string) => problems.push(`${name}: ${what} (${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)})`);
      if (root.scrollLeft !== 0) say('the page scrolled sideways to show it');
      if (box.left < 0 || box.right > root.clientWidth + 0.5) say('not within the viewport width');
      if (box.top < 0 || box.bottom > window.innerHeight + 0.5) say('not within the viewport height once scrolled to');
      if (box.width < 40 || box.height < 30) say('too small');
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !card.contains(hit)) say(`covered by ${hit?.tagName.toLowerCase() ?? 'nothing'}.${hit?.className ?? ''}`);
      // The word's own glyphs, wherever its text sits inside the card.
      const range = document.createRange();
      range.selectNodeContents(card);
      const text = range.getBoundingClientRect();
      if (text.width > 0 && (text.left < box.left - 0.5 || text.right > box.right + 0.5)) say('its word spills out of it');
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    return problems;
  });
}

/** Visible controls (buttons, fields, link buttons) smaller than a touch target, with their size. */
function smallTargets(player: Player, minimum: number): Promise<string[]> {
  return player.page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, select, textarea, input:not([type="hidden"]), a.button, [role="button"], summary',
    );
    const small: string[] = [];
    for (const control of controls) {
      // A checkbox or radio is tapped through its label: measure the label.
      const input = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
      const target = input ? (control.closest('label') ?? control.labels?.[0] ?? control) : control;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (box.width < min || box.height < min) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.id;
        small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
    }
    return small;
  }, minimum);
}

/**
 * At each size: the page does not scroll sideways, every card (if a board shows) can be
 * seen whole, and on the phone every control is a comfortable touch target.
 */
async function expectFitsEverySize(player: Player, state: string, { board = false } = {}): Promise<void> {
  for (const size of SIZES) {
    await player.page.setViewportSize({ width: size.width, height: size.height });
    const where = `${state} at ${size.width}x${size.height}`;
    // Layout may follow the resize by a frame (observers, container queries): poll.
    await expect
      .poll(async () => {
        const { scrollWidth, clientWidth } = await horizontalExtent(player);
        return scrollWidth - clientWidth;
      }, { message: `${where}: the page scrolls sideways by this many pixels` })
      .toBeLessThanOrEqual(0);
    if (board) {
      await expect(player.board).toHaveCount(25);
      // The board sizes from its container (container query units): poll past the resize's frame.
      await expect.poll(() => cardProblems(player.board), { message: `${where}: cards` }).toEqual([]);
    }
    if (size.name === 'phone') {
      expect.soft(await smallTargets(player, TOUCH_TARGET), `${where}: controls under ${TOUCH_TARGET}px`).toEqual([]);
    }
  }
}

test.describe('phone, tablet and desktop sizes', () => {
  test('home, lobby and game fit at 375x667, 768x1024 and 1440x900, with the whole board in view', async ({ browser }) => {
    const t = await seatTable(browser, { context: { reducedMotion: 'reduce' } });
    const { spymaster, operative } = t;

    await expectFitsEverySize(spymaster, 'lobby (host)');
    await expectFitsEverySize(operative, 'lobby (player)');

    await startGame(t);
    const key = await untilRedClue(t);
    await expectFitsEverySize(spymaster, 'game (spymaster giving a clue)', { board: true });

    await spymaster.giveClue(clueFor(key.cards), '2');
    await operative.guess(agentsOf(key, 'red')[0]!);
    await expect(operative.page.getByRole('button', { name: 'End turn' })).toBeVisible();
    await expectFitsEverySize(operative, 'game (operative guessing)', { board: true });

    // Home last: the public list then shows this room. A seated player may walk away mid-game.
    await operative.page.goto(operative.url('/'));
    await expect(operative.page.getByRole('button', { name: `Watch room ${t.code}` })).toBeVisible();
    await expectFitsEverySize(operative, 'home');

    await t.close();
  });
});
