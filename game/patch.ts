/**
 * Structural patches between two JSON values: the server sends each audience what changed
 * in its view since the previous version instead of the whole view, and clients apply it.
 *
 * An op is `[path]` (delete the key) or `[path, value]` (set it). Paths are keys and array
 * indexes from the root; on an array, the key `length` truncates it. The format is tiny on
 * the wire and needs no library: a guess is a handful of ops of a few bytes each.
 */

/** One step from a path to a value: an object key or an array index. */
export type PatchKey = string | number;

/** Set `path` to the value, or delete it when the value is absent. */
export type PatchOp = readonly [path: readonly PatchKey[], value?: unknown];

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The ops that turn `before` into `after` (both plain JSON: objects, arrays, primitives;
 * no `undefined`, which JSON cannot carry), leaving out the keys of the root object in
 * `ignored` (fields that always change and travel beside the patch).
 * Unchanged subtrees cost one comparison each; arrays are compared index by index, so an
 * appended log line or a flipped card is one op, not the whole array.
 */
export function diff(before: unknown, after: unknown, ignored?: ReadonlySet<string>): PatchOp[] {
  const ops: PatchOp[] = [];
  walk(before as Json, after as Json, [], ops, ignored);
  return ops;
}

/**
 * Walks both trees with one mutable path; only emitted ops get their own copy of it, made
 * with `concat`: on Node 20 `[...path, key]` allocates about three times the bytes (the
 * spread reserves spare room), and a patch is made for every audience of every change.
 */
function walk(a: Json, b: Json, path: PatchKey[], ops: PatchOp[], ignored?: ReadonlySet<string>): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) {
      path.push(i);
      walk(a[i] as Json, b[i] as Json, path, ops);
      path.pop();
    }
    for (let i = shared; i < b.length; i++) ops.push([path.concat(i), b[i]]);
    if (b.length < a.length) ops.push([path.concat('length'), b.length]);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key in b) {
      if (ignored?.has(key)) continue;
      if (!Object.hasOwn(a, key)) {
        ops.push([path.concat(key), b[key]]);
        continue;
      }
      path.push(key);
      walk(a[key] as Json, b[key] as Json, path, ops);
      path.pop();
    }
    for (const key in a) if (!Object.hasOwn(b, key) && !ignored?.has(key)) ops.push([path.concat(key)]);
    return;
  }
  ops.push([path.slice(), b]);
}

/**
 * Whether `ops` turn `before` into exactly `after`, given `own`, the ops {@link diff} made
 * from `before` to `after` (with the same ignored keys), without applying them: each op's
 * value is what `after` holds at its path, the place it writes exists in `before`, a deleted
 * key was in `before`, and each of `own`'s ops (every place where the trees differ) lies at
 * or under one of `ops`' paths. So `ops` name no key and carry no value that `before` or
 * `after` does not show. Both lists must come from {@link diff} (no op's path lies inside
 * another's). A server uses it to send one audience's patch to another audience whose view
 * changed the same way, instead of a second patch.
 */
export function patchFits(ops: readonly PatchOp[], own: readonly PatchOp[], before: unknown, after: unknown): boolean {
  for (let i = 0; i < own.length; i++) if (!underOp(ops, own[i]![0])) return false;
  for (let i = 0; i < ops.length; i++) if (!opLands(ops[i]!, before, after)) return false;
  return true;
}

/** Whether one op, applied to `before`, writes what `after` holds at its path. */
function opLands(op: PatchOp, before: unknown, after: unknown): boolean {
  const path = op[0];
  // `op[1]` is the value; an op of one element deletes (indexes, not destructuring: no array per op).
  if (path.length === 0) return op.length === 2 && jsonEqual(op[1], after);
  let from = before;
  let to = after;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (FORBIDDEN.has(key) || !isNode(from) || !isNode(to)) return false;
    from = (from as Record<PatchKey, unknown>)[key];
    to = (to as Record<PatchKey, unknown>)[key];
  }
  const last = path[path.length - 1]!;
  if (FORBIDDEN.has(last) || !isNode(from) || !isNode(to)) return false;
  // A delete must remove a key this side had: a key it never had could tell it about the other side's tree.
  if (op.length === 1) return Object.hasOwn(from, last) && !Object.hasOwn(to, last);
  if (Array.isArray(from) && last === 'length') return Array.isArray(to) && to.length === op[1];
  return Object.hasOwn(to, last) && jsonEqual((to as Record<PatchKey, unknown>)[last], op[1]);
}

/** Whether some op's path is `path` or one of its ancestors. */
function underOp(ops: readonly PatchOp[], path: readonly PatchKey[]): boolean {
  for (let o = 0; o < ops.length; o++) {
    const prefix = ops[o]![0];
    if (prefix.length > path.length) continue;
    let i = 0;
    // Array indexes may have come over the wire as numbers or be walked as numbers: compare as text.
    while (i < prefix.length && (prefix[i] === path[i] || String(prefix[i]) === String(path[i]))) i++;
    if (i === prefix.length) return true;
  }
  return false;
}

function isNode(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Deep equality of JSON values; shared subtrees cost one comparison. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

/** Keys that would reach an object's prototype; a patch must never write through them. */
const FORBIDDEN = new Set<PatchKey>(['__proto__', 'prototype', 'constructor']);

/**
 * Applies ops to `base` without changing it: every object on a changed path is copied once
 * (whatever is unchanged stays shared), so `a !== b` tells a UI what changed. Throws on a
 * path that does not exist in `base`; the caller then asks for the whole state again.
 */
export function applyPatch<T>(base: T, ops: readonly PatchOp[]): T {
  // The copies made by this call (a plain Set: it lives only as long as the call).
  const copies = new Set<object>();
  const copy = <V extends object>(value: V): V => {
    const c = (Array.isArray(value) ? value.slice() : { ...value }) as V;
    copies.add(c);
    return c;
  };
  let root: unknown = base;
  for (const [path, ...value] of ops) {
    if (path.some((key) => FORBIDDEN.has(key))) throw new Error(`patch: forbidden key in ${path.join('.')}`);
    if (path.length === 0) {
      root = value[0];
      continue;
    }
    if (typeof root !== 'object' || root === null) throw new Error('patch: the base is not an object');
    if (!copies.has(root)) root = copy(root);
    let node = root as Record<PatchKey, unknown>;
    for (const key of path.slice(0, -1)) {
      let child = node[key];
      if (typeof child !== 'object' || child === null) throw new Error(`patch: no object at ${path.join('.')}`);
      if (!copies.has(child)) {
        child = copy(child);
        node[key] = child;
      }
      node = child as Record<PatchKey, unknown>;
    }
    const last = path[path.length - 1]!;
    if (value.length === 0) delete node[last];
    else if (Array.isArray(node) && last === 'length') node.length = value[0] as number;
    else node[last] = value[0];
  }
  return root as T;
}
