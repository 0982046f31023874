/**
 * Canaan Avalon (cgminer 4.10/4.11 fork, port 4028): replies -> Reading. Pure; see protocols.md §1.8.
 *
 * Sources, first present wins:
 * - Hash rate: summary "MHS 1m" (MH/s), else the devs rows, else the MM ID modules (GHSspd, GHSavg, the
 *   MGHS boards, or WU x 4.294967296 / 60: cgminer's avalon drivers print GHSavg and WU from the same
 *   diff1 count, so the old Avalon 7/8 blobs without GHSavg still give the average rate).
 * - Expected hash rate: GHSmm summed over modules. cgminer computes it from the chips' frequencies
 *   (avalon*_hash_cal), i.e. the rate the firmware aims at; no nameplate fallback (unknown stays null).
 * - Boards: one per MGHS/MTmax entry (MGHS GH/s, MTmax degC, chips from PVT_T/MW/TA); modules whose blob
 *   has neither (Avalon 7/8 behind an AUC) count as one board each, with TMax and TA.
 * - Power: WALLPOWER (W), else the last PS[] value when plausible (cgminer's wallpower is power_info[6]),
 *   else the nameplate estimate. devs "Temperature" is a -273 placeholder on A15 and is never read.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PowerSource, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { maxOf, num, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, sectionRows } from '../cgminer-tcp/lenient-json';
import { joinedPart, splitJoinedReply, type JoinedParts } from '../cgminer-tcp/joined-reply';

/** Re-exported where the avalon tests have always found it. */
export { splitJoinedReply };
import { avalonFirmware, avalonModel } from './describe';
import { mmList, mmModules, mmNum, mmNums, mmText, type MmBlob, type MmModule } from './mm-id';

/** Parsed bodies of one poll; any may be missing, but something must carry a hash rate. */
export interface AvalonReplies {
  summary?: object | null;
  version?: object | null;
  /** `estats` reply, or `stats` on firmware without estats (same STATS shape). */
  stats?: object | null;
  devs?: object | null;
  pools?: object | null;
}

/** cgminer windows in order of preference: steady enough to chart, recent enough to alert on. */
const MHS_KEYS = ['MHS 1m', 'MHS 30s', 'MHS 5s', 'MHS 5m', 'MHS av'];
/** GHSavg = diff1 / t x 4.294967296 and WU = diff1 / t x 60 (driver-avalon*.c), so GH/s = WU x this. */
const WU_TO_GHS = 4.294967296 / 60;
/** Chips this hot with a hash-rate shortfall against GHSmm mean the firmware is protecting itself. */
const THROTTLE_CHIP_C = 85;
const THROTTLE_RATIO = 0.8;
/** No SHA-256 ASIC is below ~13 J/TH: a PS[] figure under this is not wall watts. */
const MIN_PLAUSIBLE_JTH = 5;
/** With the hash boards off an Avalon draws only control board and fans, far below this. */
const BOARDS_POWERED_W = 500;

