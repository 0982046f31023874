/**
 * One evaluation after a committed sweep: every rule's observations, each (rule, subject) stepped through
 * the state machine, and the events to deliver. Pure: the caller keeps `states` for the next sweep.
 *
 * - A (rule, subject) with a state but no observation this sweep (rig gone, economics missing, rule
 *   disabled, rig no longer online for reading rules) steps as "not breached": pending drops, firing
 *   resolves after clearForMs.
 * - Maintenance: a rig in maintenance gets no pending or firing alerts; one that was firing resolves at
 *   once with reason "maintenance" (receivers are told it ended), a pending one is dropped.
 * - Inactive states are not kept; a resolved state is kept until the next evaluation.
 */
import type { AlertInput, AlertRig } from './inputs';
import { ALERT_RULES } from './rules';
import { rigThresholds, siteThresholds, thresholdsFor } from './scope-thresholds';
import { inactiveState, resolve, step, type StepResult } from './state-machine';
import type { AlertSettings, AlertThresholds } from './thresholds';
import { alertKey, RULE_KINDS, RULE_SCOPE, type AlertEvent, type AlertState, type Observation, type RuleKind } from './types';

/** The states to keep for the next sweep and the events to deliver. */
export interface AlertEvaluation {
  states: Map<string, AlertState>;
  events: AlertEvent[];
}

/** `fn` computed once per key. */
function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, fn(key));
    return seen.get(key)!;
  };
}

/** Every observation for this sweep, before maintenance is applied: each rule of ./rules in turn. */
export function observe(input: AlertInput, settings: AlertSettings): Observation[] {
  const byRig = memo((rig: AlertRig) => rigThresholds(settings, rig.id, rig.siteId));
  const bySite = memo((siteId: number) => siteThresholds(settings, siteId));
  return ALERT_RULES.flatMap(({ descriptor, evaluate }) => {
    const rule = descriptor.name as RuleKind;
    const pick = (t: AlertThresholds) => t[rule] as Parameters<typeof evaluate>[0]['global'];
    const verdicts = evaluate({
      input,
      global: pick(settings.global),
      rig: (rig) => pick(byRig(rig)),
      site: (siteId) => pick(bySite(siteId)),
    });
    return verdicts.map((v): Observation => ({ rule, scope: descriptor.scope, ...v }));
  });
}

/** The rule and subject id of a key made by alertKey. */
export function parseAlertKey(key: string): { rule: RuleKind; subjectId: number } {
  const [rule, scope, id] = key.split(':');
  const subjectId = Number(id);
  if (!RULE_KINDS.includes(rule as RuleKind) || RULE_SCOPE[rule as RuleKind] !== scope || !Number.isInteger(subjectId)) {
    throw new Error(`parseAlertKey: "${key}" is not "<rule>:<scope>:<subject id>" with a known rule and its scope`);
  }
  return { rule: rule as RuleKind, subjectId };
}

/** Steps every (rule, subject) through the state machine after a sweep: the states to keep and the events to deliver. */
export function evaluateAlerts(previous: ReadonlyMap<string, AlertState>, input: AlertInput, settings: AlertSettings): AlertEvaluation {
  const maintenance = new Set(settings.maintenanceRigIds);
  const rigSite = new Map(input.rigs.map((rig) => [rig.id, rig.siteId]));
  const byKey = new Map<string, Observation>();
  for (const obs of observe(input, settings)) {
    if (obs.scope === 'rig' && maintenance.has(obs.subjectId)) continue;
    byKey.set(alertKey(obs.rule, obs.subjectId), obs);
  }

  const states = new Map<string, AlertState>();
  const events: AlertEvent[] = [];
  const keys = [...new Set([...previous.keys(), ...byKey.keys()])].sort();
  for (const key of keys) {
    const prev = previous.get(key) ?? inactiveState(key);
    const { rule, subjectId } = parseAlertKey(key);
    const scope = RULE_SCOPE[rule];
    const obs = byKey.get(key);
    const siteId = obs?.siteId ?? (scope === 'rig' ? (rigSite.get(subjectId) ?? null) : scope === 'site' ? subjectId : null);
    let result: StepResult;
    if (scope === 'rig' && maintenance.has(subjectId)) {
      if (prev.phase !== 'firing') continue;
      result = resolve(prev, input.nowMs, 'maintenance', { breached: false, value: prev.value, detail: 'rig in maintenance' });
    } else {
      const t = thresholdsFor(settings, scope, subjectId, siteId)[rule];
      const seen: Pick<Observation, 'breached' | 'value' | 'detail' | 'holding'> = obs ?? {
        breached: false,
        value: null,
        detail: 'no data this sweep',
      };
      const breached = prev.phase === 'firing' && seen.holding !== undefined ? seen.holding : seen.breached;
      result = step(prev, { breached, value: seen.value, detail: seen.detail }, input.nowMs, t);
    }
    if (result.state.phase !== 'inactive') states.set(key, result.state);
    for (const event of result.events) events.push({ ...event, key, rule, scope, subjectId, siteId });
  }
  return { states, events };
}
