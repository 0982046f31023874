/**
 * Whatsminer API v1/v2 driver (port 4028): summary is required; devdetails (model), edevs/devs (boards),
 * pools and btminer's status (sleep flag) are optional, each on its own connection.
 */
import { cgminerQuery, cgminerQueryRaw, optionalRunner } from '../cgminer-tcp/client';
import type { Driver, PollTarget } from '../types';
import { parseWhatsminer } from './parse';

/** MicroBT Whatsminer over the cgminer-compatible API on 4028/TCP (protocols.md §1.7). */
export const whatsminerDriver: Driver = {
  name: 'whatsminer',
  defaultPort: 4028,
  async poll(target: PollTarget) {
    const summary = (await cgminerQuery(target, 'summary')).body;
    const optional = optionalRunner();
    const devdetails = await optional(() => cgminerQuery(target, 'devdetails'));
    // Old cgminer-4.9.2-based firmware (M20S, M3) answers devs but not edevs.
    const edevs =
      (await optional(() => cgminerQuery(target, 'edevs'))) ?? (await optional(() => cgminerQuery(target, 'devs')));
    const pools = await optional(() => cgminerQuery(target, 'pools'));
    // The only place btminer says it was put to sleep; old firmware rejects "cmd" with STATUS E (ignored).
    const status = await optional(() => cgminerQueryRaw(target, { cmd: 'status' }, 'status'));
    return parseWhatsminer({ summary, devdetails, edevs, pools, status }, { modelHint: target.modelHint ?? null });
  },
};
