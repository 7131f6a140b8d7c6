import { expect, test } from '@playwright/test';
import { Player } from './players';

test('does the server see the drop?', async ({ browser }) => {
  const ana = await Player.open(browser, 'Ana');
  const ben = await Player.open(browser, 'Ben');
  const code = await ana.createRoom();
  await ben.joinByLink(code);
  await ben.takeSeat('red', 'operative');
  const t0 = Date.now();
  await ben.page.context().setOffline(true);
  await expect(ben.page.getByText('Connection lost. Reconnecting…')).toBeVisible({ timeout: 15_000 });
  console.log('banner after', Date.now() - t0, 'ms');
  await expect(ana.page.locator('.badge-away')).toBeVisible({ timeout: 60_000 });
  console.log('away seen after', Date.now() - t0, 'ms');
});
