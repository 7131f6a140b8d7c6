import { createPreference } from './preference';

/**
 * Optional sounds, made with Web Audio oscillators (no audio files to download).
 * A visitor who never chose hears them once they have interacted with the page (browsers let
 * audio start only then anyway); a choice made with the header's toggle is kept in
 * localStorage under `parlor:sound` ('on' | 'off') and always wins.
 */

export type SoundSetting = 'on' | 'off';

/** The storage key. */
export const SOUND_KEY = 'parlor:sound';

export const soundPreference = createPreference<SoundSetting>(SOUND_KEY, ['on', 'off']);

/**
 * Whether sounds play: the stored choice when there is one, else whether the visitor has
 * interacted with the page yet.
 */
export function soundEnabled(stored: SoundSetting | null, interacted: boolean): boolean {
  return stored === null ? interacted : stored === 'on';
}

let interacted = false;
const interactionListeners = new Set<() => void>();

/** Whether sounds are on now. Browser only. */
export function soundOn(): boolean {
  return soundEnabled(soundPreference.read(), interacted);
}

/** Hears every change of {@link soundOn}: a stored choice, or the page's first interaction. */
export function subscribeSound(onChange: () => void): () => void {
  const unsubscribe = soundPreference.subscribe(onChange);
  interactionListeners.add(onChange);
  return () => {
    unsubscribe();
    interactionListeners.delete(onChange);
  };
}

/** Presses on elements marked with this attribute (the sound toggle) are a choice, not a first interaction. */
export const SOUND_CHOICE_ATTRIBUTE = 'data-sound-choice';

// Events that let a page start audio (a mouse's pointerdown, a touch's pointerup, a key).
const ACTIVATION_EVENTS = ['pointerdown', 'pointerup', 'keydown'] as const;
let watching = false;

/**
 * Listens for the page's first interaction (once per page; browser only): it turns sound on
 * for a visitor who never chose, and unlocks audio whenever sound is on. A press on the sound
 * toggle itself is left to the toggle, so that "Sound" pressed first turns sound on rather than
 * off. The listeners go once audio runs.
 */
export function watchFirstInteraction(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  const onEvent = (event: Event) => {
    if (event.target instanceof Element && event.target.closest(`[${SOUND_CHOICE_ATTRIBUTE}]`)) return;
    if (!interacted) {
      interacted = true;
      for (const listener of interactionListeners) listener();
    }
    if (!soundOn()) return;
    unlockAudio();
    if (context?.state === 'running') {
      for (const type of ACTIVATION_EVENTS) window.removeEventListener(type, onEvent, true);
    }
  };
  for (const type of ACTIVATION_EVENTS) window.addEventListener(type, onEvent, { capture: true, passive: true });
}

/**
 * One note of a sound: its pitch, when it starts and how long it lasts (seconds from the
 * sound's start), and its wave (a sine by default).
 */
export type Note = readonly [frequency: number, startSeconds: number, durationSeconds: number, wave?: OscillatorType];

/** A short sound: a few notes. Games define their own (a card turning over); the room's are below. */
export type Sound = readonly Note[];

/** The sounds every game shares. */
export const SOUNDS = {
  /** It is now this player's move. */
  yourTurn: [
    [659, 0, 0.14],
    [880, 0.13, 0.22],
  ],
  /** A game ended. */
  gameOver: [
    [523, 0, 0.14],
    [659, 0.12, 0.14],
    [784, 0.24, 0.14],
    [1047, 0.36, 0.3],
  ],
  /** Sound was just turned on. */
  enabled: [[880, 0, 0.1]],
} as const satisfies Record<string, Sound>;

let context: AudioContext | null = null;

/** The page's audio context, created on first use and resumed if the browser suspended it. */
function audio(): AudioContext | null {
  if (typeof window === 'undefined') return null;
  if (!context) {
    const Context =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return null;
    context = new Context();
  }
  // Browsers start a context 'suspended' until the page gets a click or a key press.
  if (context.state === 'suspended') void context.resume().catch(() => {});
  return context;
}

/**
 * Lets audio start: call from a click or key handler ({@link watchFirstInteraction} does on
 * the visitor's first interaction).
 */
export function unlockAudio(): void {
  audio();
}

/** Plays a sound if sounds are on (or `force`, for the "turned on" blip). Never throws. */
export function playSound(sound: Sound, force = false): void {
  if (!force && !soundOn()) return;
  try {
    const ctx = audio();
    if (!ctx) return;
    const start = ctx.currentTime + 0.01;
    for (const [frequency, offset, duration, wave = 'sine'] of sound) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = wave;
      osc.frequency.value = frequency;
      // A quick attack and an exponential fade: a soft "bip", never a click.
      const at = start + offset;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(wave === 'sawtooth' ? 0.05 : 0.12, at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + duration + 0.02);
    }
  } catch {
    // Audio is a nicety; a browser that refuses it changes nothing else.
  }
}
