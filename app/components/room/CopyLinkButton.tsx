'use client';

import { useEffect, useState } from 'react';

/** Copies without the async Clipboard API, which needs a secure context (plain http on a LAN is not). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** "Copy link": puts the room's URL on the clipboard and says "Copied" for a moment. */
export function CopyLinkButton({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const url = `${window.location.origin}/r/${code}`;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = copyWithSelection(url);
    }
    if (ok) setCopied(true);
    else window.prompt('Copy this link and send it to your friends:', url);
  }

  return (
    <button type="button" className="button" onClick={copy}>
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}
