import { expect, test } from '@playwright/test';
import { clueFor, parlorUrl, Player } from './players';

/**
 * What happens around the game rather than in it: a dropped connection, the host's
 * powers (kick, seats, handing over the role), and the room chat. Each test makes its own
 * room and opens one browser context per person, so the tests run in parallel.
 */

const TEAM = { red: 'Red', blue: 'Blue' } as const;

test.describe('Resilience and room management', () => {
  test('a player offline for 10 s mid-game comes back, without a reload, to the current board and the same seat', async ({
    browser,
  }) => {
    // Ten seconds offline on purpose, four browsers, and a reconnect: more than the default budget on a busy machine.
    test.slow();
    // Either spymaster may be the one who drops (it depends on which team starts), so both links are cuttable.
    const [ana, ben, cleo, dev] = await Promise.all([
      Player.open(browser, 'Ana', { cuttable: true }),
      Player.open(browser, 'Ben'),
      Player.open(browser, 'Cleo', { cuttable: true }),
      Player.open(browser, 'Dev'),
    ]);
    const code = await ana!.createRoom();
    await ben!.joinByLink(code);
    await cleo!.joinByLink(code);
    await dev!.joinByLink(code);
    await ana!.takeSeat('red', 'spymaster');
    await ben!.takeSeat('red', 'operative');
    await cleo!.takeSeat('blue', 'spymaster');
    await dev!.takeSeat('blue', 'operative');
    await expect(ana!.playerRow('Dev')).toBeVisible();
    await ana!.page.getByRole('button', { name: 'Start game' }).click();
    for (const p of [ana!, ben!, cleo!, dev!]) await expect(p.board).toHaveCount(25);

    const spymaster = { red: ana!, blue: cleo! };
    const operative = { red: ben!, blue: dev! };
    const team = await ana!.turnTeam();
    const other = team === 'red' ? 'blue' : 'red';
    // The spymaster of the team that waits drops off; the playing team goes on without them.
    const away = spymaster[other];
    const players = [spymaster[team], operative[team]];

    // A flag in the page's memory: still there afterwards means the page never reloaded.
    await away.page.evaluate(() => Object.assign(window, { parlorStayed: true }));
    const offlineAt = Date.now();
    await away.goOffline();
    await expect(away.page.getByText('Connection lost. Reconnecting…')).toBeVisible();
    for (const p of players) await expect(p.playerRow(away.name).getByText('away', { exact: true })).toBeVisible();

    // Meanwhile the game goes on: a clue and a right guess.
    const key = await spymaster[team].cards();
    const clue = clueFor(key);
    const agent = key.find((card) => card.color === team)!.word;
    await spymaster[team].giveClue(clue, '2');
    await operative[team].guess(agent);

    // Offline for 10 s of real time in all (the moves above took some of it). This waits
    // on the clock, not on the page: nothing on screen can say "10 s have passed".
    await expect.poll(() => Date.now() - offlineAt, { timeout: 15_000 }).toBeGreaterThanOrEqual(10_000);
    await expect(away.page.getByText('Connection lost. Reconnecting…')).toBeVisible();
    await away.goOnline();

    // The page reconnects on the browser's 'online' event (else Socket.IO's backoff, at most 7.5 s).
    const guessing = `${TEAM[team]} operatives are guessing: ${clue.toUpperCase()}`;
    await expect(away.page.getByText(guessing)).toBeVisible({ timeout: 20_000 });
    await expect(away.page.getByRole('button', { name: `${agent}, ${team} agent` })).toBeVisible();
    // No connection banner left (the room's "Game announcements" live region is a status too).
    await expect(away.page.getByText(/Connection lost|Rejoining the room|server is restarting/)).toHaveCount(0);
    expect(await away.page.evaluate(() => (window as unknown as { parlorStayed?: boolean }).parlorStayed)).toBe(true);
    for (const p of players) await expect(p.playerRow(away.name).getByText('away', { exact: true })).toHaveCount(0);

    // Same seat: still the spymaster, and when the turn comes, they give the clue.
    await expect(away.page.getByText(`You are the ${other} spymaster. The other team is playing.`)).toBeVisible();
    await operative[team].page.getByRole('button', { name: 'End turn' }).click();
    const secondClue = clueFor(await away.cards());
    await away.giveClue(secondClue, '1');
    await expect(operative[other].page.getByText(`${TEAM[other]} operatives are guessing: ${secondClue.toUpperCase()}`)).toBeVisible();

    for (const p of [ana!, ben!, cleo!, dev!]) await p.close();
  });

  test('the host moves a player to another seat, then kicks them, and they cannot come back', async ({ browser }) => {
    const [ana, ben] = await Promise.all([Player.open(browser, 'Ana'), Player.open(browser, 'Ben')]);
    const code = await ana!.createRoom();
    await ben!.joinByLink(code);
    await ben!.takeSeat('red', 'operative');

    // Host controls are the host's alone.
    await expect(ben!.page.getByRole('button', { name: 'Manage Ana', exact: true })).toHaveCount(0);
    await ana!.assignSeat('Ben', 'Blue spymaster');
    for (const p of [ana!, ben!]) {
      const blueSpymaster = p.page.getByRole('region', { name: 'Blue team' }).getByRole('group', { name: 'Spymaster' });
      await expect(blueSpymaster.locator('.player-nick').getByText('Ben', { exact: true })).toBeVisible();
    }

    // On the host's page too: Ben's row moved seats, and a row that moves opens closed.
    await ana!.kick('Ben');
    await expect(ben!.page.getByRole('heading', { name: 'You were removed from this room' })).toBeVisible();
    await expect(ben!.page.getByRole('link', { name: 'Back home' })).toBeVisible();
    await expect(ana!.playerRow('Ben')).toHaveCount(0);

    // Opening the link again is refused: the ban lasts as long as the room.
    await ben!.page.goto(parlorUrl(`/r/${code}`));
    await expect(ben!.page.getByRole('heading', { name: "You can't rejoin this room" })).toBeVisible();
    await expect(ben!.page.getByText('You were removed from this room.')).toBeVisible();
    await expect(ben!.page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(ana!.playerRow('Ben')).toHaveCount(0);

    for (const p of [ana!, ben!]) await p.close();
  });

  test('when the host leaves, the next player becomes host; a host can also hand the role over', async ({ browser }) => {
    const [ana, ben, cleo] = await Promise.all(['Ana', 'Ben', 'Cleo'].map((name) => Player.open(browser, name)));
    const code = await ana!.createRoom();
    await ben!.joinByLink(code);
    await cleo!.joinByLink(code);
    await expect(cleo!.playerRow('Ana').getByText('host', { exact: true })).toBeVisible();
    await expect(ben!.page.getByRole('button', { name: 'Start game' })).toHaveCount(0);

    await ana!.leaveRoom();
    await expect(ben!.page.getByRole('button', { name: 'Start game' })).toBeVisible();
    await expect(ben!.page.getByRole('button', { name: 'Manage Cleo', exact: true })).toBeVisible();
    await expect(cleo!.playerRow('Ben').getByText('host', { exact: true })).toBeVisible();
    await expect(cleo!.playerRow('Ana')).toHaveCount(0);
    await expect(cleo!.page.getByText('Waiting for Ben to start the game.')).toBeVisible();

    await ben!.manage('Cleo');
    await ben!.page.getByRole('button', { name: 'Make Cleo host', exact: true }).click();
    await expect(cleo!.page.getByRole('button', { name: 'Start game' })).toBeVisible();
    await expect(ben!.page.getByRole('button', { name: 'Start game' })).toHaveCount(0);
    await expect(ben!.playerRow('Cleo').getByText('host', { exact: true })).toBeVisible();

    for (const p of [ana!, ben!, cleo!]) await p.close();
  });

  test('leaving in one tab takes the other tab out of the room too, and it says so', async ({ browser }) => {
    const ana = await Player.open(browser, 'Ana');
    const code = await ana.createRoom();
    // A second tab of the same browser: same session token, same player.
    const other = await ana.page.context().newPage();
    await other.goto(ana.url(`/r/${code}`));
    // A fresh page loads the room's lazy chunk and connects before it joins: on the two-core
    // CI machine, with a four-browser spec on the other worker, that once took over 10 s.
    await expect(other.getByRole('button', { name: 'Start game' })).toBeVisible({ timeout: 30_000 });

    await ana.leaveRoom();
    await expect(other.getByRole('heading', { name: 'You left this room in another tab' })).toBeVisible();
    // It can come back in on purpose.
    await other.getByRole('button', { name: `Rejoin room ${code}` }).click();
    await expect(other.getByRole('button', { name: 'Start game' })).toBeVisible();
    await ana.close();
  });

  test('a player and a spectator chat; the history survives a reload; the host can remove the spectator', async ({
    browser,
  }) => {
    const [ana, eve] = await Promise.all([Player.open(browser, 'Ana'), Player.open(browser, 'Eve')]);
    const code = await ana!.createRoom();
    await eve!.watchByLink(code);

    await ana!.say('Hello from Ana');
    await expect(eve!.chatLine('Ana', 'Hello from Ana')).toBeVisible();
    await eve!.say('Hi, just watching');
    await expect(ana!.chatLine('Eve', 'Hi, just watching')).toBeVisible();
    // Spectators are marked as such.
    await expect(ana!.chatLine('Eve', 'Hi, just watching').getByText('spectator', { exact: true })).toBeVisible();
    await expect(ana!.chatLine('Ana', 'Hello from Ana').getByText('spectator', { exact: true })).toHaveCount(0);

    // Five lines per window (global-setup sets a minute): the sixth is refused with a readable wait.
    for (let n = 2; n <= 5; n++) await eve!.say(`line ${n}`);
    await eve!.page.getByLabel('Message', { exact: true }).fill('one too many');
    await eve!.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(eve!.page.getByText(/^Slow down: try again in \d+ s$/)).toBeVisible();
    await expect(eve!.page.getByLabel('Message', { exact: true })).toHaveValue('one too many');

    // A reload rejoins, and the chat comes back from the join answer.
    await ana!.page.reload();
    await expect(ana!.chatLine('Eve', 'line 5')).toBeVisible();
    await expect(ana!.chatLog.getByRole('listitem')).toHaveCount(6);

    // Spectators are listed nowhere else, so the host removes one from their chat line.
    await expect(eve!.page.getByRole('button', { name: /^Kick / })).toHaveCount(0);
    await ana!.confirmKick('Eve');
    await expect(eve!.page.getByRole('heading', { name: 'You were removed from this room' })).toBeVisible();
    await expect(ana!.page.getByText('0 watching')).toBeVisible();

    for (const p of [ana!, eve!]) await p.close();
  });
});
