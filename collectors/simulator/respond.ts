/**
 * One request in, one reply out, for one simulated device of a stream protocol (cgminer, jsonrpc,
 * btminer-v3): compute the state at the instant and let the rig's family render the reply. Pure; the
 * listener adds the framing and the socket handling.
 */
import type { RigPlan } from './fleet-plan';
import { SIM_FAMILIES } from './families';
import type { SimHttpReply, SimHttpRequest } from './families/types';
import { minerStateAt } from './miner-state';

/** The text a simulated device answers to `requestText` at tMs (without NUL, newline or frame). */
export function replyText(requestText: string, rig: RigPlan, seed: number, tMs: number): string {
  const family = SIM_FAMILIES[rig.model.family];
  if (!family.reply) throw new Error(`simulator: the "${family.family}" family does not answer stream requests`);
  return family.reply(requestText, rig, minerStateAt(rig, seed, tMs));
}

/** Same as replyText, parsed (for tests that inspect fields). */
export function replyObject(requestText: string, rig: RigPlan, seed: number, tMs: number): object {
  return JSON.parse(replyText(requestText, rig, seed, tMs)) as object;
}

/** The HTTP reply of a simulated HTTP device at tMs. */
export function replyHttp(request: SimHttpRequest, rig: RigPlan, seed: number, tMs: number): SimHttpReply {
  const family = SIM_FAMILIES[rig.model.family];
  if (!family.replyHttp) return { status: 404, body: 'Not found' };
  return family.replyHttp(request, rig, minerStateAt(rig, seed, tMs));
}
