import { applyPatch, diff } from './patch';
import type { RoomPatch, RoomSnapshot } from './protocol';

/**
 * The patch from one audience's snapshot to the next version's. `version` and
 * `serverTime` travel in the envelope, so the ops hold only what the room changed.
 */
export function roomPatch(before: RoomSnapshot, after: RoomSnapshot): RoomPatch {
  // Both always change; the envelope carries them.
  const ops = diff(before, after).filter(([path]) => !(path.length === 1 && (path[0] === 'version' || path[0] === 'serverTime')));
  return { code: after.code, version: after.version, audience: after.audience, serverTime: after.serverTime, ops };
}

/**
 * The snapshot a patch produces from `current`, or null when it does not follow it (another
 * room, audience or version, or ops that do not fit): the caller then resyncs.
 */
export function applyRoomPatch(current: RoomSnapshot, patch: RoomPatch): RoomSnapshot | null {
  if (patch.code !== current.code || patch.audience !== current.audience || patch.version !== current.version + 1) return null;
  try {
    const next = applyPatch(current, patch.ops);
    return { ...next, version: patch.version, serverTime: patch.serverTime };
  } catch {
    return null;
  }
}
