'use client';

import { useEffect, useState } from 'react';
import { roomLookupPath } from '@/game/limits';
import type { RoomLookup } from '@/game/protocol';

/**
 * What the server says of a room before this tab joins it (`GET /api/rooms/<CODE>`): its
 * public line, or why there is none. Null while asking, when not asked (`enabled` false),
 * and when no answer came (offline, a proxy's error page): the join tells the same a
 * moment later, so not knowing loses nothing.
 */
export function useRoomLookup(code: string, enabled: boolean): RoomLookup | null {
  const [answer, setAnswer] = useState<RoomLookup | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fetch(roomLookupPath(code), { signal: controller.signal, cache: 'no-store' })
      .then((res) => res.json() as Promise<unknown>)
      .then(
        (body) => {
          if (typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean') setAnswer(body as RoomLookup);
        },
        () => {},
      );
    return () => controller.abort();
  }, [code, enabled]);
  return answer;
}
