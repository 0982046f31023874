/**
 * Antminer stock (and stats-compatible aftermarket) driver: stats, summary and pools, one TCP connection
 * each (stock S19 firmware does not answer joined commands: protocols.md §1.1), then the pure parser.
 * `version` is asked only when STATS[0] does not name the miner: in every capture STATS[0] carries the
 * same Type, engine, Miner and CompileTime as VERSION[0], so a fourth connection would add nothing.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { probeRow, probeRows } from '../cgminer-tcp/identify';
import { pollAntminerWeb } from '../antminer-web';
import { DeviceError, driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import type { Reading } from '../../../lib/domain/reading';
import { describeFirmware, parseAntminer } from './parse';

/**
 * Stock Antminer and the aftermarket firmware that keeps its stats layout: a VERSION or STATS[0] Type
 * naming an Antminer (or mskminer's "S19-88 v.2.6.0.39"), or a bmminer engine key. Registered after the
 * firmware with their own drivers (Braiins, LuxOS), which also run on Antminer hardware.
 */
export function identifyAntminer(probe: ProbeReplies): Identity | null {
  const c = probe.cgminer;
  if (!c) return null;
  const version = probeRow(c.version, 'VERSION');
  const stats0 = probeRows(c.stats, 'STATS')[0] ?? {};
  const row = typeof version.Type === 'string' ? version : stats0;
  const type = typeof row.Type === 'string' ? row.Type : '';
  const engine = ['BMMiner', 'bmminer'].some((k) => k in row || k in stats0);
  if (!/antminer|^\s*[STLDZ]\d/i.test(type) && !engine) return null;
  const { model, firmware } = describeFirmware(row, c.version, null);
  return { driver: 'antminer', make: 'Bitmain', model, firmware };
}

/**
 * The cgminer API refused the connection: operators often switch it off, leaving the stock web UI. Read
 * the same miner through its CGIs on target.webPort (default 80). When the web UI refuses too, the
 * original refusal is reported (the miner is most likely off); any other web error is the poll's error.
 */
async function pollWebFallback(target: PollTarget, refused: DeviceError): Promise<Reading> {
  const webPort = target.webPort ?? 80;
  try {
    return await pollAntminerWeb({ ...target, port: webPort });
  } catch (err) {
    if (err instanceof DeviceError && err.kind === 'refused') {
      throw new DeviceError('refused', `${refused.message}; web UI fallback on port ${webPort} refused too`);
    }
    throw err;
  }
}

/** True when STATS[0] names the miner (Type), so VERSION[0] would only repeat it. */
function namesMiner(stats: Record<string, unknown>): boolean {
  return typeof probeRows(stats, 'STATS')[0]?.Type === 'string';
}

/** Bitmain Antminer over the cgminer API on 4028/TCP (protocols.md §1.3), falling back to its web UI. */
export const antminerDriver: Driver = {
  ...driverKind('antminer'),
  maxRequestsPerPoll: 8, // stats, summary, pools, version when STATS[0] has no Type; or stats refused, then the web UI fallback (7)
  identify: identifyAntminer,
  async poll(target: PollTarget) {
    // Sequential on purpose: the bmminer API thread serves one client at a time, so parallel
    // connections would only queue there while their timeouts run.
    let stats: Record<string, unknown>;
    try {
      stats = (await cgminerQuery(target, 'stats')).body;
    } catch (err) {
      if (err instanceof DeviceError && err.kind === 'refused') return pollWebFallback(target, err);
      throw err;
    }
    const optional = optionalRunner();
    const summary = await optional(() => cgminerQuery(target, 'summary'));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    const version = namesMiner(stats) ? null : await optional(() => cgminerQuery(target, 'version'));
    return parseAntminer({ version, stats, summary, pools }, { modelHint: target.modelHint ?? null });
  },
};
