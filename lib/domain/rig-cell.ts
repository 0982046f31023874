/**
 * A rig as the heat map and the state counts see it: small, and changing only when its colour would (its
 * state, its profit band or its temperature band). Screens at 10,000 rigs hold one cell per rig and the full
 * RigView only of the rigs on screen; the live stream sends a cell again only when it changed. Pure.
 */
import type { RigView } from './fleet';

/** What a rig is doing, worst last: what the state colour and the counts show. */
export const RIG_STATES = ['mining', 'throttled', 'sleeping', 'error', 'stale', 'offline'] as const;
export type RigState = (typeof RIG_STATES)[number];

/**
 * How the rig's money stands now, from its margin: (breakeven price - price now) / price now. "losing" below
 * 0, "thin" under 10 %, "healthy" under 50 %, "strong" from 50 %; "unknown" without economics (no tariff, no
 * market data, a GPU rig without revenue) or while it does not hash.
 */
export const PROFIT_BANDS = ['unknown', 'losing', 'thin', 'healthy', 'strong'] as const;
export type ProfitBand = (typeof PROFIT_BANDS)[number];

/**
 * Its hottest sensor against the site's warning temperature (the temp-high rule's limit for the rig): "normal"
 * at or below it, then graded "hot" (up to 5 degC above), "very-hot" (up to 10 degC above), "critical" (more);
 * "unknown" when it reports none or is not online.
 */
export const TEMP_BANDS = ['unknown', 'normal', 'hot', 'very-hot', 'critical'] as const;
export type TempBand = (typeof TEMP_BANDS)[number];

/** Where a rig stands, as the operator names it; each part optional. */
export interface RigLocation {
  building: string | null;
  rack: string | null;
  position: string | null;
}

/** One heat-map cell. */
export interface RigCell {
  id: number;
  siteId: number;
  name: string;
  location: RigLocation | null;
  state: RigState;
  profitBand: ProfitBand;
  tempBand: TempBand;
}

/** Rig counts by state. */
export type StateCounts = Record<RigState, number>;

/** What a cell is computed from: a rig view, or the few columns of it a lean query reads. */
export interface CellSource extends Pick<RigView, 'id' | 'siteId' | 'name' | 'connectivity'> {
  reading: Pick<NonNullable<RigView['reading']>, 'status' | 'tempMaxC'> | null;
}

/** A rig's state from its connectivity and its miner's status. */
export function rigStateOf(view: Pick<CellSource, 'connectivity' | 'reading'>): RigState {
  if (view.connectivity !== 'online') return view.connectivity;
  return view.reading?.status ?? 'offline';
}

/** The profit band of a margin (breakeven and price now, per kWh, same currency); see PROFIT_BANDS. */
export function profitBandOf(breakevenPricePerKwh: number | null, pricePerKwh: number | null): ProfitBand {
  if (breakevenPricePerKwh === null || pricePerKwh === null || !(pricePerKwh > 0)) return 'unknown';
  const margin = (breakevenPricePerKwh - pricePerKwh) / pricePerKwh;
  if (!Number.isFinite(margin)) return 'unknown';
  if (margin < 0) return 'losing';
  if (margin < 0.1) return 'thin';
  if (margin < 0.5) return 'healthy';
  return 'strong';
}

/** The temperature band of a hottest-sensor reading against the site's warning temperature; see TEMP_BANDS. */
export function tempBandOf(tempMaxC: number | null, warnC: number): TempBand {
  if (tempMaxC === null || !Number.isFinite(tempMaxC)) return 'unknown';
  if (tempMaxC <= warnC) return 'normal';
  if (tempMaxC <= warnC + 5) return 'hot';
  if (tempMaxC <= warnC + 10) return 'very-hot';
  return 'critical';
}

/** A location with every part empty is none. */
export function locationOf(building: string | null, rack: string | null, position: string | null): RigLocation | null {
  return building || rack || position ? { building: building || null, rack: rack || null, position: position || null } : null;
}

/** What the cell needs beyond the view: the rig's economics now and its warning temperature. */
export interface CellInputs {
  location: RigLocation | null;
  breakevenPricePerKwh: number | null;
  pricePerKwh: number | null;
  warnC: number;
}

/** The heat-map cell of a rig. */
export function rigCellOf(view: CellSource, inputs: CellInputs): RigCell {
  const state = rigStateOf(view);
  const live = view.connectivity === 'online';
  return {
    id: view.id,
    siteId: view.siteId,
    name: view.name,
    location: inputs.location,
    state,
    profitBand: live && state !== 'sleeping' ? profitBandOf(inputs.breakevenPricePerKwh, inputs.pricePerKwh) : 'unknown',
    tempBand: live ? tempBandOf(view.reading?.tempMaxC ?? null, inputs.warnC) : 'unknown',
  };
}

/** True when the two cells would look the same (the live stream skips such a cell). */
export function sameCell(a: RigCell, b: RigCell): boolean {
  return (
    a.state === b.state &&
    a.profitBand === b.profitBand &&
    a.tempBand === b.tempBand &&
    a.name === b.name &&
    a.siteId === b.siteId &&
    a.location?.building === b.location?.building &&
    a.location?.rack === b.location?.rack &&
    a.location?.position === b.location?.position
  );
}

/** Counts of cells by state (every state present, 0 when none). */
export function countStates(cells: Iterable<Pick<RigCell, 'state'>>): StateCounts {
  const counts = Object.fromEntries(RIG_STATES.map((s) => [s, 0])) as StateCounts;
  for (const c of cells) counts[c.state]++;
  return counts;
}
