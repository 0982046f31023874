/**
 * What an alert rule is: a descriptor (pure data the settings form and the messages read: name, label, scope,
 * severity, title, description, threshold schema, defaults and form fields) and the evaluation that turns a
 * sweep into verdicts. Pure types; every rule module in this folder fills them in.
 */
import type { z } from 'zod';
import type { AlertInput, AlertRig } from '../inputs';

/** What an alert is about. Fleet-wide rules use subject id FLEET_SUBJECT_ID. */
export type AlertScope = 'rig' | 'site' | 'pool' | 'fleet';

/** The subject id of fleet-scoped alerts. */
export const FLEET_SUBJECT_ID = 0;

/** How bad an alert of a rule is. */
export type Severity = 'info' | 'warning' | 'critical';

/** How a threshold field is shown: milliseconds as minutes, everything else as stored. */
export type RuleFieldUnit = 'minutes' | 'plain';

/** One editable threshold field of a rule. */
export interface RuleField {
  key: string;
  /** Short label with its unit. */
  label: string;
  unit: RuleFieldUnit;
  /** null is allowed, typed as "auto". */
  nullable?: boolean;
}

/** The thresholds every rule has: on or off, how long a breach lasts before firing and a clear before resolving. */
export interface RuleTiming {
  enabled: boolean;
  forMs: number;
  clearForMs: number;
}

/** One rule, described. `S` is the schema of its full (resolved) thresholds. */
export interface RuleDescriptor<N extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The rule's name: alerts.rule, the thresholds' key, the alert key's first part. */
  readonly name: N;
  /** The rule in words, as the settings form lists it. */
  readonly label: string;
  /** What its subjects are; an override at a site or rig reaches only rules of that scope (and rig rules per site). */
  readonly scope: AlertScope;
  readonly severity: Severity;
  /** The one-line title of an alert about `subject` (a rig, site or pool name). */
  title(subject: string): string;
  /** One sentence for people: when it fires. */
  readonly description: string;
  /** Validates its thresholds (every field); an override is its partial. */
  readonly thresholds: S;
  /** The thresholds before any operator override. */
  readonly defaults: z.output<S>;
  /** Its own limits, beyond enabled and the timings (TIMING_FIELDS), as the settings form edits them. */
  readonly limits: readonly RuleField[];
}

/** A rule's verdict on one subject after a sweep. */
export interface RuleVerdict {
  subjectId: number;
  /** The site the subject belongs to; null for pools and the fleet. */
  siteId: number | null;
  breached: boolean;
  /** The measured figure (profit per kWh, temperature degC, missed seconds...), null when unknown. */
  value: number | null;
  /** One line for people, e.g. "profit -0.012/kWh below margin 0/kWh". */
  detail: string;
  /**
   * Hysteresis: while the alert is firing it counts as breached as long as this is true (a looser test
   * than `breached`, e.g. profit below margin + clear band). Absent: `breached` is used in every phase.
   */
  holding?: boolean;
}

/** What a rule's evaluation reads: the sweep, and its own thresholds for each subject (global -> site -> rig). */
export interface RuleContext<T> {
  input: AlertInput;
  /** Pools and the fleet use these. */
  global: T;
  rig(rig: AlertRig): T;
  site(siteId: number): T;
}

/** A rule: its descriptor and its evaluation. */
export interface AlertRule<D extends RuleDescriptor = RuleDescriptor> {
  readonly descriptor: D;
  /** Verdicts of this sweep; none for a subject it cannot judge (no data) or where it is disabled. */
  evaluate(ctx: RuleContext<z.output<D['thresholds']>>): RuleVerdict[];
}

/** A rule from its descriptor and evaluation (typed by the descriptor's thresholds). */
export function defineRule<D extends RuleDescriptor>(descriptor: D, evaluate: AlertRule<D>['evaluate']): AlertRule<D> {
  return { descriptor, evaluate };
}
