/**
 * A cgminer-protocol family from its command -> reply function: the envelope errors every cgminer fork
 * shares (Invalid JSON, Missing JSON 'command') are answered here, with the family's error Description.
 */
import { invalidJsonReply, missingCommandReply, parseRequest } from '../cgminer-envelope';
import type { RigPlan, SimFamily } from '../fleet-plan';
import type { MinerState } from '../miner-state';
import type { SimFamilyDef } from './types';

/** Builds the family; `reply` gets the command and its parameter (null when absent). */
export function cgminerFamily(def: {
  family: SimFamily;
  driver: string;
  errorDescription: string;
  reply(command: string, parameter: string | null, rig: RigPlan, state: MinerState): object;
}): SimFamilyDef {
  return {
    family: def.family,
    driver: def.driver,
    protocol: 'cgminer',
    reply(requestText, rig, state) {
      const whenS = Math.floor(state.tMs / 1000);
      const request = parseRequest(requestText);
      if (request.kind === 'invalid-json') return JSON.stringify(invalidJsonReply(whenS, def.errorDescription));
      // Every fork answers {"cmd": ...} (btminer's privileged verb form) with Code 24, as the capture shows.
      if (request.kind === 'missing-command') return JSON.stringify(missingCommandReply(whenS, def.errorDescription));
      return JSON.stringify(def.reply(request.command, request.parameter, rig, state));
    },
  };
}

/**
 * Placeholder of a family whose replies are not written yet: every request fails loudly, so a fleet that
 * includes it cannot pass for working.
 */
export function unwrittenFamily(family: SimFamily, driver: string, protocol: SimFamilyDef['protocol']): SimFamilyDef {
  const fail = (): never => {
    throw new Error(`simulator: replies of the "${family}" family are not written yet`);
  };
  return { family, driver, protocol, reply: fail, replyHttp: fail };
}
