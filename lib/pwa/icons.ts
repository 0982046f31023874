/**
 * The icon files the web app manifest, the page head and the favicon use, all produced from
 * icon-art.ts. `node --import tsx lib/pwa/icons.ts` (re)writes them under public/; a unit test checks the
 * committed files are exactly what this produces.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './icon-art';
import { encodeIco, encodePng } from './png';

export interface IconFile {
  /** Path under public/. */
  path: string;
  bytes: () => Buffer;
}

const png = (size: number, maskable: boolean) => () => encodePng(size, size, drawIcon(size, maskable));

export const ICON_FILES: readonly IconFile[] = [
  { path: 'icons/icon-192.png', bytes: png(192, false) },
  { path: 'icons/icon-512.png', bytes: png(512, false) },
  { path: 'icons/maskable-192.png', bytes: png(192, true) },
  { path: 'icons/maskable-512.png', bytes: png(512, true) },
  { path: 'icons/apple-touch-icon.png', bytes: png(180, true) },
  { path: 'favicon.ico', bytes: () => encodeIco([16, 32, 48].map((size) => ({ size, png: png(size, false)() }))) },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));
  for (const f of ICON_FILES) {
    const target = join(publicDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.bytes());
    console.log(`wrote public/${f.path}`);
  }
}
