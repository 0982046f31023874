/**
 * One request in, one reply out, for one simulated device of a stream protocol (cgminer, jsonrpc,
 * btminer-v3): compute the state at the instant and let the rig's family render the reply. Pure; the
 * listener adds the framing and the socket handling.
 */
import type { RigPlan } from './fleet-plan';
import { SIM_FAMILIES } from './families';
import type { SimHttpReply, SimHttpRequest } from './families/types';
import { minerStateAt, type MinerState } from './miner-state';

/**
 * Each rig's last computed state: the requests of one poll (or a joined request's parts) often arrive in the
 * same millisecond, and the state is a pure function of (rig, seed, tMs), so they share it. Replies never
 * mutate a state.
 */
const lastState = new WeakMap<RigPlan, { seed: number; tMs: number; state: MinerState }>();

function stateAt(rig: RigPlan, seed: number, tMs: number): MinerState {
  const last = lastState.get(rig);
  if (last && last.tMs === tMs && last.seed === seed) return last.state;
  const state = minerStateAt(rig, seed, tMs);
  lastState.set(rig, { seed, tMs, state });
  return state;
}

/** The text a simulated device answers to `requestText` at tMs (without NUL, newline or frame). */
export function replyText(requestText: string, rig: RigPlan, seed: number, tMs: number): string {
  const family = SIM_FAMILIES[rig.model.family];
  if (!family.reply) throw new Error(`simulator: the "${family.family}" family does not answer stream requests`);
  return family.reply(requestText, rig, stateAt(rig, seed, tMs));
}

/** Same as replyText, parsed (for tests that inspect fields). */
export function replyObject(requestText: string, rig: RigPlan, seed: number, tMs: number): object {
  return JSON.parse(replyText(requestText, rig, seed, tMs)) as object;
}

/** The HTTP reply of a simulated HTTP device at tMs. */
export function replyHttp(request: SimHttpRequest, rig: RigPlan, seed: number, tMs: number): SimHttpReply {
  const family = SIM_FAMILIES[rig.model.family];
  if (!family.replyHttp) return { status: 404, body: 'Not found' };
  return family.replyHttp(request, rig, stateAt(rig, seed, tMs));
}
