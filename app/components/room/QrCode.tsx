'use client';

import { useEffect, useState } from 'react';
import type * as QrModuleNamespace from 'qrcode';

type QrModule = typeof QrModuleNamespace;

/**
 * The room link as a QR code, for a phone to scan off a laptop or a TV. The `qrcode`
 * package is loaded only when someone asks for the code, so it costs nothing on first load.
 * Always dark on white with a quiet zone, whatever the theme: that is what scanners read best.
 */
export function QrCode({ url, id }: { url: string; id: string }) {
  const [image, setImage] = useState<{ url: string; src: string } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((mod: QrModule & { default?: QrModule }) =>
        (mod.default ?? mod).toString(url, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 2,
          color: { dark: '#000000', light: '#ffffff' },
        }),
      )
      .then((svg) => {
        if (live) setImage({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <div className="qr-panel" id={id}>
      {image?.url === url ? (
        // A data URL made in the browser: next/image has nothing to optimise here.
        <img className="qr-image" src={image.src} alt="QR code for the room link" width={220} height={220} />
      ) : (
        <div className="qr-image qr-placeholder" aria-hidden="true">
          {failed ? '' : <span className="spinner" />}
        </div>
      )}
      <div className="qr-text">
        <p className="qr-lead">Scan to join on a phone</p>
        <p className="qr-url">{url}</p>
        {failed && <p role="alert">The QR code could not be drawn. Use the link or the code instead.</p>}
      </div>
    </div>
  );
}
