import { describe, expect, it } from 'vitest';
import { PUBLIC_AUDIENCE } from '../engine';
import { diff, patchFits } from '../patch';
import { SEAT } from './flow';
import { advance, choose, guessRight, play, playToEnd, sameLookWord, start, STROKE, withSecret, wordLeaks } from './testing';
import type { SketchSettings, SketchState } from './types';
import { audience, view } from './view';

const WORDS = ['ice cream', 'watermelon', 'jack-in-the-box', "jack-o'-lantern", 'strawberry', 'lighthouse', 'sunflower', 'snowman', 'pineapple', 'toothbrush'];
const CUSTOM: Partial<SketchSettings> = { customWords: WORDS, customOnly: true, hints: 3, drawSeconds: 60 };

/** p1 draws "watermelon" (at 1 s), p2 guessed it, p3 and p4 have not; it is 31 s: two hints of three are out; some lines of each kind. */
function midTurn(): SketchState {
  let s = start({ players: 4, settings: CUSTOM, now: 0 });
  s = { ...s, turn: { ...s.turn, choices: ['watermelon', ...s.turn.choices.slice(1)] } };
  s = play(s, 'p3', { type: 'say', text: 'good luck' }, 100);
  s = choose(s, 1000, 0);
  s = play(s, 'p1', STROKE, 2000);
  s = guessRight(s, 'p2', 3000);
  s = play(s, 'p2', { type: 'say', text: 'so juicy' }, 3500);
  s = play(s, 'p1', { type: 'say', text: 'thanks' }, 3600);
  s = play(s, 'p4', { type: 'say', text: 'a melon?' }, 3700);
  s = play(s, 'p3', { type: 'say', text: 'WATERMELONS' }, 3800);
  return advance(s, 1000 + 30_000);
}

const viewer = (playerId: string, seat: string | null = SEAT) => ({ playerId, seat });

describe('audience', () => {
  it('is the drawer alone, the players who guessed, or the public (spectators included)', () => {
    const s = midTurn();
    expect(['p1', 'p2', 'p3', 'p4'].map((id) => audience(s, viewer(id)))).toEqual(['drawer:p1', 'guessed', 'public', 'public']);
    expect(audience(s, viewer('someone', null))).toBe('public');
  });

  it('moves on with the turn: the next drawer gets their own key, last turn’s guessers are public again', () => {
    const { state } = { state: advance(advance(midTurn(), 61_000), 61_000 + 5000) };
    expect(state.turn.pub.drawer).toBe('p2');
    expect(['p1', 'p2', 'p3'].map((id) => audience(state, viewer(id)))).toEqual(['public', 'drawer:p2', 'public']);
  });
});

describe('the public view while a word is drawn', () => {
  const s = midTurn();
  const v = view(s, PUBLIC_AUDIENCE);

  it('holds the shape with the hints due, never the word or the hidden letters', () => {
    // Three hints over 60 s from 1 s: at 16 s and 31 s, two are due; the third (46 s) is not.
    expect(s.turn.hintsShown).toBe(2);
    expect(v.word).toBeNull();
    expect(v.choices).toBeNull();
    expect(v.turn.mask).toHaveLength(10);
    expect(v.turn.mask!.filter((c) => c !== null)).toHaveLength(2);
    expect(wordLeaks(v, 'watermelon')).toEqual([]);
  });

  it('is the same whatever the hidden letters are (the metamorphic check)', () => {
    for (let shift = 1; shift < 26; shift++) {
      const other = sameLookWord('watermelon', s.turn.pub.mask!, shift);
      expect(other).not.toBe('watermelon');
      expect(view(withSecret(s, other), PUBLIC_AUDIENCE)).toEqual(v);
    }
    // The check does catch a view that depends on the word: the drawer's.
    const other = sameLookWord('watermelon', s.turn.pub.mask!, 1);
    expect(view(withSecret(s, other), 'drawer:p1')).not.toEqual(view(s, 'drawer:p1'));
  });

  it('shows public lines and "X guessed the word", not the lines of those who know it or that hold the word', () => {
    expect(v.lines.map((l) => [l.by, l.kind, l.text])).toEqual([
      ['p3', 'chat', 'good luck'],
      ['p2', 'guessed', ''],
      ['p4', 'chat', 'a melon?'],
    ]);
  });

  it('holds no hidden field', () => {
    const json = JSON.stringify(v);
    for (const hidden of ['rng', 'usedWords', 'customWords', 'settings', 'hintPlan', 'wordKey', 'drawStart', 'drawerAwayUntil', 'choices":[']) {
      expect(json).not.toContain(hidden);
    }
    // Nor any word of the custom list (none of them is on screen yet).
    for (const w of WORDS) expect(wordLeaks(v, w)).toEqual([]);
  });

  it('is what an unknown key (an old drawer’s, a made-up one) gets', () => {
    for (const key of ['drawer:p2', 'drawer:', 'Guessed', 'spymaster']) {
      expect({ ...view(s, key), audience: PUBLIC_AUDIENCE }).toEqual(v);
    }
  });
});

