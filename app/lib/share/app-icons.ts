/**
 * The home-screen icons of the web app manifest (app/manifest.ts), drawn at build time by
 * app/icons/[file]/route.tsx. `any` is the mark as the favicon shows it (rounded, transparent
 * corners); `maskable` fills the square, for launchers that cut their own shape (the diamond
 * stays inside the central circle of 80% that every mask keeps).
 */
export interface AppIcon {
  /** Its name under /icons/. */
  readonly file: string;
  readonly size: number;
  readonly purpose: 'any' | 'maskable';
}

export const APP_ICONS: readonly AppIcon[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'maskable-192.png', size: 192, purpose: 'maskable' },
  { file: 'maskable-512.png', size: 512, purpose: 'maskable' },
];

/** The URL path of an icon. */
export function appIconPath(icon: AppIcon): string {
  return `/icons/${icon.file}`;
}
