/**
 * Ramer-Douglas-Peucker simplification of a stroke in integers: flat x,y pairs in, a subset
 * of them out, first and last point always kept, every dropped point within `tolerance` of
 * the simplified line. Distances are compared squared in integers (exact: coordinates are
 * at most a few thousand), so every browser keeps the same points.
 */
export function simplify(points: readonly number[], tolerance = 1): number[] {
  const n = points.length >> 1;
  if (n <= 2) return points.slice(0, n * 2);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  // An explicit stack: a long stroke would overflow recursion.
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    if (last - first < 2) continue;
    const ax = points[first * 2]!;
    const ay = points[first * 2 + 1]!;
    const bx = points[last * 2]!;
    const by = points[last * 2 + 1]!;
    let worst = -1;
    let worstD = 0; // as a fraction num/den of squared distance, compared by cross-multiplying
    let worstDen = 1;
    for (let i = first + 1; i < last; i++) {
      const [num, den] = segmentDistance2(points[i * 2]!, points[i * 2 + 1]!, ax, ay, bx, by);
      if (num * worstDen > worstD * den) {
        worst = i;
        worstD = num;
        worstDen = den;
      }
    }
    if (worst >= 0 && worstD > tol2 * worstDen) {
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i * 2]!, points[i * 2 + 1]!);
  return out;
}

/**
 * Squared distance from (px, py) to the segment A-B as an exact fraction [num, den] of
 * integers (den > 0): to an end when the projection falls outside, else cross^2 / |AB|^2.
 */
export function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): [number, number] {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const apx = px - ax;
  const apy = py - ay;
  if (len2 === 0) return [apx * apx + apy * apy, 1];
  const dot = apx * dx + apy * dy;
  if (dot <= 0) return [apx * apx + apy * apy, 1];
  if (dot >= len2) {
    const bpx = px - bx;
    const bpy = py - by;
    return [bpx * bpx + bpy * bpy, 1];
  }
  const cross = apx * dy - apy * dx;
  return [cross * cross, len2];
}
