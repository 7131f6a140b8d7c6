/**
 * Helpers for Sketch's integration tests (server/sketch.integration.test.ts): a word list no
 * protocol text can hold by chance, a log of every frame a client receives as it came off
 * the wire (events and acks alike), and the checks that no frame and no view shows a client
 * a word before it may know it. Not imported by production code.
 */
import { matchKey } from '../game/sketch/text';
import type { SketchView } from '../game/sketch/types';
import type { RoomSnapshot } from '../game/protocol';
import type { TestClient } from './testing';

/**
 * The custom words of the test rooms (Sketch needs at least 10 for "custom words only").
 * Long and unusual, so that no key, id, room code or other word of the protocol holds one by
 * chance: a frame that holds one, in any case or spacing, was sent the word. Some are
 * phrases, to show that spaces and hyphens are part of the public shape.
 */
export const TEST_WORDS: readonly string[] = [
  'quokka',
  'narwhal',
  'zeppelin',
  'xylophone',
  'platypus',
  'kumquat',
  'hot air balloon',
  'jack-in-the-box',
  'ferris wheel',
  'walrus',
  'accordion',
  'pogo stick',
];

/** One frame a client received: an event, or the answer (ack) to one of its requests. */
export interface Frame {
  /** The event's name, or `ack`. */
  readonly event: string;
  /** The event's payload or the ack's answer, as decoded. */
  readonly payload: unknown;
  /** Its text as {@link matchKey} sees it: every letter and digit of its JSON, keys included. */
  readonly key: string;
  /** The room version the frame brings (a patch's, a snapshot's, an ack's patch or snapshot), or null. */
  readonly version: number | null;
  /** The version of the room the client held when the frame arrived (0 before any). */
  readonly held: number;
}

/** Every frame one client received, in order, with a way to wait for more. */
export interface FrameLog {
  readonly frames: readonly Frame[];
  /** The payloads of the frames of one event, in order. */
  of<T = unknown>(event: string): T[];
  /** Resolves once the frames satisfy `check` (checked again on every new frame). */
  until(check: (log: FrameLog) => boolean, what: string, timeoutMs?: number): Promise<void>;
}

// socket.io-parser's packet types that carry data to the application.
const EVENT = 2;
const ACK = 3;
const BINARY_EVENT = 5;
const BINARY_ACK = 6;

interface DecodedPacket {
  readonly type: number;
  readonly data?: unknown;
}

/** The version a decoded payload brings: a patch's or snapshot's own, or an ack's patch's or snapshot's. */
function versionOf(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as { version?: unknown; patch?: { version?: unknown }; snapshot?: { version?: unknown } };
  const version = p.patch?.version ?? p.snapshot?.version ?? p.version;
  return typeof version === 'number' ? version : null;
}

/**
 * Starts logging every frame the client receives from now on: every packet the socket's
 * manager decodes, which is every event and every ack, whatever the client does with it.
 * Call it before the client joins anything. The manager hears a packet after the socket
 * does, so `held` already counts what the client made of the frame itself.
 */
export function recordFrames(client: TestClient): FrameLog {
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  const log: FrameLog = {
    frames,
    of: <T>(event: string) => frames.filter((f) => f.event === event).map((f) => f.payload as T),
    until(check, what, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const wake = () => {
          if (!check(log)) return;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`not within ${timeoutMs} ms: ${what}`));
        }, timeoutMs);
        waiters.add(wake);
        wake();
      });
    },
  };
  const manager = client.socket.io as unknown as { on(event: 'packet', listener: (packet: DecodedPacket) => void): void };
  manager.on('packet', (packet) => {
    if (!Array.isArray(packet.data)) return;
    let event: string;
    let payload: unknown;
    if (packet.type === EVENT || packet.type === BINARY_EVENT) [event, payload] = [String(packet.data[0]), packet.data[1]];
    else if (packet.type === ACK || packet.type === BINARY_ACK) [event, payload] = ['ack', packet.data[0]];
    else return;
    frames.push({ event, payload, key: matchKey(JSON.stringify(packet.data)), version: versionOf(payload), held: client.latest()?.version ?? 0 });
    for (const wake of [...waiters]) wake();
  });
  return log;
}

/** The Sketch view of a snapshot, or null. */
export function sketchView(snapshot: RoomSnapshot | null | undefined): SketchView | null {
  return (snapshot?.view as SketchView | null | undefined) ?? null;
}

/** The words a snapshot shows its audience as known: the words offered to it, its own word, and those of finished turns. */
function shownWords(snapshot: RoomSnapshot): string[] {
  const view = sketchView(snapshot);
  if (!view) return [];
  const words = [...(view.choices ?? []), view.word, view.turn.result?.word ?? null, ...(view.history ?? []).map((r) => r.word), ...(view.gallery ?? []).map((g) => g.word)];
  return words.filter((w): w is string => w !== null);
}

/**
 * What each version of the room let the client know: the words shown by the snapshots it
 * held up to that version (a word once known stays known). Whether those snapshots were
 * entitled to show them is {@link unentitledViews}'s question.
 */
export function knownWords(client: TestClient): (version: number) => ReadonlySet<string> {
  const states = [...client.states].sort((a, b) => a.version - b.version);
  return (version) => {
    const known = new Set<string>();
    for (const s of states) if (s.version <= version) for (const w of shownWords(s)) known.add(w);
    return known;
  };
}

/**
 * The snapshots a player (or spectator) held that showed what its place in the turn does
 * not allow, read from the snapshot's public parts alone: the word to anyone but the drawer
 * and those who guessed it before the turn ended, the choices to anyone but the drawer while
 * choosing. Empty when every view kept to the rules.
 */
export function unentitledViews(client: TestClient, me: string): string[] {
  const wrong: string[] = [];
  for (const s of client.states) {
    const view = sketchView(s);
    if (!view) continue;
    const t = view.turn;
    const drawing = me === t.drawer && (view.phase === 'choosing' || view.phase === 'drawing');
    if (view.word !== null && !(drawing || t.guessed.includes(me) || t.result !== null || view.phase === 'over')) {
      wrong.push(`v${s.version}: word "${view.word}" shown in ${view.phase} to ${me} (${view.role})`);
    }
    if (view.choices !== null && !(me === t.drawer && view.phase === 'choosing')) wrong.push(`v${s.version}: choices shown to ${me}`);
  }
  return wrong;
}

/**
 * Each frame that holds one of `words` (by its match key: any case, accents, spaces or
 * punctuation, keys included) while the client could not know it yet: the frame's own
 * version (or, for a frame without one, the version held when it came) had not shown it.
 */
export function leakingFrames(log: FrameLog, words: readonly string[], known: (version: number) => ReadonlySet<string>): string[] {
  const leaks: string[] = [];
  for (const [i, frame] of log.frames.entries()) {
    for (const word of words) {
      if (!frame.key.includes(matchKey(word))) continue;
      const at = frame.version ?? frame.held;
      if (!known(at).has(word)) leaks.push(`frame ${i} (${frame.event}, v${at}) holds "${word}"`);
    }
  }
  return leaks;
}
