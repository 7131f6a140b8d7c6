import type { ComponentType, Ref } from 'react';
import type { SeatSpec } from '@/game/engine';
import type { GameId } from '@/game/games';
import type { GameNotice, PlayerView, RoomSnapshot } from '@/game/protocol';
import type { Sound } from '@/app/lib/sound';

/**
 * What a game's browser half gives the room shell. The shell (app/components/room/) knows
 * no game: it shows the header, chat, players and host controls, and asks the game of the
 * room (`snapshot.gameId`) through app/games/index.ts for everything else.
 */

/** What the site knows of a game before any of its code loads: the picker, the room list, the rules index. */
export interface GameEntry {
  /** The id game/games.ts knows the game by: a room's `gameId`. */
  readonly id: GameId;
  readonly name: string;
  /** One line about the game. */
  readonly tagline: string;
  /** How many play, e.g. "4–10 players". */
  readonly players: string;
  /** A small picture of the game in public/, decorative beside its name (about 8:5). */
  readonly picture: string;
  /**
   * The game's room UI, loaded in the browser when a room of this game opens (its own chunk).
   * Write it `() => (typeof window === 'undefined' ? Promise.reject(new Error('… browser only')) : import('./ui'))`: the
   * bundler then leaves the import out of the server's bundle, and the server pages that list
   * games (the rules) do not inline the room's styles into their HTML.
   */
  load(): Promise<{ readonly default: GameUi }>;
  /** The rules, shown at /how-to-play/<id>. */
  rules(): Promise<{ readonly default: ComponentType }>;
}

/** What changed between two snapshots, as the room's live region reads it and as it sounds. */
export interface Announcement {
  /** Lines for screen readers, oldest first (none: nothing to say). */
  readonly lines: readonly string[];
  /** A sound for the change (played only when the player turned sound on). */
  readonly sound: Sound | null;
}

/** The settings the host's form sends, or why it cannot send them (shown in the page's alert). */
export type CollectedSettings =
  | {
      readonly ok: true;
      /** The game's settings to send; a missing field keeps its current value. */
      readonly settings: Readonly<Record<string, unknown>>;
      /** Runs once the server accepted them (e.g. to remember a pasted list in this browser). */
      readonly saved?: () => void;
    }
  | { readonly ok: false; readonly message: string };

/** How the room's settings form asks the game's fields for their values on "Save settings". */
export interface SettingsFieldsHandle {
  collect(): CollectedSettings;
}

/** Props of a game's fields inside the host's settings form. */
export interface SettingsFieldsProps {
  readonly code: string;
  /** The room's settings as everyone may see them (the game's `settingsSummary`). */
  readonly settings: RoomSnapshot['settings'];
  /** Call on any edit: the form's "Saved" note is then stale. */
  readonly onEdit: () => void;
  readonly ref: Ref<SettingsFieldsHandle>;
}

/** A game's room UI: its default export of the module {@link GameEntry.load} loads. */
export interface GameUi {
  /** The game screen, while a game runs and once it is over (it reads the room store). */
  readonly Game: ComponentType;
  /** The lobby's seats (e.g. a column per team); the shell's seat list when absent. */
  readonly Seats?: ComponentType;
  /** The host's fields for the game's settings, inside the room's settings form; none when absent. */
  readonly SettingsFields?: ComponentType<SettingsFieldsProps>;
  /** The game's settings for everyone else, as term and description pairs. */
  settingsSummary?(settings: RoomSnapshot['settings']): readonly (readonly [term: string, description: string])[];
  /** What the game needs to start, under the host's "Start game". */
  readonly startHint?: string;
  /** The accessible name of a seat's join button ("Join red as operative"); "Join as <label>" when absent. */
  joinLabel?(seat: SeatSpec): string;
  /**
   * What happened between two snapshots of the room (a move, a new game), for the live
   * region and the sound. `prev` is null for the first snapshot this page sees.
   */
  announce(prev: RoomSnapshot | null, next: RoomSnapshot): Announcement;
  /**
   * What this player is expected to do now, in a few words for the tab title ("Your turn"),
   * or null. `me` is null for a spectator. Only a hint: the server decides what is allowed.
   */
  yourMove(snapshot: RoomSnapshot, me: PlayerView | null): string | null;
  /**
   * The turn as a key ("3:guess"): when it changes, the room's toasts about the last turn
   * go (a refusal of a move that no longer matters). Absent: toasts go only with the phase.
   */
  turnKey?(snapshot: RoomSnapshot): string | null;
  /**
   * Whether the game's own UI shows this private notice (it listens with `useRoomEvent`);
   * otherwise the shell shows it as a toast. The shell always reads it out.
   */
  showsNotice?(notice: GameNotice): boolean;
}
