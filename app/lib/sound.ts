import { createPreference } from './preference';

/**
 * Optional sounds, made with Web Audio oscillators (no audio files to download).
 * Off until the visitor turns them on; the choice is kept in localStorage under
 * `parlor:sound` ('on' | 'off'; absent: off).
 */

export type SoundSetting = 'on' | 'off';

/** The storage key. */
export const SOUND_KEY = 'parlor:sound';

export const soundPreference = createPreference<SoundSetting>(SOUND_KEY, ['on', 'off']);

/** Whether sounds are on. Browser only. */
export function soundOn(): boolean {
  return soundPreference.read() === 'on';
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
 * Lets audio start: call from a click or key handler. Pages that load with sound already
 * on call it on the visitor's first interaction.
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
