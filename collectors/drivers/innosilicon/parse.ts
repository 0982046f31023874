/**
 * Innosilicon T2 (and the Halong-built web UI it shares with DragonMint), port 80, protocols.md §1.10.
 * Pure.
 *
 * `/api/overview` (fx:asic/innosilicon-t2-http-api-overview.json) is only about the controller:
 * `{"success":true,"type":"T2","hardware":{"status":"<uptime line>",mem…},"network":{…},"version":{"hwver",
 * "ethaddr","build_date","platform_v"}}`. From it a reading gets make, model ("Innosilicon T2"), firmware
 * (platform_v) and the controller's uptime, and nothing else: no hash rate, boards, temperatures, fans,
 * power or pools. Those come from `/api/summary`.
 * unverified: that the T2 answers `/api/summary` like the DragonMint T1 capture; foreman reads both web UIs
 * with the same classes, and otherwise polls T2 telemetry over cgminer 4028.
 */
import { efficiencyJth, type Reading } from '../../../lib/domain/reading';
import { estimatePowerW } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { obj, str } from '../cgminer-tcp/coerce';
import { halongStatus, readHalongSummary } from '../dragonmint/parse';

/** What `/api/overview` says about the machine. */
export interface InnosiliconOverview {
  /** "T2" as sent. */
  type: string;
  model: string;
  /** version.platform_v ("t2_20180523_071756"), else build_date, else "". */
  firmware: string;
  /** Controller uptime from hardware.status ("… up 11 days, 22:58, load average …"); null when absent. */
  uptimeS: number | null;
  /** version.hwver ("g19"). */
  hardwareVersion: string | null;
}

/**
 * Reads an `/api/overview` body. Throws DeviceError 'api-error' on `"success": false`, 'unexpected' when it
 * is not an object or names no type.
 */
export function parseInnosiliconOverview(body: unknown): InnosiliconOverview {
  const rec = obj(body);
  if (!rec) throw new DeviceError('unexpected', '/api/overview reply is not a JSON object');
  if (rec.success === false) throw new DeviceError('api-error', '/api/overview answered "success": false');
  const type = str(rec.type);
  if (!type) throw new DeviceError('unexpected', '/api/overview has no "type" (model)');
  const version = obj(rec.version);
  return {
    type,
    model: /^innosilicon\b/i.test(type) ? type : `Innosilicon ${type}`,
    firmware: str(version?.platform_v) ?? str(version?.build_date) ?? '',
    uptimeS: uptimeFromStatus(str(obj(rec.hardware)?.status)),
    hardwareVersion: str(version?.hwver),
  };
}

/**
 * Seconds of a Linux `uptime` line: "06:32:15 up 11 days, 22:58, load average: …" -> 1033080; also
 * "up 5 min," and "up 1 day, 3 min,". Null when there is no "up" part.
 */
export function uptimeFromStatus(status: string | null): number | null {
  const m = status ? /\bup\s+(.*?),\s*(?:\d+\s+users?,\s*)?load average/i.exec(status) : null;
  if (!m) return null;
  const text = m[1];
  const days = /(\d+)\s+days?/i.exec(text);
  const hm = /(\d+):(\d{2})/.exec(text);
  const min = /(\d+)\s+min/i.exec(text);
  if (!days && !hm && !min) return null;
  return (days ? Number(days[1]) * 86400 : 0) + (hm ? Number(hm[1]) * 3600 + Number(hm[2]) * 60 : 0) + (min ? Number(min[1]) * 60 : 0);
}

/** Replies of one poll: the overview, and the summary with the hash rate. */
export interface InnosiliconReplies {
  overview: unknown;
  summary?: unknown;
}

/**
 * Overview + summary -> Reading. Without a summary there is no hash rate, so no reading: DeviceError
 * 'unexpected' says so.
 */
export function parseInnosilicon(replies: InnosiliconReplies, _opts: { modelHint?: string | null } = {}): Reading {
  const o = parseInnosiliconOverview(replies.overview);
  if (replies.summary === undefined || replies.summary === null) {
    throw new DeviceError('unexpected', '/api/overview carries no hash rate and there is no /api/summary reply');
  }
  const s = readHalongSummary(replies.summary, '/api/summary');
  const model = o.model;
  const estimated = estimatePowerW(model, s.hashrateThs);
  return {
    driver: 'innosilicon',
    make: 'Innosilicon',
    model,
    firmware: o.firmware,
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
    uptimeS: s.uptimeS ?? o.uptimeS,
    hardwareErrors: s.hardwareErrors,
  };
}
