'use client';

import { useImperativeHandle, useState, type ReactNode } from 'react';
import { SETTING_BOUNDS, sketchSettingsSchema } from '@/game/sketch/settings';
import { countWords, MIN_CUSTOM_ONLY_WORDS, parseWordList } from '@/game/sketch/words';
import { loadWordList, saveWordList } from '@/app/lib/word-list-memory';
import type { SettingsFieldsProps } from '../types';
import { DRAW_TIME_CHOICES, range, secondsLabel, TIERS } from './settings-format';

type Source = 'default' | 'custom' | 'mixed';

/** A labelled select of numbers. */
function NumberSelect({ id, label, value, choices, format = String, onChange }: {
  id: string;
  label: string;
  value: number;
  choices: readonly number[];
  format?: (n: number) => string;
  onChange(value: number): void;
}): ReactNode {
  const options = choices.includes(value) ? choices : [...choices, value].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {options.map((n) => (
          <option key={n} value={n}>
            {format(n)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The host's Sketch settings inside the room's settings form: rounds, draw time, word
 * choices, hints, most players, and the words (the default list's difficulties, a custom
 * list, or both). A custom list is checked with the rules' own schema before it is sent.
 */
export function SettingsFields({ code, settings: current, onEdit, ref }: SettingsFieldsProps) {
  const num = (key: string, fallback: number) => (typeof current[key] === 'number' ? (current[key] as number) : fallback);
  const [rounds, setRounds] = useState(num('rounds', 3));
  const [drawSeconds, setDrawSeconds] = useState(num('drawSeconds', 80));
  const [choices, setChoices] = useState(num('choices', 3));
  const [hints, setHints] = useState(num('hints', 2));
  const [maxPlayers, setMaxPlayers] = useState(num('maxPlayers', 12));
  const [tiers, setTiers] = useState({ easy: num('easy', 1) > 0, medium: num('medium', 1) > 0, hard: num('hard', 1) > 0 });
  const [source, setSource] = useState<Source>((current.wordList as Source | undefined) ?? 'default');
  const [wordsText, setWordsText] = useState(() => (typeof window === 'undefined' ? '' : loadWordList(code)));

  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    onEdit();
  };

  useImperativeHandle(ref, () => ({
    collect() {
      const custom = source !== 'default';
      // An empty box with a custom list chosen keeps the list in use (the snapshot has only its size).
      const keepList = custom && current.wordList !== 'default' && wordsText.trim() === '';
      const words = custom && !keepList ? parseWordList(wordsText) : null;
      if (words && !words.ok) return { ok: false, message: words.error.message };
      const settings = {
        rounds,
        drawSeconds,
        choices,
        hints,
        maxPlayers,
        customOnly: source === 'custom',
        tiers: { easy: tiers.easy ? 1 : 0, medium: tiers.medium ? 1 : 0, hard: tiers.hard ? 1 : 0 },
        ...(keepList ? {} : { customWords: words ? words.value : null }),
      };
      if (!keepList) {
        // The server's own checks (a custom-only list long enough, at least one kind of word).
        const checked = sketchSettingsSchema.safeParse({ ...settings, customWords: settings.customWords ?? null });
        if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? 'These settings cannot be used' };
      }
      return { ok: true, settings, saved: custom ? () => saveWordList(code, wordsText) : undefined };
    },
  }));

  const wordCount = countWords(wordsText);

  return (
    <>
      <div className="settings-grid">
        <NumberSelect id="sketch-rounds" label="Rounds" value={rounds} choices={range(SETTING_BOUNDS.rounds)} onChange={edit(setRounds)} />
        <NumberSelect id="sketch-draw-time" label="Draw time" value={drawSeconds} choices={DRAW_TIME_CHOICES} format={secondsLabel} onChange={edit(setDrawSeconds)} />
        <NumberSelect id="sketch-choices" label="Word choices" value={choices} choices={range(SETTING_BOUNDS.choices)} onChange={edit(setChoices)} />
        <NumberSelect id="sketch-hints" label="Hints" value={hints} choices={range(SETTING_BOUNDS.hints)} format={(n) => (n === 0 ? 'None' : String(n))} onChange={edit(setHints)} />
        <NumberSelect id="sketch-max-players" label="Most players" value={maxPlayers} choices={range(SETTING_BOUNDS.maxPlayers)} onChange={edit(setMaxPlayers)} />
      </div>
      <fieldset className="field">
        <legend>Words</legend>
        {(
          [
            ['default', 'Default words'],
            ['mixed', 'Default and custom words'],
            ['custom', 'Custom words only'],
          ] as const
        ).map(([id, label]) => (
          <label key={id} className="radio">
            <input type="radio" name="sketch-words" checked={source === id} onChange={() => edit(setSource)(id)} />
            {label}
          </label>
        ))}
      </fieldset>
      {source !== 'custom' && (
        <fieldset className="field">
          <legend>Difficulty of the default words</legend>
          {TIERS.map(([id, name]) => (
            <label key={id} className="checkbox">
              <input type="checkbox" checked={tiers[id]} onChange={(event) => edit(setTiers)({ ...tiers, [id]: event.target.checked })} />
              {name}
            </label>
          ))}
        </fieldset>
      )}
      {source !== 'default' && (
        <div className="field">
          <label htmlFor="sketch-custom-words">Your words</label>
          <textarea
            id="sketch-custom-words"
            rows={5}
            value={wordsText}
            onChange={(event) => edit(setWordsText)(event.target.value)}
            placeholder={'One per line, or separated by commas:\nlighthouse, pancake, …'}
            aria-describedby="sketch-custom-words-hint"
          />
          <p className="hint" id="sketch-custom-words-hint">
            {wordCount} {wordCount === 1 ? 'word' : 'words'}
            {source === 'custom' ? ` · custom words only needs at least ${MIN_CUSTOM_ONLY_WORDS}.` : '.'}
            {current.wordList !== 'default' && ` In use now: ${String(current.customWordCount)} custom words.`}
          </p>
        </div>
      )}
    </>
  );
}
