'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RoomSnapshot } from '@/game/protocol';
import { cleanLine, LINE_MAX, LINE_REFUSAL } from '@/game/sketch/text';
import type { SketchMove, SketchView } from '@/game/sketch/types';
import { useRoomEvent } from '@/app/lib/room-store-context';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { nameOf } from './display';

/** The kind of the rules' private "close!" notice: shown under the guess box, not as a toast. */
export const CLOSE_NOTICE = 'close';

/**
 * The game's lines (guesses and messages, "Mia guessed the word") and, for players, the box
 * to guess or talk. What a line says and who sees it is the server's: the views hold only
 * the lines this player may read. A guesser's box says "Your guess"; once the word is known
 * (the drawer, a player who guessed) it says "Message" and reaches only those who know it.
 * The box checks a line with the rules' own `cleanLine` before sending it.
 */
export function GuessPanel({ view, snapshot, canSay }: { view: SketchView; snapshot: RoomSnapshot; canSay: boolean }) {
  const actions = useRoomActions<SketchMove>();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [close, setClose] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const inputId = useId();
  const noteId = useId();
  const turn = view.turn.number;

  useRoomEvent('notice', (notice) => {
    if (notice.kind === CLOSE_NOTICE) setClose(notice.text);
  });
  // A close call is about this turn's word only.
  useEffect(() => setClose(null), [turn]);
  useEffect(() => {
    const box = scroller.current;
    if (box && pinned.current && view.lines.length > 0) box.scrollTop = box.scrollHeight;
  }, [view.lines]);

  const knowsWord = view.role !== 'guesser' && (view.phase === 'choosing' || view.phase === 'drawing');
  const guessing = view.role === 'guesser' && view.phase === 'drawing';
  const label = guessing ? 'Your guess' : 'Message';

  async function send(event: FormEvent) {
    event.preventDefault();
    const line = cleanLine(draft);
    if (!line.ok) {
      setError(LINE_REFUSAL[line.reason]);
      return;
    }
    setClose(null);
    // Cleared at once: the next guess can be typed while this one is on its way.
    setDraft('');
    pinned.current = true;
    // A refusal shows as the room's toast; the line comes back to be sent again.
    if (!(await actions.move({ type: 'say', text: line.value, turn }))) setDraft((current) => current || line.value);
  }

  return (
    <section className="sketch-lines card" aria-labelledby="sketch-lines-heading">
      <h2 id="sketch-lines-heading" className="visually-hidden">
        Guesses and messages
      </h2>
      <div
        className="sketch-lines-scroll"
        ref={scroller}
        role="log"
        aria-label="Guesses and messages"
        tabIndex={0}
        onScroll={(event) => {
          const box = event.currentTarget;
          pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 8;
        }}
      >
        {view.lines.length === 0 ? (
          <p className="muted">{guessing ? 'Type your guesses below.' : 'Guesses and messages show here.'}</p>
        ) : (
          <ul className="sketch-line-list">
            {view.lines.map((line) =>
              line.kind === 'guessed' ? (
                <li key={line.id} className="sketch-line is-guessed">
                  ✓ {nameOf(snapshot, line.by)} guessed the word
                </li>
              ) : (
                <li key={line.id} className={`sketch-line${line.to === 'guessed' ? ' is-private' : ''}`}>
                  <span className="sketch-line-by">{nameOf(snapshot, line.by)}:</span> {line.text}
                  {line.to === 'guessed' && <span className="visually-hidden"> (seen only by those who know the word)</span>}
                </li>
              ),
            )}
          </ul>
        )}
      </div>
      {canSay && (
        <form className="sketch-say" onSubmit={send}>
          <label htmlFor={inputId} className="visually-hidden">
            {label}
          </label>
          <input
            id={inputId}
            value={draft}
            maxLength={LINE_MAX * 4}
            autoComplete="off"
            enterKeyHint="send"
            placeholder={guessing ? 'Type your guess…' : knowsWord ? 'Chat with those who know it…' : 'Say something…'}
            aria-describedby={noteId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" className="button button-primary">
            {guessing ? 'Guess' : 'Send'}
          </button>
          {/* The room's announcer reads the close call (a notice); an error is read here. */}
          <p id={noteId} className={`sketch-say-note${error ? ' is-error' : close ? ' is-close' : ''}`}>
            <span aria-live="polite">{error ?? ''}</span>
            {!error && close}
          </p>
        </form>
      )}
    </section>
  );
}
