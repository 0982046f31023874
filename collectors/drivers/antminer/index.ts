/**
 * Antminer stock (and stats-compatible aftermarket) driver: four read-only cgminer commands, one TCP
 * connection each, then the pure parser.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { probeRow, probeRows } from '../cgminer-tcp/identify';
import type { Driver, Identity, PollTarget, ProbeReplies } from '../types';
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

/** Bitmain Antminer over the cgminer API on 4028/TCP (protocols.md §1.3). */
export const antminerDriver: Driver = {
  name: 'antminer',
  label: 'Antminer (cgminer/bmminer API)',
  protocol: 'cgminer',
  defaultPort: 4028,
  identify: identifyAntminer,
  async poll(target: PollTarget) {
    // Sequential on purpose: the bmminer API thread serves one client at a time, so parallel
    // connections would only queue there while their timeouts run.
    const version = (await cgminerQuery(target, 'version')).body;
    const stats = (await cgminerQuery(target, 'stats')).body;
    const optional = optionalRunner();
    const summary = await optional(() => cgminerQuery(target, 'summary'));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    return parseAntminer({ version, stats, summary, pools }, { modelHint: target.modelHint ?? null });
  },
};
