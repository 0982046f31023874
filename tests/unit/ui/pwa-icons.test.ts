/** The committed icons are what lib/pwa/icons.ts draws, and each is the PNG (or ICO) its name promises. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_FILES } from '../../../lib/pwa/icons';

const publicFile = (path: string) => readFileSync(new URL(`../../../public/${path}`, import.meta.url));
/** Width and height from a PNG's IHDR, read here without the encoder. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('app icons', () => {
  it.each([
    ['icons/icon-192.png', 192],
    ['icons/icon-512.png', 512],
    ['icons/maskable-192.png', 192],
    ['icons/maskable-512.png', 512],
    ['icons/apple-touch-icon.png', 180],
  ])('%s is a %i px square PNG', (path, size) => {
    expect(pngSize(publicFile(path))).toEqual([size, size]);
  });

  it('favicon.ico holds 16, 32 and 48 px PNGs', () => {
    const ico = publicFile('favicon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const sizes = [0, 1, 2].map((i) => {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual([ico[entry], ico[entry + 1]]);
      return ico[entry];
    });
    expect(sizes).toEqual([16, 32, 48]);
  });

  it('the committed files are exactly what the generator draws (run `node --import tsx lib/pwa/icons.ts` after changing the art)', () => {
    for (const f of ICON_FILES) expect(publicFile(f.path).equals(f.bytes()), f.path).toBe(true);
  });
});
