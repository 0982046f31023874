/**
 * Halong DragonMint T1 web API (port 80, protocols.md §1.10): `/api/summary` answers
 * `{"success":true,"DEVS":[cgminer devs rows],"POOLS":[cgminer pools rows],"HARDWARE":{"Fan duty":59},…}`
 * (fx:asic/dragonmint-t1-http-api-summary.json). Pure. The Innosilicon T2 web UI is the same Halong code
 * base (foreman reads both with the same classes), so its driver reuses readHalongSummary.
 *
 * What the summary gives: per-board hash rate (MH/s), board temperature, HW errors, uptime, pools. What it
 * does not: chip counts, power (estimated from the nameplate when the model has one), fan RPM ("Fan duty"
 * is a percentage, so fansRpm stays empty), an expected hash rate, the firmware version (that is in
 * `/api/overview`, read when available).
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PoolReading, type Reading } from '../../../lib/domain/reading';
import { estimatePowerW } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, sectionRows } from '../cgminer-tcp/lenient-json';

/** What a Halong `/api/summary` carries, normalized. */
export interface HalongSummary {
  hashrateThs: number;
  boards: BoardReading[];
  tempMaxC: number | null;
  pools: PoolReading[];
  uptimeS: number | null;
  hardwareErrors: number | null;
  /** DEVS names, e.g. ["DT1", "DT1", "DT1"]. */
  names: string[];
  /** Every board disabled (Enabled "N"). */
  allDisabled: boolean;
}

/** Per-board windows, first present wins ("Hash Rate" is the 15 min figure on the T1). */
const MHS_KEYS = ['MHS 1m', 'MHS 5s', 'MHS 5m', 'Hash Rate', 'MHS 15m', 'MHS av'];

/**
 * Reads a `/api/summary` body. Throws DeviceError 'api-error' when it says `"success": false`, and
 * 'unexpected' when it is not an object, has no DEVS rows, or no row carries a hash rate. `what` names the
 * request in messages ("/api/summary").
 */
export function readHalongSummary(body: unknown, what: string): HalongSummary {
  const rec = obj(body);
  if (!rec) throw new DeviceError('unexpected', `${what} reply is not a JSON object`);
  if (rec.success === false) throw new DeviceError('api-error', `${what} answered "success": false`);
  const devs = sectionRows(rec, 'DEVS');
  if (devs.length === 0) throw new DeviceError('unexpected', `${what} has no DEVS rows`);
  const slot = (r: Record<string, unknown>) => num(r.ASC) ?? num(r.ID) ?? 0;
  const rows = [...devs].sort((a, b) => slot(a) - slot(b));
  const rates = rows.map(firstRate);
  const total = rates.reduce<number | null>((acc, r) => (r === null ? acc : (acc ?? 0) + r), null);
  if (total === null || !Number.isFinite(total)) throw new DeviceError('unexpected', `${what} DEVS rows have no "MHS 1m" hash rate`);
  const boards = rows.map((r, index) => ({
    index,
    hashrateThs: rates[index] === null ? null : rates[index]! / 1e6,
    chips: null,
    tempC: validTempC(r.Temperature),
  }));
  const hw = rows.map((r) => num(r['Hardware Errors'])).filter((n): n is number => n !== null);
  return {
    hashrateThs: total / 1e6,
    boards,
    tempMaxC: maxOf(boards.map((b) => b.tempC)),
    pools: poolsFromReply(rec),
    uptimeS: maxOf(rows.map((r) => num(r['Device Elapsed']))),
    hardwareErrors: hw.length ? hw.reduce((a, b) => a + b, 0) : null,
    names: rows.map((r) => str(r.Name)).filter((n): n is string => n !== null),
    allDisabled: rows.every((r) => str(r.Enabled)?.toUpperCase() === 'N'),
  };
}

/** Replies of one DragonMint poll: the summary, and the overview when it could be read. */
export interface DragonmintReplies {
  summary: unknown;
  overview?: unknown;
}

/** Normalizes a DragonMint's `/api/summary` (+ `/api/overview`) into a Reading. */
export function parseDragonmint(replies: DragonmintReplies, opts: { modelHint?: string | null } = {}): Reading {
  const s = readHalongSummary(replies.summary, '/api/summary');
  const model = dragonmintModel(s.names, replies.overview ?? null, opts.modelHint ?? null);
  const estimated = estimatePowerW(model, s.hashrateThs);
  return {
    driver: 'dragonmint',
    make: 'Halong',
    model,
    firmware: overviewFirmware(replies.overview ?? null),
    status: halongStatus(s),
    hashrateThs: s.hashrateThs,
    expectedHashrateThs: null,
    powerW: estimated,
    powerSource: estimated === null ? null : 'estimated',
    efficiencyJth: efficiencyJth(estimated, s.hashrateThs),
    boards: s.boards,
    tempMaxC: s.tempMaxC,
    fansRpm: [],
    pools: s.pools,
    uptimeS: s.uptimeS,
    hardwareErrors: s.hardwareErrors,
  };
}

/** DragonMint types foreman knows from `/api/overview` "type" (lower case). */
export const DRAGONMINT_TYPES = ['t1', 'b29', 'b52'];

/**
 * "DragonMint T1" from the DEVS name ("DT1" = DragonMint T1) or the overview's "type"; else the registered
 * model, else "DragonMint".
 */
export function dragonmintModel(names: string[], overview: unknown, modelHint: string | null): string {
  const dt = names.map((n) => /^D(T\d+)$/i.exec(n)).find((m) => m !== null);
  if (dt) return `DragonMint ${dt[1].toUpperCase()}`;
  const type = str(obj(overview)?.type);
  if (type && DRAGONMINT_TYPES.includes(type.toLowerCase())) return `DragonMint ${type.toUpperCase()}`;
  const hint = modelHint?.trim();
  if (hint) return /^dragonmint/i.test(hint) ? hint : `DragonMint ${hint}`;
  return 'DragonMint';
}

/** `/api/overview` version.platform_v ("t2_20180523_071756"), or "" when unknown. */
export function overviewFirmware(overview: unknown): string {
  return str(obj(obj(overview)?.version)?.platform_v) ?? '';
}

/** Mining while it hashes; sleeping when every board is disabled; else error. */
export function halongStatus(s: HalongSummary): MinerStatus {
  if (s.hashrateThs > 0) return 'mining';
  return s.allDisabled ? 'sleeping' : 'error';
}

function firstRate(row: Record<string, unknown>): number | null {
  for (const k of MHS_KEYS) {
    const v = num(row[k]);
    if (v !== null && v >= 0) return v;
  }
  return null;
}
