/**
 * Braiins OS / BOS+ driver (BOSminer, BOSer) over the cgminer-compatible API on 4028: summary is required,
 * the rest are optional extras, one read-only command per TCP connection.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { probeMentions } from '../cgminer-tcp/identify';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { braiinsFirmware, braiinsHardware, parseBraiins } from './parse';

/** Optional commands, in the order they are asked for after summary. */
const OPTIONAL = ['version', 'devs', 'devdetails', 'pools', 'fans', 'temps', 'tunerstatus'] as const;

/**
 * BOSminer/BOSer name themselves in every STATUS Description ("BOSminer+ 0.2.0-…", "BOSer boser-openwrt
 * 0.1.0-…") and in the VERSION key ("BOSminer+": "0.2.0-…"). Registered before the stock Antminer driver,
 * since Braiins OS runs on Antminer hardware.
 */
export function identifyBraiins(probe: ProbeReplies): Identity | null {
  const c = probe.cgminer;
  if (!c || !probeMentions(probe, /bosminer|boser|braiins/i)) return null;
  const { make, model } = braiinsHardware(c.devdetails, null);
  return { driver: 'braiins', make, model, firmware: braiinsFirmware(c.version, c.summary, c.devdetails, c.stats) };
}

/** Braiins OS / BOS+ on Antminer hardware, cgminer-compatible API on 4028/TCP (protocols.md §1.4). */
export const braiinsDriver: Driver = {
  ...driverKind('braiins'),
  maxRequestsPerPoll: 8, // summary and 7 optional commands
  identify: identifyBraiins,
  async poll(target: PollTarget) {
    // Summary first: it is the one reply the reading cannot do without, so a dead or silent device
    // fails within one timeout instead of after the optional commands.
    const summary = (await cgminerQuery(target, 'summary')).body;
    const optional = optionalRunner();
    const extra: Partial<Record<(typeof OPTIONAL)[number], Record<string, unknown> | null>> = {};
    for (const command of OPTIONAL) extra[command] = await optional(() => cgminerQuery(target, command));
    return parseBraiins({ summary, ...extra }, { modelHint: target.modelHint ?? null });
  },
};