describe('the views of those who know the word', () => {
  const s = midTurn();

  it('the drawer sees the choices while choosing, then the word, and every line of the turn', () => {
    const choosing = start({ players: 3, settings: CUSTOM });
    const dv = view(choosing, 'drawer:p1');
    expect(dv.role).toBe('drawer');
    expect(dv.choices).toEqual(choosing.turn.choices);
    expect(view(choosing, PUBLIC_AUDIENCE).choices).toBeNull();
    const d = view(s, 'drawer:p1');
    expect(d.word).toBe('watermelon');
    expect(d.choices).toBeNull();
    expect(d.lines.map((l) => l.text)).toEqual(['good luck', '', 'so juicy', 'thanks', 'a melon?', 'WATERMELONS']);
  });

  it('those who guessed see the word and the same lines', () => {
    const g = view(s, 'guessed');
    expect(g.role).toBe('guessed');
    expect(g.word).toBe('watermelon');
    expect(g.lines).toEqual(view(s, 'drawer:p1').lines);
  });

  it('after the turn, everyone sees the word; the lines kept among those who knew it stay theirs', () => {
    const paused = advance(s, 61_000);
    expect(paused.phase).toBe('pause');
    expect(view(paused, PUBLIC_AUDIENCE).word).toBe('watermelon');
    expect(view(paused, PUBLIC_AUDIENCE).turn.result?.word).toBe('watermelon');
    expect(view(paused, PUBLIC_AUDIENCE).lines.map((l) => l.text)).toEqual(['good luck', '', 'a melon?']);
    expect(view(paused, 'guessed').lines).toHaveLength(6);
    // Next turn: they are no one's lines to read any more.
    const next = advance(paused, 66_000);
    expect(view(next, PUBLIC_AUDIENCE).lines).toHaveLength(3);
    expect(view(next, 'drawer:p2').lines).toHaveLength(3);
  });

  it('at the end, the history and the gallery are shown to all', () => {
    const over = playToEnd(start({ players: 2, settings: { ...CUSTOM, rounds: 1 } })).state;
    const v = view(over, PUBLIC_AUDIENCE);
    expect(v.phase).toBe('over');
    expect(v.history).toEqual(over.history);
    expect(v.gallery).toEqual(over.gallery);
    expect(view(midTurn(), PUBLIC_AUDIENCE).history).toBeNull();
    expect(view(midTurn(), PUBLIC_AUDIENCE).gallery).toBeNull();
  });
});

