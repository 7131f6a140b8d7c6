import { describe, expect, it } from 'vitest';
import { otherTeam } from './seats';
import { colorLeaks, first, play, rotateHiddenColors, SAFE_CLUE, start } from './testing';
import { tick } from './rules';
import type { CodewordsState } from './types';
import { audience, view } from './view';

const customWords = Array.from({ length: 60 }, (_, i) => `SECRET${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);

/** A game in progress with a clue, some revealed cards and a custom list. */
function midGame(): CodewordsState {
  let s = start({ seed: 77, settings: { customWords, turnSeconds: 90 }, now: 5 });
  const team = s.turn.team;
  s = play(s, `${team}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 'unlimited' });
  s = play(s, `${team}:operative`, { type: 'guess', card: first(s, team) });
  s = play(s, `${team}:operative`, { type: 'guess', card: first(s, 'bystander') });
  const other = otherTeam(team);
  s = play(s, `${other}:spymaster`, { type: 'clue', word: SAFE_CLUE, count: 2 });
  return play(s, `${other}:operative`, { type: 'guess', card: first(s, other) });
}

const SEATS = ['red:spymaster', 'blue:spymaster', 'red:operative', 'blue:operative', null, 'spectator', 'bogus'];

describe('audience', () => {
  it('gives both spymasters the spymaster key while the game runs and everyone else public', () => {
    const s = midGame();
    expect(SEATS.map((seat) => audience(s, { seat }))).toEqual([
      'spymaster',
      'spymaster',
      'public',
      'public',
      'public',
      'public',
      'public',
    ]);
  });

  it('keeps the same keys once the game is over (both views then show the whole key)', () => {
    const s = midGame();
    const over = play(s, `${s.turn.team}:operative`, { type: 'guess', card: first(s, 'assassin') });
    for (const seat of SEATS) expect(audience(over, { seat })).toBe(audience(s, { seat }));
  });
});

describe('public view', () => {
  const s = midGame();
  const v = view(s, 'public');

  it('shows colours of revealed cards only', () => {
    expect(v.cards.filter((c) => c.revealed)).toHaveLength(3);
    for (const [i, c] of v.cards.entries()) {
      expect(c.word).toBe(s.cards[i]?.word);
      expect(c.color).toBe(c.revealed ? s.cards[i]?.color : null);
    }
  });

  it('holds no colour of an unrevealed card anywhere in its JSON', () => {
    expect(colorLeaks(v)).toEqual([]);
    // The leak finder does find a leak.
    expect(colorLeaks(view(s, 'spymaster')).length).toBe(22);
  });

  it('is the same whatever the hidden colours are', () => {
    for (let by = 1; by < 5; by++) expect(view(rotateHiddenColors(s, by), 'public')).toEqual(v);
  });

  it('holds no hidden field: rng, used words, the custom list', () => {
    const json = JSON.stringify(v);
    for (const hiddenKey of ['rng', 'usedWords', 'customWords', 'settings', 'seed']) {
      expect(json).not.toContain(hiddenKey);
    }
    const onBoard = new Set(s.cards.map((c) => c.word));
    for (const w of customWords) if (!onBoard.has(w)) expect(json).not.toContain(w);
  });

  it('treats an unknown audience key as public', () => {
    expect(view(s, 'spymaster:green').cards).toEqual(v.cards);
  });

  it('carries the public game state', () => {
    expect(v).toMatchObject({
      audience: 'public',
      startingTeam: s.startingTeam,
      turn: s.turn,
      log: s.log,
      winner: null,
      winReason: null,
      turnSeconds: 90,
    });
    expect(v.remaining[s.startingTeam]).toBe(8);
    expect(v.remaining[otherTeam(s.startingTeam)]).toBe(7);
  });
});

describe('spymaster views', () => {
  it('hold the full key for the spymasters, and no other key does', () => {
    const s = midGame();
    const v = view(s, 'spymaster');
    expect(v.audience).toBe('spymaster');
    expect(v.cards.map((c) => c.color)).toEqual(s.cards.map((c) => c.color));
    expect(JSON.stringify(v)).not.toMatch(/rng|usedWords|customWords/);
    for (const key of ['spymaster:red', 'Spymaster', 'bogus']) expect(colorLeaks(view(s, key))).toEqual([]);
  });
});

