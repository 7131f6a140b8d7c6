import { ImageResponse } from 'next/og';
import { APP_ICONS } from '@/app/lib/share/app-icons';
import { BrandMark } from '@/app/lib/share/share-card';

/** `/icons/<file>`: the manifest's icons (app/lib/share/app-icons.ts), PNGs made at build time. */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { file: string }[] {
  return APP_ICONS.map((icon) => ({ file: icon.file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const icon = APP_ICONS.find((candidate) => candidate.file === file);
  if (!icon) return new Response('Not found', { status: 404 });
  return new ImageResponse(<BrandMark size={icon.size} rounded={icon.purpose === 'any'} />, { width: icon.size, height: icon.size });
}
