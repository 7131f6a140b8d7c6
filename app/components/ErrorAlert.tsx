'use client';

/** A rejected action's message, announced to screen readers, until the player dismisses it. */
export function ErrorAlert({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert">
      <p className="alert-message">{message}</p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
