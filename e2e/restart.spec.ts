import { expect, test } from '@playwright/test';
import { freePort } from '../server/port';
import { startServerProcess } from './server-process';
import { Player } from './players';

/**
 * A graceful server restart, against a server of this test's own (stopping the shared one
 * would disturb the other tests). The embedded server keeps rooms in memory, so the room
 * does not survive; the page must say so instead of spinning.
 */
test('a restart shows a banner, the page reconnects by itself, and a room lost with it is explained', async ({ browser }) => {
  // Two production server starts on top of the browser work.
  test.slow();
  const port = await freePort('127.0.0.1');
  const first = await startServerProcess(port);
  const ana = await Player.open(browser, 'Ana', { baseUrl: first.url });
  await ana.createRoom();

  const stopped = first.stop();
  await expect(ana.page.getByText("The server is restarting — you'll be back in a moment")).toBeVisible();
  expect(await stopped).toBe(0);
  // Still announced while the server is down: the page is waiting, not broken.
  await expect(ana.page.getByText("The server is restarting — you'll be back in a moment")).toBeVisible();

  const second = await startServerProcess(port);
  try {
    // The page reconnects on its own (no reload) and rejoins; the new process has no such room.
    await expect(ana.page.getByRole('heading', { name: 'This room has closed' })).toBeVisible({ timeout: 30_000 });
    await expect(ana.page.getByRole('link', { name: 'Back home' })).toBeVisible();
  } finally {
    await ana.close();
    await second.stop();
  }
});