/** Normalizes an Avalon's summary, version, estats/stats, devs and pools replies into a Reading. */
export function parseAvalon(replies: AvalonReplies, opts: { modelHint?: string | null } = {}): Reading {
  const modules = mmModules(replies.stats ?? null);
  const summary = sectionRows(replies.summary ?? null, 'SUMMARY')[0] ?? null;
  const devs = sectionRows(replies.devs ?? null, 'DEVS');

  const mhs = (summary ? firstRate(summary) : null) ?? sum(devs.map(firstRate));
  const moduleGhs = sum(modules.map((m) => moduleRateGhs(m.blob)));
  const hashrateThs = mhs !== null ? mhs / 1e6 : moduleGhs !== null ? moduleGhs / 1000 : null;
  if (hashrateThs === null) {
    throw new DeviceError('unexpected', 'no hash rate: summary has no "MHS 1m", no DEVS rows, no MM ID GHSspd/GHSavg/MGHS/WU in stats');
  }
  const ghsmm = sum(modules.map((m) => positive(mmNum(m.blob, 'GHSmm'))));
  const expectedHashrateThs = ghsmm !== null ? ghsmm / 1000 : null;

  const model = avalonModel(replies.version ?? null, modules, opts.modelHint ?? null);
  const boards = readBoards(modules);
  const tempMaxC = maxOf([...boards.map((b) => b.tempC), ...modules.map((m) => validTempC(mmNum(m.blob, 'TMax')))]);
  // Fan1..FanN on A10 and newer, a single "Fan" per module on Avalon 7/8; FanR is a duty percentage.
  const fansRpm = modules.flatMap((m) =>
    [...m.blob.keys()]
      .filter((k) => /^Fan\d*$/.test(k))
      .sort((a, b) => Number(a.slice(3) || 0) - Number(b.slice(3) || 0))
      .map((k) => mmNum(m.blob, k))
      .filter((rpm): rpm is number => rpm !== null && rpm > 0),
  );
  const { powerW, powerSource, firmwarePowerW } = readPower(modules, model, hashrateThs);
  // An average since start-up (GHSavg, MGHS, WU) lags far behind GHSmm for minutes after a restart, so
  // only a windowed rate (cgminer's, or the instant GHSspd) is compared with it for throttling.
  const windowed = mhs !== null || (modules.length > 0 && modules.every((m) => nonNegative(mmNum(m.blob, 'GHSspd')) !== null));
  const status = avalonStatus({
    modules,
    hashrateThs,
    expectedHashrateThs: windowed ? expectedHashrateThs : null,
    tempMaxC,
    firmwarePowerW,
  });

  const statsRow = sectionRows(replies.stats ?? null, 'STATS')[0] ?? null;
  const bodies = [replies.version, replies.summary, replies.stats, replies.devs, replies.pools];
  return {
    driver: 'avalon',
    make: 'Canaan',
    model,
    firmware: avalonFirmware(replies.version ?? null, modules, bodies),
    status,
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards,
    tempMaxC,
    fansRpm,
    pools: replies.pools ? poolsFromReply(replies.pools) : [],
    uptimeS:
      num(summary?.Elapsed) ??
      num(statsRow?.Elapsed) ??
      (modules.length ? mmNum(modules[0].blob, 'Elapsed') : null) ??
      maxOf(devs.map((d) => num(d['Device Elapsed']))),
    hardwareErrors:
      num(summary?.['Hardware Errors']) ?? sum(devs.map((d) => num(d['Hardware Errors']))) ?? sum(modules.map((m) => mmNum(m.blob, 'HW'))),
  };
}

/**
 * A joined reply, e.g. to `{"command":"pools+summary+stats"}`: `{"summary":[{full reply}],"stats":[…],…}`
 * (protocols.md §1.1). Each part keeps its own STATUS; a failed summary fails the reading, a failed
 * optional part is left out.
 */
export function parseAvalonJoined(body: object, opts: { modelHint?: string | null } = {}): Reading {
  return parseAvalonParts(splitJoinedReply(body), opts);
}

/** The parts of a joined reply (splitJoinedReply) -> Reading: a failed summary fails it, other parts are optional. */
export function parseAvalonParts(parts: JoinedParts, opts: { modelHint?: string | null } = {}): Reading {
  const part = (name: string) => joinedPart(parts, name);
  if (parts.summary instanceof DeviceError) throw parts.summary;
  return parseAvalon(
    {
      summary: part('summary'),
      version: part('version'),
      stats: part('estats') ?? part('stats'),
      devs: part('devs'),
      pools: part('pools'),
    },
    opts,
  );
}

/** A module's own rate in GH/s: instant GHSspd, else GHSavg, else its MGHS boards, else from WU. */
function moduleRateGhs(blob: MmBlob): number | null {
  const wu = nonNegative(mmNum(blob, 'WU'));
  return (
    nonNegative(mmNum(blob, 'GHSspd')) ??
    nonNegative(mmNum(blob, 'GHSavg')) ??
    sum(mmNums(blob, 'MGHS').map(nonNegative)) ??
    (wu !== null ? wu * WU_TO_GHS : null)
  );
}