describe('after the end', () => {
  it('every audience sees every colour and no deadline', () => {
    const s = midGame();
    const over = play(s, `${s.turn.team}:operative`, { type: 'guess', card: first(s, 'assassin') });
    for (const seat of SEATS) {
      const v = view(over, audience(over, { seat }));
      expect(v.cards.map((c) => c.color)).toEqual(over.cards.map((c) => c.color));
      expect(v.turn.deadline).toBeNull();
      expect(v.winner).toBe(otherTeam(s.turn.team));
    }
  });
});

describe('shared parts', () => {
  it('shares only wholly public objects: their fields are exactly these', () => {
    const s = midGame();
    const over = play(s, `${s.turn.team}:operative`, { type: 'guess', card: first(s, 'assassin') });
    // A turn that runs out before its clue adds a timeout line.
    const passed = tick(s, s.turn.deadline!)!;
    const timedOut = tick(passed, passed.turn.deadline!)!;
    expect(timedOut.log.at(-1)?.kind).toBe('timeout');
    expect(colorLeaks(view(timedOut, 'public'))).toEqual([]);
    const keys = (o: object) => Object.keys(o).sort();
    for (const [state, key] of [[s, 'public'], [s, 'spymaster'], [over, 'public'], [timedOut, 'public']] as const) {
      const v = view(state, key);
      // A field added to Card, ClueLogEntry, LoggedGuess or TurnState fails here: decide
      // whether every audience may see it before it reaches the views.
      for (const c of v.cards) expect(keys(c)).toEqual(['color', 'revealed', 'word']);
      for (const e of v.log) {
        if (e.kind === 'timeout') {
          expect(keys(e)).toEqual(['kind', 'team']);
          continue;
        }
        expect(keys(e)).toEqual(['count', 'ended', 'guesses', 'kind', 'team', 'word']);
        for (const g of e.guesses) expect(keys(g)).toEqual(['card', 'color', 'word']);
      }
      expect(keys(v.turn)).toEqual(['clue', 'deadline', 'guesses', 'guessesLeft', 'number', 'phase', 'team']);
      if (v.turn.clue) expect(keys(v.turn.clue)).toEqual(['count', 'word']);
    }
  });

  it("shares the state's public objects instead of copying them", () => {
    const s = midGame();
    const pub = view(s, 'public');
    const spy = view(s, 'spymaster');
    // The key's holders see the cards as they are: the state's own list, not a copy of it.
    expect(spy.cards).toBe(s.cards);
    expect(pub.cards.filter((c, i) => c === s.cards[i])).toHaveLength(3);
    expect(pub.log).toBe(s.log);
    expect(pub.turn).toBe(s.turn);
  });
});

describe('view built on the previous one', () => {
  it('reuses what did not change by identity and equals a view built from scratch', () => {
    const s = midGame();
    const team = s.turn.team;
    for (const key of ['public', 'spymaster']) {
      const before = view(s, key);
      const card = first(s, team);
      const next = play(s, `${team}:operative`, { type: 'guess', card });
      const after = view(next, key, { state: s, view: before });
      expect(after).toEqual(view(next, key));
      expect(after.cards[card]).not.toBe(before.cards[card]);
      expect(after.cards.filter((c, i) => c === before.cards[i])).toHaveLength(24);
      // The log's older lines are the same objects; the line of this clue changed.
      expect(after.log.slice(0, -1).every((e, i) => e === before.log[i])).toBe(true);
      expect(after.log.at(-1)).not.toBe(before.log.at(-1));
      // Unchanged state, unchanged view parts.
      const again = view(next, key, { state: next, view: after });
      expect([again.cards, again.turn, again.log, again.remaining]).toEqual([after.cards, after.turn, after.log, after.remaining]);
      expect(again.cards).toBe(after.cards);
      expect(again.turn).toBe(after.turn);
    }
  });

  it('never reuses a view made with another sight of the key', () => {
    const s = midGame();
    // A spymaster's cards passed off as the public's previous view must not leak into it.
    const publicView = view(s, 'public', { state: s, view: view(s, 'spymaster') });
    expect(colorLeaks(publicView)).toEqual([]);
    expect(publicView).toEqual(view(s, 'public'));
    // At the end everyone sees the key: the running game's public cards are not reused.
    const over = play(s, `${s.turn.team}:operative`, { type: 'guess', card: first(s, 'assassin') });
    const end = view(over, 'public', { state: s, view: view(s, 'public') });
    expect(end).toEqual(view(over, 'public'));
    expect(end.cards.every((c) => c.color !== null)).toBe(true);
  });
});
