import type { ReactNode } from 'react';

/** The mood of a full-page notice: its icon and accent colour. */
export type NoticeTone = 'info' | 'warning' | 'error';

const ICON: Record<NoticeTone, ReactNode> = {
  info: (
    <>
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 11v6M12 7.5v.5" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </>
  ),
  warning: (
    <>
      <path d="M12 3 22 20H2Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M12 10v4.5M12 17.5v.3" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </>
  ),
};

/**
 * A page-sized notice for the moments with no room to show: not found, full, closed,
 * removed, a bad link. Always says what happened (`heading`, `children`) and what to do
 * next (`actions`), in the same place and the same look.
 */
export function StateNotice({
  tone,
  heading,
  headingId,
  children,
  actions,
}: {
  tone: NoticeTone;
  heading: string;
  headingId: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <section className={`card narrow state-notice tone-${tone}`} aria-labelledby={headingId}>
      <svg className="state-notice-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        {ICON[tone]}
      </svg>
      <h1 id={headingId}>{heading}</h1>
      <div className="state-notice-body">{children}</div>
      <div className="button-row">{actions}</div>
    </section>
  );
}

/** A waiting state ("Joining room ABCD…"): a spinner and a sentence, announced politely. */
export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p className="loading-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}
