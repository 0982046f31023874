/**
 * LuxOS (Luxor's LUXminer firmware on Antminers) over its cgminer-compatible API on 4028: replies ->
 * Reading. Pure; see protocols.md §1.5.
 *
 * unverified: no real LuxOS summary/stats/power/fans/temps capture exists (only the Code 14 error reply,
 * fx:asic/luxos-error-invalid-command.json). Fields follow protocols.md and pyasic's luxminer backend:
 * summary "GHS 5s" (GH/s), an Antminer-like STATS[1] (total_rateideal + rate_unit, chain_rate{N},
 * temp_chip{N}), POWER[0].Watts, FANS[].RPM, TEMPS[] with per-board corner sensors.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, replyStatus, sectionRows, summaryRow } from '../cgminer-tcp/lenient-json';
import { describeFirmware, parseAntminer } from '../antminer/parse';

/** Parsed bodies of one poll; only summary is required. */
export interface LuxosReplies {
  summary: object;
  version?: object | null;
  stats?: object | null;
  pools?: object | null;
  power?: object | null;
  fans?: object | null;
  temps?: object | null;
}

/** Antminer chips: hot enough that a shortfall is the firmware protecting itself (degC). */
const THROTTLE_CHIP_C = 85;
const THROTTLE_RATIO = 0.8;
/** With the hash boards off (LuxOS curtail/sleep) an Antminer draws only control board and fans. */
const BOARDS_POWERED_W = 500;
/** The corner sensors of one board in a LuxOS `temps` row. */
const CORNERS = ['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight'];

/** Normalizes a LuxOS miner's summary (+ version, stats, pools, power, fans, temps) into a Reading. */
export function parseLuxos(replies: LuxosReplies, opts: { modelHint?: string | null } = {}): Reading {
  const s = summaryRow(replies.summary);
  const ghs = num(s['GHS 5s']) ?? num(s['GHS av']);
  if (ghs === null) throw new DeviceError('unexpected', 'summary has no "GHS 5s" hash rate');
  if (ghs < 0) throw new DeviceError('unexpected', `summary reports a negative hash rate (${ghs} GH/s)`);
  const hashrateThs = ghs / 1000;

  // The Antminer-shaped stats block gives boards, ideal rate and stats fans; it is optional, so a stats
  // reply the Antminer parser cannot read costs only those fields, not the reading.
  const stock = antminerView(replies, opts.modelHint ?? null);
  const { model } = describeFirmware(luxosVersionRow(replies.version ?? null, replies.stats ?? null), null, opts.modelHint ?? null);

  const tempsRows = sectionRows(replies.temps, 'TEMPS');
  const boards = withTemps(stock?.boards ?? [], tempsRows);
  const tempMaxC = maxOf([...boards.map((b) => b.tempC), ...tempsRows.map(rowMaxC)]);
  const luxFans = sectionRows(replies.fans, 'FANS')
    .map((r) => num(r.RPM))
    .filter((rpm): rpm is number => rpm !== null && rpm > 0);
  const fansRpm = luxFans.length ? luxFans : (stock?.fansRpm ?? []);

  const firmwareW = num(sectionRows(replies.power, 'POWER')[0]?.Watts);
  const { powerW, powerSource } = powerWithSource(firmwareW, model, hashrateThs);
  const expectedHashrateThs = stock?.expectedHashrateThs ?? null;

  return {
    driver: 'luxos',
    make: 'Bitmain',
    model,
    firmware: luxosFirmware(replies.version ?? null, replies.summary),
    status: luxosStatus({ hashrateThs, expectedHashrateThs, tempMaxC, firmwareW, stockStatus: stock?.status ?? null }),
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards,
    tempMaxC,
    fansRpm,
    pools: replies.pools ? poolsFromReply(replies.pools) : [],
    uptimeS: num(s.Elapsed) ?? stock?.uptimeS ?? null,
    hardwareErrors: num(s['Hardware Errors']) ?? stock?.hardwareErrors ?? null,
  };
}

/** "LUXminer 2026.4.3.192353-6ab4e5077" from the VERSION key, else the STATUS Description. */
export function luxosFirmware(versionBody: object | null, summaryBody: object | null): string {
  const row = sectionRows(versionBody, 'VERSION')[0] ?? {};
  const version = str(row.LUXminer);
  if (version) return `LUXminer ${version}`;
  for (const body of [versionBody, summaryBody]) {
    const description = body ? replyStatus(obj(body) ?? {})?.description : null;
    if (description) return description;
  }
  return 'LuxOS';
}

/** The row naming the hardware: VERSION[0] ("Type": "Antminer S19 XP"), else STATS[0]. */
export function luxosVersionRow(versionBody: object | null, statsBody: object | null): Record<string, unknown> {
  const version = sectionRows(versionBody, 'VERSION')[0];
  if (version && str(version.Type)) return version;
  return sectionRows(statsBody, 'STATS')[0] ?? version ?? {};
}

/** The stock Antminer reading of the stats block (boards, ideal rate, fans), or null without one. */
function antminerView(replies: LuxosReplies, modelHint: string | null): Reading | null {
  if (!replies.stats) return null;
  try {
    return parseAntminer({ version: replies.version ?? {}, stats: replies.stats, summary: replies.summary }, { modelHint });
  } catch (err) {
    if (err instanceof DeviceError) return null;
    throw err;
  }
}

/** Boards keep their stats chip temperature; one without gets its `temps` row (same order, 0-based ID). */
function withTemps(boards: BoardReading[], tempsRows: Record<string, unknown>[]): BoardReading[] {
  const rows = [...tempsRows].sort((a, b) => (num(a.ID) ?? 0) - (num(b.ID) ?? 0));
  if (rows.length !== boards.length) return boards;
  return boards.map((b, i) => (b.tempC !== null ? b : { ...b, tempC: rowMaxC(rows[i]) }));
}

function rowMaxC(row: Record<string, unknown>): number | null {
  return maxOf(CORNERS.map((k) => validTempC(row[k])));
}

/**
 * Throttled: hot chips with a shortfall against the ideal rate (or none). Sleeping: no hash rate while the
 * firmware reports the draw of an idle control board, or the stats block looks asleep. Error otherwise.
 */
function luxosStatus(x: {
  hashrateThs: number;
  expectedHashrateThs: number | null;
  tempMaxC: number | null;
  firmwareW: number | null;
  stockStatus: MinerStatus | null;
}): MinerStatus {
  const hot = x.tempMaxC !== null && x.tempMaxC >= THROTTLE_CHIP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if ((x.firmwareW !== null && x.firmwareW < BOARDS_POWERED_W) || x.stockStatus === 'sleeping') return 'sleeping';
  return 'error';
}
