import table from './nameplates.json';
import type { PowerSource } from './reading';

/** A model's nameplate hash rate and wall power. */
export interface Nameplate {
  make: string;
  model: string;
  hashrateThs: number;
  powerW: number;
}

const NAMEPLATES: Nameplate[] = table.models;

/** Normalizes a model name for lookup: case, spaces, dashes and "+" vs "plus" do not matter. */
function key(model: string): string {
  return model
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Finds the nameplate for a model as firmware names it ("Antminer S19 Pro", "M60S", "Whatsminer M50S").
 * Exact match on the normalized name first, then a row whose name ends with the given one.
 */
export function findNameplate(model: string): Nameplate | null {
  const k = key(model);
  if (!k) return null;
  return NAMEPLATES.find((n) => key(n.model) === k) ?? NAMEPLATES.find((n) => key(n.model).endsWith(k) || k.endsWith(key(n.model))) ?? null;
}

/** Power estimated from the nameplate J/TH scaled by the measured hash rate; null when the model is unknown. */
export function estimatePowerW(model: string, hashrateThs: number): number | null {
  const n = findNameplate(model);
  if (!n || !(hashrateThs > 0)) return null;
  return (n.powerW / n.hashrateThs) * hashrateThs;
}

/** A power figure with where it came from. */
export interface SourcedPower {
  powerW: number | null;
  powerSource: PowerSource | null;
}

/**
 * The firmware's figure when it reports a positive one, else the nameplate estimate for the measured hash
 * rate, else unknown: the rule every ASIC driver applies (economics.md, power provenance).
 */
export function powerWithSource(firmwareW: number | null, model: string, hashrateThs: number): SourcedPower {
  if (firmwareW !== null && firmwareW > 0) return { powerW: firmwareW, powerSource: 'firmware' };
  const estimated = estimatePowerW(model, hashrateThs);
  return estimated === null ? { powerW: null, powerSource: null } : { powerW: estimated, powerSource: 'estimated' };
}
