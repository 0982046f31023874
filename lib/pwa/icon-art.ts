/**
 * The Hashwatt icon drawn in code: an amber lightning bolt (power) on the dark control-room background,
 * anti-aliased by 4x4 supersampling. "any" icons have rounded corners; "maskable" ones fill the square
 * and keep the bolt inside the central 80% safe zone the launcher may crop to. Pure.
 */

const BACKGROUND = [0x0a, 0x0e, 0x14] as const;
const PANEL = [0x15, 0x1c, 0x27] as const;
const BOLT = [0xf7, 0x93, 0x1a] as const;

/** The bolt in a unit square (x right, y down). */
const BOLT_POLYGON: readonly (readonly [number, number])[] = [
  [0.58, 0.06],
  [0.22, 0.56],
  [0.47, 0.56],
  [0.4, 0.94],
  [0.78, 0.42],
  [0.53, 0.42],
];

function inPolygon(x: number, y: number, poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels of the icon at `sizePx`. */
export function drawIcon(sizePx: number, maskable: boolean): Uint8Array {
  const out = new Uint8Array(sizePx * sizePx * 4);
  const samples = 4;
  // Where the bolt sits: a maskable icon keeps it well inside the 80% safe circle.
  const boltScale = maskable ? 0.56 : 0.78;
  const boltOffset = (1 - boltScale) / 2;
  for (let py = 0; py < sizePx; py++) {
    for (let px = 0; px < sizePx; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / sizePx;
          const y = (py + (sy + 0.5) / samples) / sizePx;
          if (!maskable && !inRoundedSquare(x, y, 0.2)) continue;
          const bolt = inPolygon((x - boltOffset) / boltScale, (y - boltOffset) / boltScale, BOLT_POLYGON);
          const panel = (x - 0.5) ** 2 + (y - 0.5) ** 2 <= (maskable ? 0.36 : 0.42) ** 2;
          const c = bolt ? BOLT : panel ? PANEL : BACKGROUND;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = samples * samples;
      const at = (py * sizePx + px) * 4;
      if (a === 0) continue;
      // Colour averaged over covered samples; alpha is the coverage.
      const covered = a / 255;
      out[at] = Math.round(r / covered);
      out[at + 1] = Math.round(g / covered);
      out[at + 2] = Math.round(b / covered);
      out[at + 3] = Math.round(a / n);
    }
  }
  return out;
}