describe('shared parts', () => {
  it('shares only wholly public objects: their fields are exactly these', () => {
    const s = advance(midTurn(), 61_000);
    const keys = (o: object) => Object.keys(o).sort();
    for (const key of [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1']) {
      const v = view(s, key);
      // A field added to one of these fails here: decide whether every audience may see it first.
      expect(keys(v.turn)).toEqual(['drawer', 'endsAt', 'guessed', 'mask', 'number', 'phase', 'result', 'round']);
      expect(keys(v.turn.result!)).toEqual(['drawer', 'points', 'reason', 'round', 'turn', 'word']);
      for (const l of v.lines) expect(keys(l)).toEqual(['by', 'id', 'kind', 'text', 'to', 'turn']);
      for (const p of v.players) expect(keys(p)).toEqual(['away', 'id', 'left', 'score', 'seq']);
      for (const op of v.drawing) expect(keys(op)).toEqual(op.type === 'stroke' ? expect.arrayContaining(['c', 'p', 'type', 'w']) : ['c', 'type', 'x', 'y']);
      expect(keys(v)).toEqual(['audience', 'choices', 'drawSeconds', 'drawing', 'endReason', 'gallery', 'history', 'lines', 'phase', 'players', 'role', 'round', 'rounds', 'turn', 'word']);
    }
  });

  it("are the state's own objects in every view", () => {
    const s = midTurn();
    for (const key of [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1']) {
      const v = view(s, key);
      expect(v.drawing).toBe(s.drawing);
      expect(v.turn).toBe(s.turn.pub);
      expect(v.players).toBe(s.players);
    }
  });

  it('a committed stroke changes every view the same way: one shared patch', () => {
    const s = midTurn();
    const next = play(s, 'p1', { type: 'stroke', c: 2, w: 3, p: [5, 5, 50, 50] }, 40_000);
    const changes = [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1'].map((key) => {
      const before = view(s, key);
      const after = view(next, key, { state: s, view: before });
      return { before, after, ops: diff(before, after) };
    });
    const shared = changes[0]!.ops;
    expect(shared).toEqual([[['drawing', 1], next.drawing[1]]]);
    for (const c of changes) expect(patchFits(shared, c.ops, c.before, c.after)).toBe(true);
    // Undo and clear too.
    const undone = play(next, 'p1', { type: 'undo' }, 40_000);
    for (const key of [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1']) expect(diff(view(next, key), view(undone, key))).toEqual([[['drawing', 'length'], 1]]);
  });

  it('a view built on the previous one equals one built from scratch, and reuses the lines', () => {
    const s = midTurn();
    for (const key of [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1']) {
      const before = view(s, key);
      const stroke = play(s, 'p1', STROKE, 40_000);
      const after = view(stroke, key, { state: s, view: before });
      expect(after).toEqual(view(stroke, key));
      expect(after.lines).toBe(before.lines);
      const said = play(stroke, 'p4', { type: 'say', text: 'hmm' }, 40_000);
      expect(view(said, key, { state: stroke, view: after })).toEqual(view(said, key));
    }
  });

  it('never reuses a view made for another audience', () => {
    const s = midTurn();
    const leaky = view(s, PUBLIC_AUDIENCE, { state: s, view: view(s, 'guessed') });
    expect(leaky).toEqual(view(s, PUBLIC_AUDIENCE));
    expect(wordLeaks(leaky, 'watermelon')).toEqual([]);
  });
});

describe('privacy over a whole game with the default words', () => {
  it('no guesser ever finds the word in their view before the turn ends', () => {
    for (let seed = 1; seed <= 12; seed++) {
      let s = start({ players: 5, seed, settings: { rounds: 2, hints: 5 } });
      let now = 0;
      while (s.phase !== 'over') {
        if (s.phase === 'choosing') s = choose(s, now, seed % s.turn.choices.length);
        else if (s.phase === 'drawing') {
          const word = s.turn.word!;
          s = play(s, 'p5' === s.turn.pub.drawer ? 'p4' : 'p5', { type: 'say', text: `${word} maybe` }, now);
          if (s.turn.pub.drawer !== 'p2') s = guessRight(s, 'p2', now);
          for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) {
            const key = audience(s, viewer(id));
            if (key === PUBLIC_AUDIENCE) expect(wordLeaks(view(s, key), word), `${id} in turn ${s.turn.pub.number}`).toEqual([]);
          }
          now = s.turn.pub.endsAt;
          s = advance(s, now - 1);
          for (const id of ['p3', 'p4']) {
            const key = audience(s, viewer(id));
            if (key === PUBLIC_AUDIENCE && s.phase === 'drawing') expect(wordLeaks(view(s, key), word)).toEqual([]);
          }
          s = advance(s, now);
        } else {
          now = s.turn.pub.endsAt;
          s = advance(s, now);
        }
      }
    }
  });
});
