import { expect, test, type Browser } from '@playwright/test';
import { clueFor, expectNoHiddenColours, Player } from './players';

interface Table {
  code: string;
  spymaster: Record<'red' | 'blue', Player>;
  operative: Record<'red' | 'blue', Player>;
  spectator: Player;
  everyone: Player[];
}

/**
 * The table the issue describes: the host creates a public room, two friends join by
 * the link, one types the code, a spectator finds the room in the public list and
 * watches. They sit by clicking and the host starts.
 */
async function gatherTable(browser: Browser): Promise<Table> {
  const [ana, ben, cleo, dev, eve] = await Promise.all(
    ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'].map((name) => Player.open(browser, name)),
  );
  const code = await ana!.createRoom();
  await ben!.joinByLink(code);
  await cleo!.joinByLink(code);
  await dev!.joinByCode(code);
  await eve!.watchFromList(code);

  await ana!.takeSeat('red', 'spymaster');
  await ben!.takeSeat('red', 'operative');
  await cleo!.takeSeat('blue', 'spymaster');
  await dev!.takeSeat('blue', 'operative');
  await expect(eve!.page.getByText('Dev', { exact: true }).first()).toBeVisible();
  await ana!.page.getByRole('button', { name: 'Start game' }).click();

  const everyone = [ana!, ben!, cleo!, dev!, eve!];
  for (const p of everyone) await expect(p.board).toHaveCount(25);
  return {
    code,
    spymaster: { red: ana!, blue: cleo! },
    operative: { red: ben!, blue: dev! },
    spectator: eve!,
    everyone,
  };
}

/** Spymasters hold the key; operatives and the spectator see only words. */
async function expectKeyOnlyForSpymasters(t: Table): Promise<void> {
  for (const spy of Object.values(t.spymaster)) {
    const cards = await spy.cards();
    expect(cards.filter((c) => c.color === 'assassin')).toHaveLength(1);
    expect(cards.every((c) => c.color !== null)).toBe(true);
  }
  for (const viewer of [t.operative.red, t.operative.blue, t.spectator]) {
    expect((await viewer.cards()).every((c) => c.color === null)).toBe(true);
  }
}

async function expectEveryoneSees(t: Table, heading: string): Promise<void> {
  for (const p of t.everyone) await expect(p.page.getByRole('heading', { name: heading })).toBeVisible();
}

test.describe('Codewords in five browsers', () => {
  test('a team wins by finding all its agents; a reload keeps the seat; the key never reaches the spectator', async ({ browser }) => {
    const t = await gatherTable(browser);
    await expectKeyOnlyForSpymasters(t);

    const team = await t.spymaster.red.turnTeam();
    const other = team === 'red' ? 'blue' : 'red';
    const key = await t.spymaster[team].cards();
    const agents = key.filter((c) => c.color === team).map((c) => c.word);
    expect(agents).toHaveLength(9); // the starting team has one more agent

    await t.spymaster[team].giveClue(clueFor(key), 'Unlimited');
    const guesser = t.operative[team];
    await guesser.guess(agents[0]!);
    // Everyone sees the revealed card with its colour.
    for (const p of t.everyone) {
      await expect(p.page.getByRole('button', { name: `${agents[0]}, ${team} agent` })).toBeVisible();
    }

    // A reload mid-game: same token, so the same seat, and the game goes on from there.
    await guesser.page.reload();
    await expect(guesser.board).toHaveCount(25);
    await expect(guesser.page.getByRole('button', { name: 'End turn' })).toBeVisible();
    for (const word of agents.slice(1)) await guesser.guess(word);

    const winner = `${team === 'red' ? 'Red' : 'Blue'} team wins!`;
    await expectEveryoneSees(t, winner);
    for (const p of t.everyone) await expect(p.page.getByText(`All ${team} agents were found.`)).toBeVisible();
    // At the end the whole key is shown to everybody, spectator included.
    expect((await t.spectator.cards()).every((c) => c.color !== null)).toBe(true);
    expect((await t.operative[other].cards()).filter((c) => c.color === 'assassin')).toHaveLength(1);

    expectNoHiddenColours(t.spectator.frames);
    expectNoHiddenColours(t.operative[other].frames);
    for (const p of t.everyone) await p.close();
  });

  test('revealing the assassin loses at once, and the host can start a rematch', async ({ browser }) => {
    const t = await gatherTable(browser);
    const team = await t.spymaster.blue.turnTeam();
    const other = team === 'red' ? 'blue' : 'red';
    const key = await t.spymaster[team].cards();
    const assassin = key.find((c) => c.color === 'assassin')!.word;

    await t.spymaster[team].giveClue(clueFor(key), '1');
    await t.operative[team].guess(assassin);
    await expectEveryoneSees(t, `${other === 'red' ? 'Red' : 'Blue'} team wins!`);
    for (const p of t.everyone) await expect(p.page.getByText(`The assassin was revealed by the ${team} team.`)).toBeVisible();
    expectNoHiddenColours(t.spectator.frames);

    // Only the host has the rematch button; a rematch deals a fresh board for the same teams.
    await expect(t.operative.red.page.getByRole('button', { name: 'Rematch' })).toHaveCount(0);
    await t.spymaster.red.page.getByRole('button', { name: 'Rematch' }).click();
    const oldWords = new Set(key.map((c) => c.word));
    const winnerHeading = t.spectator.page.getByRole('heading', { name: /team wins!/ });
    await expect(winnerHeading).toHaveCount(0);
    await expect.poll(async () => (await t.spectator.cards()).every((c) => c.color === null)).toBe(true);
    const fresh = await t.spectator.cards();
    expect(fresh.some((c) => oldWords.has(c.word))).toBe(false);
    expect(fresh.every((c) => c.color === null && !c.revealed)).toBe(true);
    for (const p of t.everyone) await p.close();
  });
});
