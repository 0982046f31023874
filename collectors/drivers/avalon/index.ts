/**
 * Canaan Avalon driver (port 4028): summary is required; version, estats (stats on firmware without
 * it), devs and pools are optional, each on its own connection (protocols.md §1.8).
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { str } from '../cgminer-tcp/coerce';
import { probeRows } from '../cgminer-tcp/identify';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { avalonFirmware, avalonModel, versionRow } from './describe';
import { hasMmId, mmModules } from './mm-id';
import { parseAvalon } from './parse';

/**
 * Avalon says so in version (PROD "AvalonMiner …", or MODEL with the MM hardware/software types), in the
 * STATS row ID ("AVA10", "AVA100", "AV70", "AV80"), or by the MM ID blob in stats, which no other cgminer
 * fork sends. The cgminer 4.11.1 Description alone is not enough: stock cgminer says the same.
 */
export function identifyAvalon(probe: ProbeReplies): Identity | null {
  const c = probe.cgminer;
  if (!c) return null;
  const v = versionRow(c.version);
  const byVersion = /^\s*avalon/i.test(str(v.PROD) ?? '') || (str(v.MODEL) !== null && /^MM/i.test(str(v.HWTYPE) ?? ''));
  const byStatsId = probeRows(c.stats, 'STATS').some((r) => /^AVA?\d+$/i.test(str(r.ID) ?? ''));
  if (!byVersion && !byStatsId && !hasMmId(c.stats)) return null;
  const modules = mmModules(c.stats);
  return {
    driver: 'avalon',
    make: 'Canaan',
    model: avalonModel(c.version, modules, null),
    firmware: avalonFirmware(c.version, modules, [c.version, c.stats, c.summary]),
  };
}

/** Canaan Avalon over the cgminer API on 4028/TCP. */
export const avalonDriver: Driver = {
  ...driverKind('avalon'),
  maxRequestsPerPoll: 6, // summary, version, estats or stats, devs, pools
  identify: identifyAvalon,
  async poll(target: PollTarget) {
    // Required first, so an unreachable miner costs one timeout, not one per command.
    const summary = (await cgminerQuery(target, 'summary')).body;
    const optional = optionalRunner();
    const version = await optional(() => cgminerQuery(target, 'version'));
    // estats is the A10+ extended form; older firmware only knows stats (same STATS layout).
    const stats = (await optional(() => cgminerQuery(target, 'estats'))) ?? (await optional(() => cgminerQuery(target, 'stats')));
    const devs = await optional(() => cgminerQuery(target, 'devs'));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    return parseAvalon({ summary, version, stats, devs, pools }, { modelHint: target.modelHint ?? null });
  },
};
