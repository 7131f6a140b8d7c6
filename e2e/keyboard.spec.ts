import { expect, test } from '@playwright/test';
import { agentsOf, clueFor, seatTable, startGame, untilRedClue } from './players';

test.describe('keyboard only', () => {
  test('a whole turn: the spymaster gives a clue and an operative guesses and ends the turn, without a mouse', async ({ browser }) => {
    // Setting the table may click; the turn itself is played with Tab, Shift+Tab, Enter,
    // Space, arrow keys and typing only.
    const t = await seatTable(browser);
    await startGame(t);
    const key = await untilRedClue(t);
    const spymaster = t.spymaster;
    const operative = t.operative;
    const clue = clueFor(key.cards);
    const agent = agentsOf(key, 'red')[0]!;

    // Start both pages from the top, as after loading them.
    for (const p of [spymaster, operative]) await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // The spymaster tabs to the clue field, types the clue, picks 2 and submits.
    const clueField = spymaster.page.getByLabel('Clue', { exact: true });
    await spymaster.tabTo(clueField);
    await spymaster.page.keyboard.type(clue);
    await expect(clueField).toHaveValue(clue);
    const number = spymaster.page.getByLabel('Number');
    await spymaster.tabTo(number);
    await spymaster.page.keyboard.press('ArrowDown'); // 1 → 2
    await expect(number).toHaveValue('2');
    await spymaster.tabTo(spymaster.page.getByRole('button', { name: 'Give clue' }));
    await spymaster.page.keyboard.press('Enter');

    // Everyone is told the clue, screen readers included.
    for (const p of t.pages) await expect(p.announcements).toContainText(new RegExp(`Red spymaster\\W+${clue} 2`, 'i'));
    await t.bots.operative.until((s) => s.view?.turn.phase === 'guess');

    // The operative tabs to one of the red agents and presses Enter: it turns over.
    const card = operative.page.getByRole('button', { name: agent, exact: true });
    await operative.tabTo(card);
    await operative.page.keyboard.press('Enter');
    await expect(operative.page.getByRole('button', { name: `${agent}, red agent` })).toBeVisible();
    await expect(operative.announcements).toContainText(new RegExp(`${agent}\\W+red agent`, 'i'));

    // Then back up to "End turn" (above the board) and press Space: blue's turn.
    await operative.tabTo(operative.page.getByRole('button', { name: 'End turn' }), { backwards: true });
    await operative.page.keyboard.press('Space');
    const blue = await t.bots.spymaster.until((s) => s.view?.turn.team === 'blue');
    expect(blue.view!.log.at(-1)).toMatchObject({ team: 'red', word: clue.toUpperCase(), count: 2, guesses: [{ word: agent }], ended: 'passed' });
    await expect(operative.page.getByRole('button', { name: 'End turn' })).toHaveCount(0);
    await expect(operative.announcements).toContainText(/Blue team.s turn/);

    await t.close();
  });
});
