/**
 * The smoothed path of a stroke: straight between its points, each corner rounded by a
 * quadratic curve (the point is its control point), flattened into short straight pieces. The committed
 * drawing is painted along this polyline on the screen and rasterised along the very same
 * one for fills, so a fill meets the line it sees. Floating-point here is deterministic
 * (only + - * /), so every browser gets the same polyline.
 */

/**
 * Most distance between a curve and its flattened pieces, in canvas units: k pieces of a
 * quadratic stray at most |P0 - 2 P1 + P2| / (8 k^2) from it.
 */
const FLATNESS = 1;
/** Most pieces per curve. */
const MAX_PIECES = 8;

/**
 * Most distance from a corner at which its rounding starts. Midpoints of long segments would
 * round a sparse (simplified) stroke's corners away; this keeps each corner within a few
 * units of where the pen turned, while dense input is smoothed as with midpoints.
 */
const CORNER = 12;

/** The smoothed polyline of flat x,y pairs (floats); a single point stays a single point. */
export function smoothPolyline(p: readonly number[]): number[] {
  const n = p.length >> 1;
  if (n <= 2) return p.slice(0, n * 2);
  const out: number[] = [p[0]!, p[1]!];
  for (let i = 1; i < n - 1; i++) {
    const ax = p[i * 2 - 2]!;
    const ay = p[i * 2 - 1]!;
    const cx = p[i * 2]!;
    const cy = p[i * 2 + 1]!;
    const bx = p[i * 2 + 2]!;
    const by = p[i * 2 + 3]!;
    const la = Math.sqrt((cx - ax) * (cx - ax) + (cy - ay) * (cy - ay));
    const lb = Math.sqrt((bx - cx) * (bx - cx) + (by - cy) * (by - cy));
    // The curve enters at most CORNER before the corner and leaves at most CORNER after it.
    const ta = la > 0 ? Math.min(la / 2, CORNER) / la : 0;
    const tb = lb > 0 ? Math.min(lb / 2, CORNER) / lb : 0;
    const mx = cx + (ax - cx) * ta;
    const my = cy + (ay - cy) * ta;
    const ex = cx + (bx - cx) * tb;
    const ey = cy + (by - cy) * tb;
    // Where two corners' roundings meet (a short segment), the point is there already.
    if (out[out.length - 2] !== mx || out[out.length - 1] !== my) out.push(mx, my);
    const ddx = mx - 2 * cx + ex;
    const ddy = my - 2 * cy + ey;
    const k = Math.min(MAX_PIECES, Math.max(1, Math.ceil(Math.sqrt(Math.sqrt(ddx * ddx + ddy * ddy) / (8 * FLATNESS)))));
    for (let j = 1; j <= k; j++) {
      const t = j / k;
      const u = 1 - t;
      out.push(u * u * mx + 2 * u * t * cx + t * t * ex, u * u * my + 2 * u * t * cy + t * t * ey);
    }
  }
  out.push(p[n * 2 - 2]!, p[n * 2 - 1]!);
  return out;
}
