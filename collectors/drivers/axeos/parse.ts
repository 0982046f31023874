/**
 * Bitaxe (AxeOS) and NerdQAxe (NerdOS) replies -> Reading. Pure; see protocols.md §1.9. One ESP32 board with
 * 1..n ASICs: GET /api/system/info carries everything (hash rates in GH/s, power in W, temperatures in degC),
 * GET /api/system/asic (optional) adds the ASIC count and the Bitaxe's own model name.
 */
import { findNameplate, powerWithSource } from '../../../lib/domain/nameplate';
import { efficiencyJth, type MinerStatus, type PoolReading, type Reading } from '../../../lib/domain/reading';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { DeviceError } from '../types';

/** Parsed bodies of one poll: /api/system/info (required) and /api/system/asic (optional). */
export interface AxeosReplies {
  info: unknown;
  asic?: unknown;
}

/**
 * Bitaxe model by ASIC (the mapping this driver uses; the boardVersion series is the fallback when ASICModel
 * is missing or new). Seen: BM1370 on board 601 = Gamma (fx:asic/bitaxe-gamma-*). unverified: the others,
 * from the Bitaxe product line (Max BM1397 / 0xx-1xx boards, Ultra BM1366 / 2xx, Supra BM1368 / 4xx).
 */
export const BITAXE_MODEL_BY_ASIC: Readonly<Record<string, string>> = {
  BM1370: 'Bitaxe Gamma',
  BM1368: 'Bitaxe Supra',
  BM1366: 'Bitaxe Ultra',
  BM1397: 'Bitaxe Max',
};
const BITAXE_MODEL_BY_BOARD_SERIES: Readonly<Record<string, string>> = {
  '2': 'Bitaxe Ultra',
  '4': 'Bitaxe Supra',
  '6': 'Bitaxe Gamma',
};

/** What the info reply says the device is. */
export interface AxeosIdentity {
  make: string;
  model: string;
  firmware: string;
  /** True for NerdQAxe/NerdOS (deviceModel in /api/system/info), false for a Bitaxe on AxeOS. */
  nerd: boolean;
}

/** True when `body` looks like an AxeOS/NerdOS /api/system/info reply (not the statistics or asic reply). */
export function isAxeosInfo(body: unknown): body is Record<string, unknown> {
  const info = obj(body);
  if (!info || !('hashRate' in info)) return false;
  return str(info.ASICModel) !== null || str(info.axeOSVersion) !== null || str(info.deviceModel) !== null;
}

/**
 * Make, model and firmware. NerdOS names itself in `deviceModel` ("NerdQAxe++"); a Bitaxe has no
 * deviceModel in /system/info, so its model comes from /system/asic's deviceModel ("Gamma"), else the
 * ASIC (BITAXE_MODEL_BY_ASIC), else the boardVersion series, else "Bitaxe".
 */
export function describeAxeos(info: Record<string, unknown>, asic: Record<string, unknown> | null = null): AxeosIdentity {
  const deviceModel = str(info.deviceModel);
  const version = str(info.axeOSVersion) ?? str(info.version);
  if (deviceModel && /nerd/i.test(deviceModel)) {
    return {
      make: findNameplate(deviceModel)?.make ?? 'NerdMiner',
      model: deviceModel,
      firmware: version ? `NerdOS ${version}` : 'NerdOS',
      nerd: true,
    };
  }
  const named = deviceModel ?? str(asic?.deviceModel);
  const asicModel = (str(info.ASICModel) ?? str(asic?.ASICModel) ?? '').toUpperCase();
  const series = /^(\d)\d\d$/.exec(str(info.boardVersion) ?? '')?.[1] ?? '';
  const model =
    (named ? (/^bitaxe/i.test(named) ? named : `Bitaxe ${named}`) : null) ??
    BITAXE_MODEL_BY_ASIC[asicModel] ??
    BITAXE_MODEL_BY_BOARD_SERIES[series] ??
    'Bitaxe';
  return { make: 'Bitaxe', model, firmware: version ? `AxeOS ${version}` : 'AxeOS', nerd: false };
}

