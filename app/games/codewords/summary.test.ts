import { describe, expect, it } from 'vitest';
import { codewords } from '@/game/codewords';
import { first, play, SAFE_CLUE, start } from '@/game/codewords/testing';
import { otherTeam } from '@/game/codewords/seats';
import { gameSummary } from './summary';

describe('gameSummary', () => {
  it('counts per team the agents found, clues, misses and timeouts, the turns, and the clue that found the most', () => {
    let s = start({ seed: 11, settings: { turnSeconds: 30 }, now: 0 });
    const team = s.turn.team;
    const other = otherTeam(team);
    // Turn 1: two of the team's agents, then a bystander.
    s = play(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 3 }, 1000);
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, team) }, 2000);
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, team) }, 3000);
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, 'bystander') }, 4000);
    // Turn 2: the other team runs out of time before its clue.
    s = codewords.tick(s, s.turn.deadline!)!;
    // Turn 3: one agent, then the timer runs out while guessing.
    s = play(s, `${team}:spymaster`, { type: 'clue', word: 'FJORD', count: 1 }, s.turn.deadline! - 20_000);
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, team) }, s.turn.deadline! - 10_000);
    s = codewords.tick(s, s.turn.deadline!)!;
    // Turn 4: the other team finds one of its agents, then the assassin.
    s = play(s, `${other}:spymaster`, { type: 'clue', word: 'GAZEBO', count: 2 }, s.turn.deadline! - 20_000);
    s = play(s, `${other}:operative`, { type: 'guess', card: first(s, other) }, s.turn.deadline! - 15_000);
    s = play(s, `${other}:operative`, { type: 'guess', card: first(s, 'assassin') }, s.turn.deadline! - 10_000);

    const summary = gameSummary(codewords.view(s, 'public'));
    const agents = (t: string) => s.cards.filter((card) => card.color === t).length;
    expect(summary.turns).toBe(4);
    expect(summary.teams[team]).toEqual({ found: 3, agents: agents(team), clues: 2, misses: 1, timeouts: 1 });
    expect(summary.teams[other]).toEqual({ found: 1, agents: agents(other), clues: 1, misses: 1, timeouts: 1 });
    expect(summary.bestClue).toEqual({ team, word: SAFE_CLUE, count: 3, found: 2 });
  });

  it('has no best clue when no clue found an agent, and the earliest of equally good clues', () => {
    let s = start({ seed: 3 });
    const team = s.turn.team;
    const other = otherTeam(team);
    expect(gameSummary(codewords.view(s, 'public')).bestClue).toBeNull();
    s = play(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 1 });
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, other) });
    expect(gameSummary(codewords.view(s, 'public')).bestClue).toBeNull();
    s = play(s, `${other}:spymaster`, { type: 'clue', word: 'FJORD', count: 1 });
    s = play(s, `${other}:operative`, { type: 'guess', card: first(s, other) });
    s = play(s, `${other}:operative`, { type: 'guess', card: first(s, 'bystander') });
    s = play(s, `${team}:spymaster`, { type: 'clue', word: 'GAZEBO', count: 1 });
    s = play(s, `${team}:operative`, { type: 'guess', card: first(s, team) });
    expect(gameSummary(codewords.view(s, 'public')).bestClue).toEqual({ team: other, word: 'FJORD', count: 1, found: 1 });
  });
});
