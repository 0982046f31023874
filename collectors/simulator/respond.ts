/**
 * One request in, one reply out, for one simulated miner: parse, compute the state at the instant, render the
 * family's reply. Pure; the TCP listener adds the trailing NUL and the socket handling.
 */
import { invalidJsonReply, missingCommandReply, parseRequest } from './cgminer-envelope';
import { ANTMINER_DESCRIPTION, antminerReply } from './antminer-replies';
import type { RigPlan } from './fleet-plan';
import { minerStateAt } from './miner-state';
import { WHATSMINER_ERROR_DESCRIPTION, whatsminerReply } from './whatsminer-replies';

/** The JSON text a simulated miner answers to `requestText` at tMs (without the trailing NUL). */
export function replyText(requestText: string, rig: RigPlan, seed: number, tMs: number): string {
  return JSON.stringify(replyObject(requestText, rig, seed, tMs));
}

/** Same as replyText, as an object (for tests that inspect fields). */
export function replyObject(requestText: string, rig: RigPlan, seed: number, tMs: number): object {
  const whenS = Math.floor(tMs / 1000);
  const errorDescription = rig.model.family === 'antminer' ? ANTMINER_DESCRIPTION : WHATSMINER_ERROR_DESCRIPTION;
  const request = parseRequest(requestText);
  if (request.kind === 'invalid-json') return invalidJsonReply(whenS, errorDescription);
  // Both families answer {"cmd": ...} (btminer's privileged verb form) with Code 24, as the capture shows.
  if (request.kind === 'missing-command') return missingCommandReply(whenS, errorDescription);
  const state = minerStateAt(rig, seed, tMs);
  return rig.model.family === 'antminer'
    ? antminerReply(request.command, rig, state)
    : whatsminerReply(request.command, rig, state);
}
