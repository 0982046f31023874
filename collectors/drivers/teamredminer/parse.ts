/**
 * TeamRedMiner's cgminer/sgminer-compatible API on 4028 (protocols.md §2.3, §1.1): devs (+ summary, pools)
 * -> Reading. Pure. DEVS[] is one row per GPU with MHS and KHS rates, Temperature, "Fan Speed" in RPM (real
 * RPM: "Fan Percent" is the duty), Accepted/Rejected and Hardware Errors. No power field and no GPU names.
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, str } from '../cgminer-tcp/coerce';
import { poolsFromReply, replyStatus, sectionRows } from '../cgminer-tcp/lenient-json';
import { gpuMinerReading, minerAlgorithm, seconds, shareCount, type MinerGpu } from '../gpu-miner/reading';
import { DeviceError } from '../types';

/** Parsed bodies of one poll; devs is required. */
export interface TeamRedMinerReplies {
  devs: object;
  summary?: object | null;
  pools?: object | null;
}

const UNIT_HS: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9 };

/**
 * A row's hash rate in H/s from its shortest-window rate field: "KHS 30s"/"MHS 120s"... before "av"
 * (the session average), KHS before MHS for the same window because it keeps three more digits
 * (0.3.8 on CryptoNight: "MHS av": 0.002107 vs "KHS av": 2.107).
 */
export function trmRateHs(row: Record<string, unknown>): number | null {
  const candidates: Array<{ window: number; unit: number; value: number }> = [];
  for (const [key, v] of Object.entries(row)) {
    const m = /^([KMG])HS (av|\d+s)$/.exec(key);
    const value = num(v);
    if (!m || value === null || value < 0 || !Number.isFinite(value * UNIT_HS[m[1]])) continue;
    candidates.push({ window: m[2] === 'av' ? Infinity : Number(m[2].slice(0, -1)), unit: UNIT_HS[m[1]], value });
  }
  candidates.sort((a, b) => a.window - b.window || a.unit - b.unit);
  const best = candidates[0];
  return best ? best.value * best.unit : null;
}

/** "TeamRedMiner 0.3.8" from the STATUS Description of any reply, else "TeamRedMiner". */
export function trmFirmware(...bodies: Array<object | null | undefined>): string {
  for (const b of bodies) {
    const d = b ? replyStatus(b as Record<string, unknown>)?.description : null;
    if (d && /teamredminer/i.test(d)) return d;
  }
  return 'TeamRedMiner';
}

/** Normalizes TeamRedMiner's devs (+ summary, pools) replies into a Reading (boards = DEVS rows). */
export function parseTeamRedMiner(replies: TeamRedMinerReplies, opts: { modelHint?: string | null } = {}): Reading {
  const devs = sectionRows(replies.devs, 'DEVS');
  if (devs.length === 0) throw new DeviceError('unexpected', 'devs reply has no DEVS rows (no GPU)');
  const summary = replies.summary ? (sectionRows(replies.summary, 'SUMMARY')[0] ?? null) : null;
  const gpus: MinerGpu[] = devs.map((row) => ({ name: null, hashrateHs: trmRateHs(row), powerW: null, tempC: num(row.Temperature) }));
  const summed = gpus.some((g) => g.hashrateHs !== null);
  const totalHs = summed ? null : summary ? trmRateHs(summary) : null;
  if (!summed && totalHs === null) throw new DeviceError('unexpected', 'devs reply has no MHS/KHS hash rate on any GPU');

  const poolRows = replies.pools ? sectionRows(replies.pools, 'POOLS') : [];
  const activeRow = poolRows.find((r) => r['Stratum Active'] === true) ?? poolRows[0];
  const hwErrors = devs.map((r) => num(r['Hardware Errors'])).filter((n): n is number => n !== null);
  const elapsed = seconds(summary?.Elapsed) ?? maxSeconds(devs.map((r) => r['Device Elapsed']));

  const reading = gpuMinerReading(
    {
      driver: 'teamredminer',
      firmware: trmFirmware(replies.devs, replies.summary, replies.pools),
      algorithm: minerAlgorithm(activeRow?.Algorithm),
      totalHs,
      gpus,
      // Counters as whole non-negative numbers whatever the reply says.
      pools: (replies.pools ? poolsFromReply(replies.pools) : []).map((p) => ({
        ...p,
        accepted: shareCount(p.accepted),
        rejected: shareCount(p.rejected),
      })),
      uptimeS: elapsed,
      hardwareErrors: hwErrors.length
        ? finiteOrNull(hwErrors.reduce((a, b) => a + shareCount(b), 0))
        : shareOrNull(summary?.['Hardware Errors']),
    },
    opts,
  );
  const fansRpm = devs.map((r) => num(r['Fan Speed'])).filter((rpm): rpm is number => rpm !== null && rpm > 0);
  return { ...reading, model: opts.modelHint?.trim() || `${devs.length}x GPU`, fansRpm };
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function shareOrNull(v: unknown): number | null {
  return num(v) === null ? null : shareCount(v);
}

function maxSeconds(values: unknown[]): number | null {
  let best: number | null = null;
  for (const v of values) {
    const s = seconds(v);
    if (s !== null && (best === null || s > best)) best = s;
  }
  return best;
}

/** True when `text` names TeamRedMiner (STATUS Description). */
export const isTeamRedMinerDescription = (text: string | null): boolean => /teamredminer/i.test(str(text) ?? '');
