/**
 * Antminer stock (and stats-compatible aftermarket) driver: four read-only cgminer commands, one TCP
 * connection each, then the pure parser.
 */
import { cgminerQuery, optionalRunner } from '../cgminer-tcp/client';
import type { Driver, PollTarget } from '../types';
import { parseAntminer } from './parse';

/** Bitmain Antminer over the cgminer API on 4028/TCP (protocols.md §1.3). */
export const antminerDriver: Driver = {
  name: 'antminer',
  defaultPort: 4028,
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
