/**
 * LuxOS driver (LUXminer on Antminer hardware) over the cgminer-compatible API on 4028. Reads need no
 * session (only privileged commands do), so the poll is plain commands: summary required, the rest optional.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { probeMentions } from '../cgminer-tcp/identify';
import { describeFirmware } from '../antminer/parse';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { luxosFirmware, luxosVersionRow, parseLuxos } from './parse';

/** Optional commands, in the order they are asked for after summary. */
const OPTIONAL = ['version', 'stats', 'pools', 'power', 'fans', 'temps'] as const;

/**
 * LUXminer names itself in every STATUS Description ("LUXminer 2026.4.3.192353-…", seen in the Code 14
 * capture) and in its VERSION key. Registered before the stock Antminer driver: LuxOS keeps an Antminer
 * "Type" in VERSION, which the Antminer driver would otherwise claim.
 */
export function identifyLuxos(probe: ProbeReplies): Identity | null {
  const c = probe.cgminer;
  if (!c || !probeMentions(probe, /luxminer/i)) return null;
  const { model } = describeFirmware(luxosVersionRow(c.version, c.stats), null, null);
  return { driver: 'luxos', make: 'Bitmain', model, firmware: luxosFirmware(c.version, c.summary) };
}

/** Luxor LuxOS on Antminer hardware, cgminer-compatible API on 4028/TCP (protocols.md §1.5). */
export const luxosDriver: Driver = {
  ...driverKind('luxos'),
  maxRequestsPerPoll: 7, // summary and 6 optional commands
  identify: identifyLuxos,
  async poll(target: PollTarget) {
    // Summary first: the one reply the reading needs, so a dead device fails within one timeout.
    const summary = (await cgminerQuery(target, 'summary')).body;
    const optional = optionalRunner();
    const extra: Partial<Record<(typeof OPTIONAL)[number], Record<string, unknown> | null>> = {};
    for (const command of OPTIONAL) extra[command] = await optional(() => cgminerQuery(target, command));
    return parseLuxos({ summary, ...extra }, { modelHint: target.modelHint ?? null });
  },
};
