/**
 * MicroBT Whatsminer API v3 (firmware 2024+, port 4433): get.miner.status (summary, pools, edevs) and
 * get.device.info replies -> Reading. Pure; see protocols.md §1.7. Hash rates are TH/s, power W.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PoolReading, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { checkV3Code, v3Msg } from '../btminer-v3/envelope';
import { DeviceError } from '../types';
import { whatsminerModel } from '../whatsminer/parse';

/** Parsed envelopes of one poll; only the summary is required. */
export interface WhatsminerV3Replies {
  /** get.miner.status, param "summary". */
  summary: object;
  /** get.device.info (model, firmware, PSU, error codes). */
  deviceInfo?: object | null;
  /** get.miner.status, param "pools". */
  pools?: object | null;
  /** get.miner.status, param "edevs". */
  edevs?: object | null;
}

/** One entry of get.device.info's error-code list, whichever of its forms the firmware used. */
export interface V3ErrorCode {
  code: string | null;
  reason: string | null;
  time: string | null;
}

/** Hash-rate window, first present wins; "hash-1min" for the same reason the v2 driver reads "MHS 1m". */
const HASHRATE_KEYS = ['hash-1min', 'hash-realtime', 'hash-15min', 'hash-average'];
/** Same thresholds as the v2 driver: Whatsminer chips run hot at full rate. */
const THROTTLE_CHIP_C = 90;
const THROTTLE_RATIO = 0.8;
/** With hash boards off a Whatsminer draws only control board and fans, far below this. */
const BOARDS_POWERED_W = 500;

/** Normalizes one poll's API v3 replies into a Reading. */
export function parseWhatsminerV3(replies: WhatsminerV3Replies, opts: { modelHint?: string | null } = {}): Reading {
  const s = section(replies.summary, 'get.miner.status summary', 'summary');
  if (!s) throw new DeviceError('unexpected', 'get.miner.status summary reply has no msg.summary object');
  const info = replies.deviceInfo ? v3Msg(checked(replies.deviceInfo, 'get.device.info')) : null;

  const hashrateThs = firstNonNeg(s, HASHRATE_KEYS);
  if (hashrateThs === null) throw new DeviceError('unexpected', 'summary has no "hash-1min"/"hash-realtime" hash rate');

  const edevRows = rows(replies.edevs ?? null, 'get.miner.status edevs', 'edevs');
  const boardTemps = Array.isArray(s['board-temperature']) ? (s['board-temperature'] as unknown[]) : [];
  const boards = readBoards(edevRows, boardTemps);

  const factory = nonNeg(num(s['factory-hash']));
  const edevFactory = edevRows.map((r) => nonNeg(num(r['factory-hash']))).filter((v): v is number => v !== null);
  const expectedHashrateThs =
    factory !== null && factory > 0 ? factory : edevFactory.length ? edevFactory.reduce((a, b) => a + b, 0) || null : null;

  const chipMaxC = validTempC(s['chip-temp-max']);
  const tempMaxC = chipMaxC ?? maxOf(boards.map((b) => b.tempC)) ?? maxOf(boardTemps.map(validTempC));
  const fansRpm = [num(s['fan-speed-in']), num(s['fan-speed-out'])].filter((r): r is number => r !== null && r > 0);

  const { model, firmware } = describeWhatsminerV3(info, opts.modelHint ?? null);
  const psu = obj(info?.power);
  const firmwarePowerW = [num(s['power-realtime']), num(s['power-5min']), num(psu?.pin)].find((w) => w !== null && w > 0) ?? null;
  const { powerW, powerSource } = powerWithSource(firmwarePowerW, model, hashrateThs);

  const status = v3Status({
    hashrateThs,
    expectedHashrateThs,
    hottestC: tempMaxC,
    firmwarePowerW,
    working: str(obj(info?.miner)?.working)?.toLowerCase() ?? null,
    errors: info ? btminerV3ErrorCodes(info['error-code']) : [],
  });

  return {
    driver: 'whatsminer-v3',
    make: 'MicroBT',
    model,
    firmware,
    status,
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards,
    tempMaxC,
    fansRpm,
    pools: readPools(rows(replies.pools ?? null, 'get.miner.status pools', 'pools')),
    uptimeS: nonNeg(num(s.elapsed)),
    hardwareErrors: null, // API v3 reports no hardware-error count
  };
}

/**
 * Model and firmware from get.device.info's msg: miner.type "M30S++_VH70" -> "Whatsminer M30S++"
 * (the suffix is the board revision), system.fwversion "20240722.07.51.REL".
 */
