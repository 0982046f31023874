/**
 * The per-(rule, subject) state machine: inactive -> pending -> firing -> resolved, driven by one
 * observation per sweep and an injected clock. Pure: the same inputs always give the same outputs.
 *
 * - inactive/resolved + breach: pending from now (fires at once when forMs is 0).
 * - pending + breach for forMs: firing, with a "firing" event.
 * - pending + clear: back to inactive, no event (it never fired).
 * - firing + clear: stays firing until the breach has stayed clear for clearForMs (no flapping); any breach
 *   in between restarts the clear window. Then resolved, with a "resolved" event carrying the same id.
 * - resolved + clear: inactive.
 * The alert id is `${key}:${pendingSinceMs}`: stable from firing to resolved, new for the next breach.
 */
import type { AlertState, StepEvent, StepObservation, Timing } from './types';

export interface StepResult {
  state: AlertState;
  events: StepEvent[];
}

/** The state of a (rule, subject) nothing has been observed for. */
export function inactiveState(key: string): AlertState {
  return { key, phase: 'inactive', pendingSinceMs: null, firingSinceMs: null, clearSinceMs: null, alertId: null, value: null, detail: '' };
}

function fire(state: AlertState, pendingSinceMs: number, obs: StepObservation, nowMs: number): StepResult {
  const alertId = `${state.key}:${pendingSinceMs}`;
  const next: AlertState = {
    ...state,
    phase: 'firing',
    pendingSinceMs,
    firingSinceMs: nowMs,
    clearSinceMs: null,
    alertId,
    value: obs.value,
    detail: obs.detail,
  };
  return { state: next, events: [{ kind: 'firing', alertId, atMs: nowMs, value: obs.value, detail: obs.detail }] };
}

function startPending(state: AlertState, obs: StepObservation, nowMs: number, timing: Timing): StepResult {
  if (timing.forMs <= 0) return fire(state, nowMs, obs, nowMs);
  return {
    state: {
      ...state,
      phase: 'pending',
      pendingSinceMs: nowMs,
      firingSinceMs: null,
      clearSinceMs: null,
      value: obs.value,
      detail: obs.detail,
    },
    events: [],
  };
}

/** A firing alert's resolution, now, for the given reason. */
export function resolve(state: AlertState, nowMs: number, reason: StepEvent['reason'], obs: StepObservation): StepResult {
  if (state.phase !== 'firing' || state.alertId === null) throw new Error(`resolve: alert ${state.key} is ${state.phase}, not firing`);
  const next: AlertState = { ...state, phase: 'resolved', pendingSinceMs: null, clearSinceMs: null, value: obs.value, detail: obs.detail };
  return {
    state: next,
    events: [{ kind: 'resolved', alertId: state.alertId, atMs: nowMs, value: obs.value, detail: obs.detail, reason }],
  };
}

/** The next state of one (rule, subject) after one observation at `nowMs`, and the events it produced. */
export function step(state: AlertState, obs: StepObservation, nowMs: number, timing: Timing): StepResult {
  switch (state.phase) {
    case 'inactive':
    case 'resolved':
      if (obs.breached) return startPending(state, obs, nowMs, timing);
      return { state: inactiveState(state.key), events: [] };
    case 'pending': {
      if (!obs.breached) return { state: inactiveState(state.key), events: [] };
      const since = state.pendingSinceMs ?? nowMs;
      if (nowMs - since >= timing.forMs) return fire(state, since, obs, nowMs);
      return { state: { ...state, value: obs.value, detail: obs.detail }, events: [] };
    }
    case 'firing': {
      if (obs.breached) return { state: { ...state, clearSinceMs: null, value: obs.value, detail: obs.detail }, events: [] };
      const clearSince = state.clearSinceMs ?? nowMs;
      if (nowMs - clearSince >= timing.clearForMs) return resolve(state, nowMs, 'cleared', obs);
      return { state: { ...state, clearSinceMs: clearSince }, events: [] };
    }
  }
}