/** Normalizes /api/system/info (+ /api/system/asic) into a Reading. */
export function parseAxeos(replies: AxeosReplies, opts: { modelHint?: string | null } = {}): Reading {
  const info = obj(replies.info);
  if (!info) throw new DeviceError('unexpected', '/api/system/info reply is not a JSON object');
  if (!('hashRate' in info) && 'statistics' in info && 'labels' in info) {
    throw new DeviceError('unexpected', '/api/system/info answered with a statistics table (labels/statistics), not the system info');
  }
  const ghs = num(info.hashRate);
  if (ghs === null || ghs < 0) throw new DeviceError('unexpected', '/api/system/info has no "hashRate" (GH/s)');
  const asic = obj(replies.asic ?? null);
  const id = describeAxeos(info, asic);
  const model = id.model === 'Bitaxe' && opts.modelHint ? opts.modelHint : id.model;

  const hashrateThs = ghs / 1000;
  const expectedGhs = num(info.expectedHashrate);
  const expectedHashrateThs = expectedGhs !== null && expectedGhs > 0 ? expectedGhs / 1000 : null;

  const { powerW, powerSource } = powerWithSource(num(info.power), model, hashrateThs);

  const asicTemps = Array.isArray(info.asicTemps) ? info.asicTemps.map(sensorC) : [];
  const chipTempC = maxOf([sensorC(info.temp), sensorC(info.temp2), ...asicTemps]);
  // The VR sensor has its own (higher) limits; it stands in only when no ASIC temperature is readable.
  const tempMaxC = chipTempC ?? sensorC(info.vrTemp);

  const monitor = obj(info.hashrateMonitor);
  const monitorAsics = Array.isArray(monitor?.asics) ? monitor.asics.map(obj).filter((a) => a !== null) : [];
  const chips = positiveInt(info.asicCount) ?? positiveInt(asic?.asicCount) ?? (monitorAsics.length || null);
  const hardwareErrors = monitorAsics.length ? monitorAsics.reduce((sum, a) => sum + (num(a.errorCount) ?? 0), 0) : null;

  return {
    driver: 'axeos',
    make: id.make,
    model,
    firmware: id.firmware,
    status: axeosStatus(info, hashrateThs),
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards: [{ index: 0, hashrateThs, chips, tempC: tempMaxC }],
    tempMaxC,
    fansRpm: readFans(info),
    pools: readPools(info),
    uptimeS: num(info.uptimeSeconds),
    hardwareErrors,
  };
}

/** A sensor reading: -1 is AxeOS's "no such sensor" (temp2), 0 an unread chip (NerdOS asicTemps). */
function sensorC(v: unknown): number | null {
  return num(v) === -1 ? null : validTempC(v);
}

function positiveInt(v: unknown): number | null {
  const n = num(v);
  return n !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** Overheat mode (AxeOS drops the clock and needs a restart) is throttling; no hash rate is an error. */
function axeosStatus(info: Record<string, unknown>, hashrateThs: number): MinerStatus {
  if ((num(info.overheat_mode) ?? 0) > 0) return 'throttled';
  return hashrateThs > 0 ? 'mining' : 'error';
}

/** NerdOS fans[].rpm; AxeOS fanrpm/fan2rpm (NerdOS also sends fanrpm/fanrpm2). 0 RPM = no fan there. */
function readFans(info: Record<string, unknown>): number[] {
  const list = Array.isArray(info.fans) ? info.fans.map(obj).filter((f) => f !== null) : [];
  const rpms = list.length ? list.map((f) => num(f.rpm)) : [info.fanrpm, info.fan2rpm ?? info.fanrpm2].map(num);
  return rpms.filter((rpm): rpm is number => rpm !== null && rpm > 0);
}

function poolUrl(host: unknown, port: unknown): string | null {
  const h = str(host);
  if (!h) return null;
  const p = num(port);
  return p !== null && !/:\d+$/.test(h) ? `${h}:${p}` : h;
}

/**
 * Primary then fallback pool. AxeOS has no per-pool status or counters: the pool in use
 * (isUsingFallbackStratum) is "Alive" with the session's sharesAccepted/Rejected, the other "Standby" with 0.
 * NerdOS lists stratum.pools[] in the same order with connected/accepted/rejected of each.
 */
function readPools(info: Record<string, unknown>): PoolReading[] {
  const configured = [
    { url: poolUrl(info.stratumURL, info.stratumPort), user: str(info.stratumUser) ?? '' },
    { url: poolUrl(info.fallbackStratumURL, info.fallbackStratumPort), user: str(info.fallbackStratumUser) ?? '' },
  ];
  const stratum = obj(info.stratum);
  const nerdPools = Array.isArray(stratum?.pools) ? stratum.pools.map(obj) : null;
  const usingFallback = (num(info.isUsingFallbackStratum) ?? 0) > 0 || stratum?.usingFallback === true;
  const pools: PoolReading[] = [];
  configured.forEach((c, i) => {
    if (!c.url) return;
    if (nerdPools) {
      const p = nerdPools[i];
      pools.push({
        url: c.url,
        user: c.user,
        status: p ? (p.connected === true ? 'Alive' : 'Dead') : 'Standby',
        accepted: num(p?.accepted) ?? 0,
        rejected: num(p?.rejected) ?? 0,
      });
      return;
    }
    const active = (i === 1) === usingFallback;
    pools.push({
      url: c.url,
      user: c.user,
      status: active ? 'Alive' : 'Standby',
      accepted: active ? (num(info.sharesAccepted) ?? 0) : 0,
      rejected: active ? (num(info.sharesRejected) ?? 0) : 0,
    });
  });
  return pools;
}