export function describeWhatsminerV3(
  infoMsg: Record<string, unknown> | null,
  modelHint: string | null,
): { model: string; firmware: string } {
  const type = str(obj(infoMsg?.miner)?.type);
  const system = obj(infoMsg?.system);
  const model = whatsminerModel(type ? { DEVDETAILS: [{ Model: type }] } : null, modelHint);
  const api = str(system?.api);
  const firmware = str(system?.fwversion) ?? (api ? `btminer API ${api}` : 'btminer API v3');
  return { model, firmware };
}

/**
 * get.device.info "error-code" in any of the forms seen: `[{"531":"<time>","reason":"…"}]` (vendor doc),
 * bare strings ("531", "btminer process is down err") or ints, or one object of code -> time.
 */
export function btminerV3ErrorCodes(value: unknown): V3ErrorCode[] {
  const out: V3ErrorCode[] = [];
  const fromScalar = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) out.push({ code: String(v), reason: null, time: null });
    const s = str(v);
    if (s !== null) out.push(/^-?\d+$/.test(s) ? { code: s, reason: null, time: null } : { code: null, reason: s, time: null });
  };
  const fromObject = (o: Record<string, unknown>) => {
    const reason = str(o.reason);
    const codes = Object.keys(o).filter((k) => /^-?\d+$/.test(k));
    if (codes.length === 0 && reason !== null) out.push({ code: null, reason, time: null });
    for (const code of codes) out.push({ code, reason, time: str(o[code]) });
  };
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  for (const item of items) {
    const o = obj(item);
    if (o) fromObject(o);
    else fromScalar(item);
  }
  return out;
}

function checked(body: object, label: string): Record<string, unknown> {
  const rec = obj(body);
  if (!rec) throw new DeviceError('unexpected', `reply to "${label}" is not a JSON object`);
  checkV3Code(rec, label);
  return rec;
}

/** msg[key] as an object of a checked envelope. */
function section(body: object, label: string, key: string): Record<string, unknown> | null {
  return obj(v3Msg(checked(body, label))?.[key]);
}

/** msg[key] as a list of objects of a checked envelope; [] when absent. */
function rows(body: object | null, label: string, key: string): Record<string, unknown>[] {
  if (!body) return [];
  const v = v3Msg(checked(body, label))?.[key];
  return Array.isArray(v) ? v.map(obj).filter((r): r is Record<string, unknown> => r !== null) : [];
}

/** One board per edevs row in slot order; without edevs, one per board-temperature entry. */
function readBoards(edevs: Record<string, unknown>[], boardTemps: unknown[]): BoardReading[] {
  if (edevs.length === 0) {
    return boardTemps.map((t, index) => ({ index, hashrateThs: null, chips: null, tempC: validTempC(t) }));
  }
  const slot = (r: Record<string, unknown>, i: number) => num(r.slot) ?? num(r.id) ?? i;
  return edevs
    .map((r, i) => ({ r, key: slot(r, i) }))
    .sort((a, b) => a.key - b.key)
    .map(({ r }, index) => ({
      index,
      hashrateThs: nonNeg(num(r['hash-average'])),
      chips: nonNeg(num(r['effective-chips'])),
      tempC: validTempC(r['chip-temp-max']) ?? validTempC(boardTemps[index]),
    }));
}

/** Pools with a URL; v3 reports no share counts (only "reject-rate"), so accepted/rejected are 0. */
function readPools(list: Record<string, unknown>[]): PoolReading[] {
  const pools: PoolReading[] = [];
  for (const p of list) {
    const url = str(p.url);
    if (!url) continue;
    pools.push({
      url,
      user: str(p.account) ?? str(p.user) ?? '',
      status: str(p.status) ?? '',
      accepted: nonNeg(num(p.accepted)) ?? 0,
      rejected: nonNeg(num(p.rejected)) ?? 0,
    });
  }
  return pools;
}

/**
 * Hashing: throttled when hot with a shortfall against factory-hash, else mining. Not hashing: throttled
 * when hot; sleeping when the firmware says it is not working and reports no fault; error when it reports
 * faults or the boards still draw power; otherwise sleeping (boards off).
 */
function v3Status(x: {
  hashrateThs: number;
  expectedHashrateThs: number | null;
  hottestC: number | null;
  firmwarePowerW: number | null;
  working: string | null;
  errors: V3ErrorCode[];
}): MinerStatus {
  const hot = x.hottestC !== null && x.hottestC >= THROTTLE_CHIP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if (x.working === 'false' && x.errors.length === 0) return 'sleeping';
  if (x.errors.length > 0) return 'error';
  if (x.firmwarePowerW !== null && x.firmwarePowerW >= BOARDS_POWERED_W) return 'error';
  return 'sleeping';
}

function nonNeg(v: number | null): number | null {
  return v !== null && v >= 0 ? v : null;
}

function firstNonNeg(row: Record<string, unknown>, keys: string[]): number | null {
  for (const k of keys) {
    const v = nonNeg(num(row[k]));
    if (v !== null) return v;
  }
  return null;
}
