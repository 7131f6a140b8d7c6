'use client';

import Link from 'next/link';
import { ErrorCode } from '@/game/errors';
import type { JoinFailure } from '@/app/lib/room-store';
import { StateNotice, type NoticeTone } from '../StateNotice';

interface Copy {
  readonly heading: string;
  readonly tone: NoticeTone;
  /** What the player can do about it, after the server's own message. */
  readonly advice: string;
}

function copyFor(code: JoinFailure['code']): Copy {
  switch (code) {
    case ErrorCode.ROOM_NOT_FOUND:
      return {
        heading: 'Room not found',
        tone: 'warning',
        advice:
          'Ask whoever invited you for the code again (4 to 6 letters and digits). Rooms close when nobody has been in them for a while.',
      };
    case ErrorCode.ROOM_FULL:
      return {
        heading: 'This room is full',
        tone: 'info',
        advice: 'Every player spot is taken. You can still watch the game, or start a room of your own.',
      };
    case ErrorCode.SPECTATORS_FULL:
      return { heading: 'Too many people watching', tone: 'info', advice: 'Try again in a little while.' };
    case ErrorCode.KICKED:
      return {
        heading: "You can't rejoin this room",
        tone: 'error',
        advice: 'Start a new room or join another one from the home page.',
      };
    case ErrorCode.NICKNAME_INVALID:
      return { heading: 'Pick another nickname', tone: 'warning', advice: 'Nicknames are 1 to 24 characters.' };
    case ErrorCode.RATE_LIMITED:
      return { heading: 'Too many tries', tone: 'warning', advice: 'Wait a few seconds, then try again.' };
    case 'CONNECTION':
      return {
        heading: 'Could not connect',
        tone: 'error',
        advice: 'Reload the page. If it keeps happening, the server may be updating: try again in a minute.',
      };
    default:
      return { heading: 'Could not join the room', tone: 'error', advice: 'Try again, or go back home.' };
  }
}

/**
 * Shown instead of the room when joining was refused (or a lookup found no room), with the
 * ways forward that fit the reason and that the caller can offer.
 */
export function JoinFailed({
  failure,
  onRetry,
  onWatch,
  onChangeNickname,
}: {
  failure: JoinFailure;
  onRetry?: () => void;
  onWatch?: () => void;
  onChangeNickname?: () => void;
}) {
  const copy = copyFor(failure.code);
  const notFound = failure.code === ErrorCode.ROOM_NOT_FOUND;
  const kicked = failure.code === ErrorCode.KICKED;
  const full = failure.code === ErrorCode.ROOM_FULL;
  const nickname = failure.code === ErrorCode.NICKNAME_INVALID;
  const homeIsPrimary = notFound || kicked;
  return (
    <StateNotice
      tone={copy.tone}
      heading={copy.heading}
      headingId="join-failed-heading"
      actions={
        <>
          {full && onWatch && (
            <button type="button" className="button button-primary" onClick={onWatch}>
              Watch instead
            </button>
          )}
          {nickname && onChangeNickname && (
            <button type="button" className="button button-primary" onClick={onChangeNickname}>
              Change nickname
            </button>
          )}
          {failure.code === 'CONNECTION' ? (
            <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          ) : (
            !notFound &&
            !kicked &&
            onRetry && (
              <button type="button" className={full || nickname ? 'button' : 'button button-primary'} onClick={onRetry}>
                Try again
              </button>
            )
          )}
          <Link href="/" className={homeIsPrimary ? 'button button-primary' : 'button'}>
            Back home
          </Link>
        </>
      }
    >
      <p role="alert">{failure.message}</p>
      <p className="muted">{copy.advice}</p>
    </StateNotice>
  );
}
