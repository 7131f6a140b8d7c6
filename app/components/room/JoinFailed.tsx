'use client';

import Link from 'next/link';
import { ErrorCode } from '@/game/errors';
import type { JoinFailure } from '@/app/lib/room-store';

/** Shown instead of the room when joining was refused, with the ways forward that fit the reason. */
export function JoinFailed({
  failure,
  onRetry,
  onWatch,
  onChangeNickname,
}: {
  failure: JoinFailure;
  onRetry: () => void;
  onWatch: () => void;
  onChangeNickname: () => void;
}) {
  const notFound = failure.code === ErrorCode.ROOM_NOT_FOUND;
  const kicked = failure.code === ErrorCode.KICKED;
  const heading = notFound ? 'Room not found' : kicked ? "You can't rejoin this room" : 'Could not join the room';
  return (
    <section className="card narrow" aria-labelledby="join-failed-heading">
      <h1 id="join-failed-heading">{heading}</h1>
      <p role="alert">{failure.message}</p>
      <div className="button-row">
        {failure.code === ErrorCode.ROOM_FULL && (
          <button type="button" className="button button-primary" onClick={onWatch}>
            Watch instead
          </button>
        )}
        {failure.code === ErrorCode.NICKNAME_INVALID && (
          <button type="button" className="button button-primary" onClick={onChangeNickname}>
            Change nickname
          </button>
        )}
        {failure.code === 'CONNECTION' ? (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        ) : (
          !notFound &&
          !kicked && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )
        )}
        <Link href="/" className="button">
          Back home
        </Link>
      </div>
    </section>
  );
}
