/** The listener of one simulated device, by its family's protocol. */
import type { RigPlan } from '../fleet-plan';
import { SIM_FAMILIES } from '../families';
import { replyHttp, replyText } from '../respond';
import { MinerListener } from '../tcp-server';
import { BtminerV3Listener } from './btminer-v3';
import { HttpDeviceListener } from './http-device';
import type { ListenerFault, SimListener } from './types';

/** What the fleet gives each listener. */
export interface ListenerContext {
  plan: RigPlan;
  seed: number;
  now: () => number;
  fault: () => ListenerFault;
}

/** A closed listener for the rig; the fleet opens it. */
export function createListener(ctx: ListenerContext): SimListener {
  const { plan, seed, now, fault } = ctx;
  const family = SIM_FAMILIES[plan.model.family];
  const base = { host: plan.address, port: plan.port, seed: seed ^ plan.idHash, fault };
  switch (family.protocol) {
    case 'cgminer':
      return new MinerListener({ ...base, respond: (request) => replyText(request, plan, seed, now()) });
    case 'jsonrpc':
      return new MinerListener({ ...base, terminator: '\n', respond: (request) => replyText(request, plan, seed, now()) });
    case 'http':
      return new HttpDeviceListener({ ...base, respond: (request) => replyHttp(request, plan, seed, now()) });
    case 'btminer-v3':
      return new BtminerV3Listener({ ...base, respond: (request) => replyText(request, plan, seed, now()) });
  }
}
