/**
 * The alert engine's vocabulary: rule kinds and their scopes, observations (what an evaluator saw for one
 * subject after a sweep), per-(rule, subject) state and the events the state machine emits. Pure data.
 */

/** Every rule the engine evaluates. */
export const RULE_KINDS = [
  'unprofitable-rig',
  'unprofitable-site',
  'offline',
  'stale',
  'hashrate-low',
  'temp-high',
  'fan-stopped',
  'board-missing',
  'pool-dead',
  'no-shares',
  'pool-gap',
  'network-stale',
  'price-stale',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What an alert is about. Fleet-wide rules use subject id 0. */
export type AlertScope = 'rig' | 'site' | 'pool' | 'fleet';

/** The scope of each rule's subjects. */
export const RULE_SCOPE: Readonly<Record<RuleKind, AlertScope>> = {
  'unprofitable-rig': 'rig',
  'unprofitable-site': 'site',
  offline: 'rig',
  stale: 'rig',
  'hashrate-low': 'rig',
  'temp-high': 'rig',
  'fan-stopped': 'rig',
  'board-missing': 'rig',
  'pool-dead': 'rig',
  'no-shares': 'rig',
  'pool-gap': 'pool',
  'network-stale': 'fleet',
  'price-stale': 'fleet',
};

/** The subject id of fleet-scoped alerts. */
export const FLEET_SUBJECT_ID = 0;

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
