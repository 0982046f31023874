/**
 * Whatsminer API v3 driver (port 4433): the summary is required; device info (model, firmware), pools and
 * edevs (boards) are optional. All four go over one framed connection, one after the other.
 */
import { optionalRunner } from '../cgminer-tcp/client';
import { num, obj, str } from '../cgminer-tcp/coerce';
import { btminerV3Query, withBtminerV3 } from '../btminer-v3/client';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import { describeWhatsminerV3, parseWhatsminerV3 } from './parse';

/**
 * The get.device.info reply of an API v3 device: a numeric `code` envelope whose desc names the command
 * or whose msg carries the miner/system blocks. Only the btminer-v3 probe is looked at, so the v2 API's
 * cgminer replies (and every other family's) are never claimed here.
 */
export function identifyWhatsminerV3(probe: ProbeReplies): Identity | null {
  const body = obj(probe.btminerV3 ?? null);
  if (!body || num(body.code) === null) return null;
  const msg = obj(body.msg);
  const shaped = msg !== null && (obj(msg.miner) !== null || obj(msg.system) !== null);
  if (!shaped && str(body.desc) !== 'get.device.info') return null;
  const { model, firmware } = describeWhatsminerV3(num(body.code) === 0 ? msg : null, null);
  return { driver: 'whatsminer-v3', make: 'MicroBT', model, firmware };
}

/** MicroBT Whatsminer over API v3 on 4433/TCP, uint32-LE length-prefixed JSON (protocols.md §1.7). */
export const whatsminerV3Driver: Driver = {
  ...driverKind('whatsminer-v3'),
  maxRequestsPerPoll: 4, // four frames on one connection: summary, device info, pools, edevs
  identify: identifyWhatsminerV3,
  poll(target: PollTarget) {
    return withBtminerV3(target, async (conn) => {
      const summary = (await btminerV3Query(conn, 'get.miner.status', 'summary')).body;
      const optional = optionalRunner();
      const deviceInfo = await optional(() => btminerV3Query(conn, 'get.device.info'));
      const pools = await optional(() => btminerV3Query(conn, 'get.miner.status', 'pools'));
      const edevs = await optional(() => btminerV3Query(conn, 'get.miner.status', 'edevs'));
      return parseWhatsminerV3({ summary, deviceInfo, pools, edevs }, { modelHint: target.modelHint ?? null });
    });
  },
};
