/**
 * What Sketch's moves cost and how big its views get, in one process without sockets: the
 * rules, the zod parse, and the views of the three audiences built on their previous ones
 * with the server's diff. Prints a table; asserts nothing (docs/performance.md: no timed
 * assertions). Run it bundled, as the bench runs the server (tsx's keepNames slows closures):
 *
 *   node scripts/bundle.mjs bench/sketch-cost.ts bench/results/build/sketch-cost.mjs && node bench/results/build/sketch-cost.mjs
 *
 * (`npm run bench:sketch` does both.)
 */
import { PUBLIC_AUDIENCE, type PreviousView } from '../game/engine';
import { diff } from '../game/patch';
import { sketch } from '../game/sketch';
import { CANVAS } from '../game/sketch/draw';
import { choose, guessRight, play, start, stateOf, unwrap, as } from '../game/sketch/testing';
import type { SketchMove, SketchState, SketchView } from '../game/sketch/types';
import { MAX_DRAWING_COORDS, MAX_STROKE_POINTS } from '../game/sketch/draw';

const AUDIENCES = [PUBLIC_AUDIENCE, 'guessed', 'drawer:p1'];

/** A stroke of `points` points: a wavy line across the canvas. */
function strokeOf(points: number, k: number): SketchMove {
  const p: number[] = [];
  for (let i = 0; i < points; i++) p.push(Math.round((i * CANVAS.width) / points), Math.round(450 + 300 * Math.sin((i + k) / 5)));
  return { type: 'stroke', c: k % 16, w: k % 5, p };
}

/**
 * µs per call of `f`: the best and the median of 7 rounds of `n` calls after a warm-up. The
 * best is the cost with the least interference from other processes (two shared cores).
 */
function time(n: number, f: (i: number) => void): string {
  for (let i = 0; i < Math.min(n, 2000); i++) f(i);
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f(i);
    rounds.push(((performance.now() - t0) * 1000) / n);
  }
  rounds.sort((a, b) => a - b);
  const digits = rounds[0]! < 100 ? 2 : 0;
  return `${rounds[0]!.toFixed(digits)} µs (median ${rounds[3]!.toFixed(digits)})`;
}

/** p1 drawing, p2 guessed, 12 players, `strokes` strokes of `points` points committed. */
function game(strokes: number, points: number): SketchState {
  let s = start({ players: 12, settings: { drawSeconds: 240, hints: 3 } });
  s = choose(s, 1000);
  s = guessRight(s, 'p2', 2000);
  for (let i = 0; i < strokes; i++) s = play(s, 'p1', strokeOf(points, i), 3000);
  return s;
}

/** What the server does for a move in a room: parse, apply, then for each audience a view on the previous one and its diff. */
function serverStep(state: SketchState, views: Map<string, PreviousView<SketchState, SketchView>>, raw: unknown, by: string, now: number): SketchState {
  const parsed = sketch.moveSchema.parse(raw);
  const next = stateOf(unwrap(sketch.move(state, parsed, as(by), now)));
  for (const key of AUDIENCES) {
    const previous = views.get(key)!;
    const v = sketch.view(next, key, previous);
    diff(previous.view, v);
    views.set(key, { state: next, view: v });
  }
  return next;
}

function viewsOf(s: SketchState): Map<string, PreviousView<SketchState, SketchView>> {
  return new Map(AUDIENCES.map((key) => [key, { state: s, view: sketch.view(s, key) }]));
}

const rows: [string, string][] = [];
const base = game(100, 40);

// A wrong guess: rules only, then the whole server-side step.
rows.push(['wrong guess: move()', time(20_000, (i) => sketch.move(base, { type: 'say', text: `is it a thing ${i % 50}` }, as('p3'), 4000))]);
rows.push(['close guess (notice): move()', time(20_000, () => sketch.move(base, { type: 'say', text: base.turn.word!.slice(1) }, as('p3'), 4000))]);
rows.push(['right guess: move()', time(20_000, () => sketch.move(base, { type: 'say', text: base.turn.word! }, as('p3'), 4000))]);
{
  let s = base;
  let views = viewsOf(s);
  rows.push([
    'wrong guess: parse + move + 3 views + 3 diffs',
    time(20_000, (i) => {
      if (s.lines.length > 90) {
        s = base;
        views = viewsOf(s);
      }
      s = serverStep(s, views, { type: 'say', text: `guess ${i}` }, 'p3', 4000);
    }),
  ]);
}

// A stroke commit: typical (40 points after simplification) and the longest allowed.
for (const points of [40, MAX_STROKE_POINTS]) {
  const raw = strokeOf(points, 3);
  rows.push([`stroke of ${points} points: move()`, time(20_000, () => sketch.move(base, raw, as('p1'), 4000))]);
  rows.push([`stroke of ${points} points: moveSchema.parse()`, time(20_000, () => sketch.moveSchema.parse(raw))]);
  let s = base;
  let views = viewsOf(s);
  rows.push([
    `stroke of ${points} points: parse + move + 3 views + 3 diffs`,
    time(5_000, () => {
      if (s.opsThisTurn >= 990 || s.drawingSize + points * 2 > 100_000) {
        s = base;
        views = viewsOf(s);
      }
      s = serverStep(s, views, raw, 'p1', 4000);
    }),
  ]);
}
rows.push(['stream frame: schema + allowed()', time(50_000, () => sketch.stream.allowed(base, as('p1')) && sketch.stream.schema.parse({ s: 1, c: 3, w: 2, p: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }))]);

// Sizes: a view with 500 committed strokes, and the whole state (what a Redis record holds).
for (const points of [20, 40, 100]) {
  const s = game(500, points);
  const bytes = JSON.stringify(sketch.view(s, PUBLIC_AUDIENCE)).length;
  rows.push([`public view, 500 strokes of ${points} points`, `${(bytes / 1024).toFixed(1)} kB (${Math.round(bytes / 500)} B a stroke)`]);
  rows.push([`  view()`, time(2000, () => sketch.view(s, PUBLIC_AUDIENCE))]);
  rows.push([`  JSON.stringify of that view (a late joiner's snapshot)`, time(50, () => JSON.stringify(sketch.view(s, PUBLIC_AUDIENCE)))]);
}
{
  // The state at its largest: a full drawing and a full gallery.
  let s = game(0, 0);
  for (let i = 0; i < Math.floor(MAX_DRAWING_COORDS / (2 * MAX_STROKE_POINTS)); i++) s = play(s, 'p1', strokeOf(MAX_STROKE_POINTS, i), 3000);
  const drawing = s.drawing;
  const full = { ...s, gallery: Array.from({ length: 40 }, (_, i) => ({ turn: i, drawer: 'p1', word: 'x', ops: drawing.slice(0, 1 + (i % 10)) })) };
  rows.push(['state with a full drawing (100k coordinates)', `${(JSON.stringify(s).length / 1024).toFixed(0)} kB`]);
  rows.push(['state with a full drawing and a full gallery', `${(JSON.stringify(full).length / 1024).toFixed(0)} kB`]);
}

const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