function readBoards(modules: MmModule[]): BoardReading[] {
  const boards: BoardReading[] = [];
  for (const { blob } of modules) {
    const mghs = mmNums(blob, 'MGHS');
    const mtmax = mmNums(blob, 'MTmax');
    const count = Math.max(mghs.length, mtmax.length);
    const ta = nonNegative(mmNum(blob, 'TA'));
    if (count === 0) {
      const ghs = moduleRateGhs(blob);
      boards.push({
        index: boards.length,
        hashrateThs: ghs === null ? null : ghs / 1000,
        chips: ta,
        tempC: validTempC(mmNum(blob, 'TMax')),
      });
      continue;
    }
    for (let j = 0; j < count; j++) {
      const pvt = mmNums(blob, `PVT_T${j}`);
      const ghs = nonNegative(mghs[j] ?? null);
      const mw = mmList(blob, `MW${j}`).length;
      const chips = pvt.length
        ? pvt.filter((t) => t !== null && t !== 0).length
        : mw || (ta !== null && ta % count === 0 ? ta / count : null);
      boards.push({
        index: boards.length,
        hashrateThs: ghs === null ? null : ghs / 1000,
        chips,
        tempC: validTempC(mtmax[j] ?? null) ?? maxOf(pvt.map(validTempC)),
      });
    }
  }
  return boards;
}

function readPower(
  modules: MmModule[],
  model: string,
  hashrateThs: number,
): { powerW: number | null; powerSource: PowerSource | null; firmwarePowerW: number | null } {
  const plausible = (w: number | null) => (w !== null && w > 0 && !(hashrateThs > 0 && w / hashrateThs < MIN_PLAUSIBLE_JTH) ? w : null);
  const wall = sum(modules.map((m) => plausible(mmNum(m.blob, 'WALLPOWER'))));
  const ps = sum(modules.map((m) => plausible(mmNums(m.blob, 'PS').at(-1) ?? null)));
  const firmwarePowerW = wall ?? ps;
  if (firmwarePowerW !== null) return { powerW: firmwarePowerW, powerSource: 'firmware', firmwarePowerW };
  return { ...powerWithSource(null, model, hashrateThs), firmwarePowerW: null };
}

/**
 * Sleeping: SoftOFF set, SYSTEMSTATU's work state idle/standby (unverified wording: only "In Work" is
 * in a capture), or no hash rate while the boards draw no real power (after `ascset 0,hashpower,0`).
 * Throttled: hot chips and a windowed rate short of GHSmm (or no hash rate at all). Error: no hash
 * rate with the boards powered or power unknown.
 */
function avalonStatus(x: {
  modules: MmModule[];
  hashrateThs: number;
  expectedHashrateThs: number | null;
  tempMaxC: number | null;
  firmwarePowerW: number | null;
}): MinerStatus {
  const softOff = x.modules.some((m) => (mmNum(m.blob, 'SoftOFF') ?? 0) > 0);
  const idle = x.modules.some((m) => /work:\s*[^,]*(idle|standby|sleep|off)/i.test(mmText(m.blob, 'SYSTEMSTATU') ?? ''));
  if (softOff || idle) return 'sleeping';
  const hot = x.tempMaxC !== null && x.tempMaxC >= THROTTLE_CHIP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if (x.firmwarePowerW !== null && x.firmwarePowerW < BOARDS_POWERED_W) return 'sleeping';
  return 'error';
}

function firstRate(row: Record<string, unknown>): number | null {
  for (const k of MHS_KEYS) {
    const v = nonNegative(num(row[k]));
    if (v !== null) return v;
  }
  return null;
}

function nonNegative(v: number | null): number | null {
  return v !== null && v >= 0 ? v : null;
}

function positive(v: number | null): number | null {
  return v !== null && v > 0 ? v : null;
}

/** Sum of the values that are there; null when none is, or when the sum is not finite. */
function sum(values: Array<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total !== null && Number.isFinite(total) ? total : null;
}
