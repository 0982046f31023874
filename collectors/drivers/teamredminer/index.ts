/**
 * TeamRedMiner driver (AMD GPU miner, cgminer-compatible API on 4028 with --api_listen): devs is required,
 * summary (uptime) and pools are optional, each on its own connection.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import { probeDescriptions } from '../cgminer-tcp/identify';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { isTeamRedMinerDescription, parseTeamRedMiner } from './parse';

/**
 * Only on its own name: every TeamRedMiner reply carries Description "TeamRedMiner 0.3.8". Its envelope
 * is otherwise plain cgminer, so shapes alone would also match Antminer, Whatsminer or Avalon replies.
 */
export function identifyTeamRedMiner(probe: ProbeReplies): Identity | null {
  const description = probeDescriptions(probe).find(isTeamRedMinerDescription);
  if (!description) return null;
  // The probe replies (version, stats, devdetails, summary) neither count nor name the GPUs.
  return { driver: 'teamredminer', make: 'GPU', model: 'GPU rig', firmware: description };
}

/** TeamRedMiner over the cgminer API on 4028/TCP (protocols.md §2.3). */
export const teamredminerDriver: Driver = {
  ...driverKind('teamredminer'),
  maxRequestsPerPoll: 3, // devs, summary, pools
  identify: identifyTeamRedMiner,
  async poll(target: PollTarget) {
    const devs = (await cgminerQuery(target, 'devs')).body;
    const optional = optionalRunner();
    const summary = await optional(() => cgminerQuery(target, 'summary'));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    return parseTeamRedMiner({ devs, summary, pools }, { modelHint: target.modelHint ?? null });
  },
};
