import { expect, test } from '@playwright/test';
import { startRedisServer, type RedisServer } from '../server/redis-server';
import { BROWSER_TEST_ENV } from './global-setup';
import { clueFor, expectNoHiddenColours, Player } from './players';
import { startServerProcess, type ServerProcess } from './server-process';
import { saveShots } from './shots';

/**
 * Issue 6 in browsers: two Parlor nodes (production builds, websocket only, so no sticky
 * sessions) share a private redis-server; two players use node A and two use node B, and
 * they play a game through the page. Started and stopped by this file, on loopback and
 * free ports. With SHOTS_DIR set, a player of each node is saved as PNGs mid-game and at the end.
 */
let redis: RedisServer;
const nodes: ServerProcess[] = [];

test.beforeAll(async () => {
  redis = await startRedisServer();
  // Each node is kept as soon as it runs, so that afterAll stops it even if the other fails to start.
  await Promise.all(
    ['a', 'b'].map(async (id) => {
      const env = { ...BROWSER_TEST_ENV, REDIS_URL: redis.url, NODE_ID: `e2e-${id}`, PLAYER_ID_SECRET: 'e2e-scale-out', TRANSPORTS: 'websocket' };
      nodes.push(await startServerProcess(0, env));
    }),
  );
});

test.afterAll(async () => {
  const codes = await Promise.all(nodes.map((node) => node.stop()));
  await redis?.stop();
  for (const node of nodes) expect(node.errors).toEqual([]);
  expect(codes).toEqual([0, 0]);
});

test('four browsers on two nodes play a game to its end', async ({ browser }) => {
  const [a, b] = nodes as [ServerProcess, ServerProcess];
  const [ana, ben, cleo, dev] = await Promise.all(
    [['Ana', a], ['Ben', a], ['Cleo', b], ['Dev', b]].map(([name, node]) => Player.open(browser, name as string, { baseUrl: (node as ServerProcess).url })),
  );
  const everyone = [ana!, ben!, cleo!, dev!];
  const code = await ana!.createRoom();
  for (const p of [ben!, cleo!, dev!]) await p.joinByLink(code);
  await ana!.takeSeat('red', 'spymaster');
  await ben!.takeSeat('red', 'operative');
  await cleo!.takeSeat('blue', 'spymaster');
  await dev!.takeSeat('blue', 'operative');
  await expect(ana!.page.getByText('Dev', { exact: true }).first()).toBeVisible();
  await ana!.page.getByRole('button', { name: 'Start game' }).click();
  for (const p of everyone) await expect(p.board).toHaveCount(25);

  const spymaster = { red: ana!, blue: cleo! };
  const operative = { red: ben!, blue: dev! };
  const first = await ana!.turnTeam();
  const second = first === 'red' ? 'blue' : 'red';
  const key = await spymaster[first].cards();
  const words = (color: string) => key.filter((c) => c.color === color).map((c) => c.word);

  // The first team (on one node) hits a bystander: the turn passes to the other node's team.
  await spymaster[first].giveClue(clueFor(key), '1');
  await operative[first].guess(words('bystander')[0]!);
  for (const p of everyone) await expect(p.page.getByRole('button', { name: `${words('bystander')[0]}, bystander` })).toBeVisible();
  await saveShots(ana!.page, 'scale-out-node-a-spymaster');
  await saveShots(dev!.page, 'scale-out-node-b-operative');

  // The second team finds all its agents and wins; every page, on both nodes, sees it.
  await expect.poll(() => spymaster[second].turnTeam()).toBe(second);
  await spymaster[second].giveClue(clueFor(key), 'Unlimited');
  for (const word of words(second)) await operative[second].guess(word);
  const winner = `${second === 'red' ? 'Red' : 'Blue'} team wins!`;
  for (const p of everyone) await expect(p.page.getByRole('heading', { name: winner })).toBeVisible();
  await saveShots(ben!.page, 'scale-out-node-a-end');
  await saveShots(cleo!.page, 'scale-out-node-b-end');
  expectNoHiddenColours(operative[first].frames);
  for (const p of everyone) await p.close();
});
