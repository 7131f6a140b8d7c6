import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Player, Theme } from './players';

/** The WCAG 2.1 A and AA rules; axe's best-practice rules are left out. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One readable line per failing element: rule, impact, element, and what is wrong. */
export async function violations(player: Player): Promise<string[]> {
  const results = await new AxeBuilder({ page: player.page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

/**
 * Runs axe in the theme the page shows, switches the theme with the header button and
 * runs it again, so every state is checked in both themes (the page is left in the other
 * one, and the next state starts from there). Failures are soft: one run lists them all.
 *
 * A passing state (a toast, a banner, an open menu) is brought back by `show` in each theme
 * and checked at once: waiting for every animation to end would wait for it to go.
 */
export async function expectAccessibleInBothThemes(player: Player, state: string, show?: () => Promise<void>): Promise<void> {
  const first = await player.theme();
  const second: Theme = first === 'light' ? 'dark' : 'light';
  for (const theme of [first, second]) {
    if (theme === second) await player.setTheme(second);
    if (show) await show();
    else await player.settle();
    expect.soft(await violations(player), `${state}, ${theme} theme, as ${player.name}`).toEqual([]);
  }
}
