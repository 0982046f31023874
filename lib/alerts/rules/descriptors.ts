/**
 * Every alert rule, described: the one list of rule names. The thresholds (../thresholds.ts), the alert
 * titles (../describe.ts), the rule scopes (../types.ts) and the settings form read it; ./index.ts lists the
 * evaluations and a unit test keeps the two lists in step. Adding a rule: its module in this folder and one
 * line here and in ./index.ts. Order: how the settings form lists them.
 */
import { boardMissingDescriptor } from './board-missing';
import { fanStoppedDescriptor } from './fan-stopped';
import { hashrateLowDescriptor } from './hashrate-low';
import { networkStaleDescriptor } from './network-stale';
import { noSharesDescriptor } from './no-shares';
import { offlineDescriptor } from './offline';
import { poolDeadDescriptor } from './pool-dead';
import { poolGapDescriptor } from './pool-gap';
import { priceStaleDescriptor } from './price-stale';
import type { RuleDescriptor } from './rule';
import { staleDescriptor } from './stale';
import { tempHighDescriptor } from './temp-high';
import { unprofitableRigDescriptor } from './unprofitable-rig';
import { unprofitableSiteDescriptor } from './unprofitable-site';

/** Every rule's descriptor. */
export const RULE_DESCRIPTORS = [
  unprofitableRigDescriptor,
  unprofitableSiteDescriptor,
  offlineDescriptor,
  staleDescriptor,
  hashrateLowDescriptor,
  tempHighDescriptor,
  fanStoppedDescriptor,
  boardMissingDescriptor,
  poolDeadDescriptor,
  noSharesDescriptor,
  poolGapDescriptor,
  networkStaleDescriptor,
  priceStaleDescriptor,
] as const satisfies readonly RuleDescriptor[];

type AnyRuleDescriptor = (typeof RULE_DESCRIPTORS)[number];

/** Every rule the engine evaluates, by name. */
export type RuleKind = AnyRuleDescriptor['name'];

/** The descriptor of rule `K`. */
export type RuleDescriptorOf<K extends RuleKind> = Extract<AnyRuleDescriptor, { name: K }>;

/** Every rule's name, in list order. */
export const RULE_KINDS: readonly RuleKind[] = RULE_DESCRIPTORS.map((d) => d.name);

/** The descriptor of `rule`. */
export function ruleDescriptor<K extends RuleKind>(rule: K): RuleDescriptorOf<K>;
/** The descriptor of `rule`, or null for a name that is no rule. */
export function ruleDescriptor(rule: string): AnyRuleDescriptor | null;
export function ruleDescriptor(rule: string): AnyRuleDescriptor | null {
  return RULE_DESCRIPTORS.find((d) => d.name === rule) ?? null;
}

export type { AlertScope, RuleDescriptor, RuleField, RuleFieldUnit, Severity } from './rule';
export { TIMING_FIELDS } from './threshold-fields';
