'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { checkChatText, LIMITS } from '@/game/limits';
import type { ChatMessage } from '@/game/protocol';
import { useRoomStore } from '@/app/lib/room-store-context';
import { selectIsHost } from '@/app/lib/room-selectors';
import { useRoomActions } from '@/app/lib/use-room-actions';
import { KickButton } from './KickButton';

/** Ids of the newest line of each spectator: where the host gets "Kick NAME" for them. */
function latestSpectatorLines(chat: readonly ChatMessage[], you: string | null): Set<number> {
  const seen = new Set<string>();
  const ids = new Set<number>();
  for (let i = chat.length - 1; i >= 0; i--) {
    const line = chat[i]!;
    if (!line.spectator || line.from === you || seen.has(line.from)) continue;
    seen.add(line.from);
    ids.add(line.id);
  }
  return ids;
}

/**
 * The room chat for players and spectators: the newest lines at the bottom of a polite
 * live region, and a "Message" box with "Send". Spectators are not listed anywhere else,
 * so the host kicks a spectator from their newest line here.
 */
export function ChatPanel() {
  const chat = useRoomStore((state) => state.chat);
  const you = useRoomStore((state) => state.you);
  const isHost = useRoomStore(selectIsHost);
  const actions = useRoomActions();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  // Whether the reader is at the bottom; if they scrolled up to read, new lines must not yank them down.
  const pinned = useRef(true);
  const inputId = useId();

  useEffect(() => {
    const box = scroller.current;
    // An empty chat has nothing to scroll to. Reading scrollHeight would also force the
    // freshly mounted room's first layout into this effect, on the end of React's commit
    // task, instead of leaving it to the browser's next frame, a task of its own.
    if (box && pinned.current && chat.length > 0) box.scrollTop = box.scrollHeight;
  }, [chat]);

  async function send(event: FormEvent) {
    event.preventDefault();
    const checked = checkChatText(draft);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setPending(true);
    const refusal = await actions.sendChat(checked.value);
    setPending(false);
    setError(refusal);
    if (!refusal) {
      setDraft('');
      pinned.current = true;
    }
  }

  const kickable = isHost ? latestSpectatorLines(chat, you) : null;

  return (
    <section className="card chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <div
        className="chat-scroll"
        ref={scroller}
        role="log"
        aria-live="polite"
        aria-label="Chat messages"
        // Focusable so keyboard users can scroll the history.
        tabIndex={0}
        onScroll={(event) => {
          const box = event.currentTarget;
          pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
        }}
      >
        {chat.length === 0 ? (
          <p className="muted chat-empty">No messages yet. Say hello!</p>
        ) : (
          <ol className="chat-list">
            {chat.map((line) => (
              <li key={line.id} className={`chat-line${line.from === you ? ' is-mine' : ''}`}>
                <span className="chat-author">
                  <span className="chat-nick">{line.nickname}</span>
                  {line.spectator && <span className="badge badge-spectator">spectator</span>}
                </span>{' '}
                <span className="chat-text">{line.text}</span>
                {kickable?.has(line.id) && (
                  <span className="chat-kick">
                    <KickButton playerId={line.from} nickname={line.nickname} />
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      {error && (
        <p className="chat-error" role="alert">
          {error}
        </p>
      )}
      <form className="chat-form" onSubmit={send}>
        <label htmlFor={inputId} className="visually-hidden">
          Message
        </label>
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          maxLength={LIMITS.chatMax}
          placeholder="Message"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" className="button" disabled={pending}>
          Send
        </button>
      </form>
    </section>
  );
}
