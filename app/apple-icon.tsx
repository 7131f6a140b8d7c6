import { ImageResponse } from 'next/og';
import { BrandMark } from '@/app/lib/share/share-card';

/**
 * The icon iOS puts on the home screen (`<link rel="apple-touch-icon">`, added by Next.js):
 * the mark filling the square, since iOS rounds the corners itself and shows no transparency.
 */
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return new ImageResponse(<BrandMark size={size.width} rounded={false} />, size);
}
