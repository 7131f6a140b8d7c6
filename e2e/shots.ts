import type { Page } from '@playwright/test';

/** The phone and desktop sizes the specs check and screenshot. */
export const PHONE = { width: 375, height: 667 } as const;
export const DESKTOP = { width: 1280, height: 720 } as const;

/**
 * Saves the page at phone and desktop size (whole page) as `<SHOTS_DIR>/<name>-<w>x<h>.png`
 * when SHOTS_DIR is set, for a person to look at; leaves it at desktop size. Does nothing otherwise.
 */
export async function saveShots(page: Page, name: string): Promise<void> {
  if (!process.env.SHOTS_DIR) return;
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
}
