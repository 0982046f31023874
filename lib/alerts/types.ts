/**
 * The alert engine's vocabulary: rule kinds and their scopes (from ./rules/descriptors.ts), observations (what an evaluator saw for one
 * subject after a sweep), per-(rule, subject) state and the events the state machine emits. Pure data.
 */

import { RULE_DESCRIPTORS, type RuleKind } from './rules/descriptors';
import type { AlertScope } from './rules/rule';

export { RULE_KINDS, type RuleKind } from './rules/descriptors';
export { FLEET_SUBJECT_ID, type AlertScope } from './rules/rule';

/** The scope of each rule's subjects (from its descriptor). */
export const RULE_SCOPE = Object.fromEntries(RULE_DESCRIPTORS.map((d) => [d.name, d.scope])) as unknown as Readonly<
  Record<RuleKind, AlertScope>
>;

/** What the state machine needs from one evaluation of one (rule, subject). */
export interface StepObservation {
  breached: boolean;
  /** The measured figure (profit per kWh, temperature degC, missed seconds...), null when unknown. */
  value: number | null;
  /** One line for people, e.g. "profit -0.012/kWh below margin 0/kWh". */
  detail: string;
}

/** One evaluator result: a rule's verdict on one subject after a sweep. */
export interface Observation extends StepObservation {
  rule: RuleKind;
  scope: AlertScope;
  subjectId: number;
  /** The site the subject belongs to; null for pools and the fleet. */
  siteId: number | null;
  /**
   * Hysteresis: while the alert is firing it counts as breached as long as this is true (a looser test
   * than `breached`, e.g. profit below margin + clear band). Absent: `breached` is used in every phase.
   */
  holding?: boolean;
}

/** How long a breach must last before firing, and how long it must be clear before resolving. */
export interface Timing {
  forMs: number;
  clearForMs: number;
}

/** Where a (rule, subject) is in its life. */
export type AlertPhase = 'inactive' | 'pending' | 'firing' | 'resolved';

/** One (rule, subject)'s state between sweeps. */
export interface AlertState {
  /** `${rule}:${scope}:${subjectId}`. */
  key: string;
  phase: AlertPhase;
  /** When the current breach began (pending or firing); null when inactive or resolved. */
  pendingSinceMs: number | null;
  firingSinceMs: number | null;
  /** While firing: when the breach last cleared; null while breached. */
  clearSinceMs: number | null;
  /** Stable id of the current (or last) firing alert: `${key}:${pendingSinceMs}`. */
  alertId: string | null;
  value: number | null;
  detail: string;
}

/** Why a firing alert resolved. */
export type ResolveReason = 'cleared' | 'maintenance';

/** What the state machine emits. The same alertId marks a firing and its resolved. */
export interface StepEvent {
  kind: 'firing' | 'resolved';
  alertId: string;
  atMs: number;
  value: number | null;
  detail: string;
  /** Set on resolved events only. */
  reason?: ResolveReason;
}

/** A StepEvent with what it is about, as delivery consumes it. */
export interface AlertEvent extends StepEvent {
  key: string;
  rule: RuleKind;
  scope: AlertScope;
  subjectId: number;
  siteId: number | null;
}

/** The map key of a (rule, subject). */
export function alertKey(rule: RuleKind, subjectId: number): string {
  return `${rule}:${RULE_SCOPE[rule]}:${subjectId}`;
}
