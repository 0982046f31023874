/**
 * Canaan Avalon driver (port 4028): summary is required; version, estats (stats on firmware without
 * it), devs and pools are optional (protocols.md §1.8). All five go joined on one connection, the form a
 * capture documents for Avalon (fx:asic/avalon-1047-pools+summary+stats.json); a device that refuses
 * the joined form is asked one command per connection.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { cgminerJoined } from '../cgminer-tcp/joined';
import { joinedPart } from '../cgminer-tcp/joined-reply';
import { str } from '../cgminer-tcp/coerce';
import { probeRows } from '../cgminer-tcp/identify';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { avalonFirmware, avalonModel, versionRow } from './describe';
import { hasMmId, mmModules } from './mm-id';
import { parseAvalon, parseAvalonParts } from './parse';

/** One poll's commands, joined on one connection; summary first, the part the reading cannot do without. */
const JOINED = ['summary', 'version', 'estats', 'devs', 'pools'] as const;

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

/** Each command on its own connection: firmware that does not answer the joined form. */
async function pollSeparately(target: PollTarget) {
  // Required first, so an unreachable miner costs one timeout, not one per command.
  const summary = (await cgminerQuery(target, 'summary')).body;
  const optional = optionalRunner();
  const version = await optional(() => cgminerQuery(target, 'version'));
  // estats is the A10+ extended form; older firmware only knows stats (same STATS layout).
  const stats = (await optional(() => cgminerQuery(target, 'estats'))) ?? (await optional(() => cgminerQuery(target, 'stats')));
  const devs = await optional(() => cgminerQuery(target, 'devs'));
  const pools = await optional(() => cgminerQuery(target, 'pools'));
  return parseAvalon({ summary, version, stats, devs, pools }, { modelHint: target.modelHint ?? null });
}

/** Canaan Avalon over the cgminer API on 4028/TCP. */
export const avalonDriver: Driver = {
  ...driverKind('avalon'),
  // The joined request; refused, the five commands and stats after a failed estats (7). Answered but
  // without estats, stats alone (2).
  maxRequestsPerPoll: 7,
  identify: identifyAvalon,
  async poll(target: PollTarget) {
    const joined = await cgminerJoined(target, JOINED);
    if (joined.kind === 'refused') return pollSeparately(target);
    const parts = { ...joined.parts };
    // Firmware without estats answers that part alone with Invalid command: older units only know stats.
    if (!joinedPart(parts, 'estats')) {
      const stats = await optionalRunner()(() => cgminerQuery(target, 'stats'));
      if (stats) parts.stats = stats;
    }
    return parseAvalonParts(parts, { modelHint: target.modelHint ?? null });
  },
};
