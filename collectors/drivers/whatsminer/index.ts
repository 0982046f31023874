/**
 * Whatsminer API v1/v2 driver (port 4028): summary is required; devdetails (model), edevs/devs (boards),
 * pools and btminer's status (sleep flag) are optional, each on its own connection.
 */
import { cgminerQuery, cgminerQueryRaw, optionalRunner } from '../cgminer-tcp/client';
import { probeDescriptions, probeRow, probeRows } from '../cgminer-tcp/identify';
import { str } from '../cgminer-tcp/coerce';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { parseWhatsminer, whatsminerModel } from './parse';

/**
 * btminer says so in its Description ("btminer"), and its summary carries Power / "Factory GHS" that no
 * other cgminer fork sends; devdetails names the model ("M60S_VK30").
 */
export function identifyWhatsminer(probe: ProbeReplies): Identity | null {
  const c = probe.cgminer;
  if (!c) return null;
  const summary = probeRow(c.summary, 'SUMMARY');
  const btminer = probeDescriptions(probe).some((d) => /btminer|whatsminer/i.test(d));
  const shaped = 'Factory GHS' in summary || ('Power_RT' in summary && 'MHS 1m' in summary);
  const devModel = probeRows(c.devdetails, 'DEVDETAILS').some((r) => /^M\d/i.test(str(r.Model) ?? ''));
  if (!btminer && !shaped && !devModel) return null;
  const firmware = (str(summary['Firmware Version']) ?? '').replace(/'/g, '') || 'btminer';
  return { driver: 'whatsminer', make: 'MicroBT', model: whatsminerModel(c.devdetails, null), firmware };
}

/** MicroBT Whatsminer over the cgminer-compatible API on 4028/TCP (protocols.md §1.7). */
export const whatsminerDriver: Driver = {
  ...driverKind('whatsminer'),
  maxRequestsPerPoll: 6, // summary, devdetails, edevs or devs, pools, status
  identify: identifyWhatsminer,
  async poll(target: PollTarget) {
    const summary = (await cgminerQuery(target, 'summary')).body;
    const optional = optionalRunner();
    const devdetails = await optional(() => cgminerQuery(target, 'devdetails'));
    // Old cgminer-4.9.2-based firmware (M20S, M3) answers devs but not edevs.
    const edevs = (await optional(() => cgminerQuery(target, 'edevs'))) ?? (await optional(() => cgminerQuery(target, 'devs')));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    // The only place btminer says it was put to sleep; old firmware rejects "cmd" with STATUS E (ignored).
    const status = await optional(() => cgminerQueryRaw(target, { cmd: 'status' }, 'status'));
    return parseWhatsminer({ summary, devdetails, edevs, pools, status }, { modelHint: target.modelHint ?? null });
  },
};
