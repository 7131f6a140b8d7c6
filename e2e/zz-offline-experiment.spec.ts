import { expect, test } from '@playwright/test';
import { Player } from './players';

test('setOffline closes the websocket?', async ({ browser }) => {
  const ana = await Player.open(browser, 'Ana');
  await ana.createRoom();
  const t0 = Date.now();
  await ana.page.context().setOffline(true);
  await expect(ana.page.getByText('Connection lost. Reconnecting…')).toBeVisible({ timeout: 15_000 });
  console.log('banner after', Date.now() - t0, 'ms');
  await ana.page.context().setOffline(false);
  await expect(ana.page.getByText('Connection lost. Reconnecting…')).toBeHidden({ timeout: 15_000 });
  console.log('back after', Date.now() - t0, 'ms');
});
