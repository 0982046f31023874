/** How each rule reads to people: severity and a one-line title naming the subject. Pure. */
import type { RuleKind } from './types';

export type Severity = 'info' | 'warning' | 'critical';

const TEXT: Record<RuleKind, { severity: Severity; title: (subject: string) => string }> = {
  'unprofitable-rig': { severity: 'warning', title: (s) => `${s} is losing money` },
  'unprofitable-site': { severity: 'critical', title: (s) => `Site ${s} is losing money` },
  offline: { severity: 'critical', title: (s) => `${s} is offline` },
  stale: { severity: 'warning', title: (s) => `${s} has stopped reporting fresh data` },
  'hashrate-low': { severity: 'warning', title: (s) => `${s} hash rate is low` },
  'temp-high': { severity: 'critical', title: (s) => `${s} is running hot` },
  'fan-stopped': { severity: 'critical', title: (s) => `${s} has a stopped fan` },
  'board-missing': { severity: 'warning', title: (s) => `${s} is missing a hash board` },
  'pool-dead': { severity: 'critical', title: (s) => `${s} has no working pool` },
  'no-shares': { severity: 'warning', title: (s) => `${s} has no accepted shares` },
  'pool-gap': { severity: 'warning', title: (s) => `Pool ${s} reports less than the rigs` },
  'network-stale': { severity: 'warning', title: () => 'Network data is stale' },
  'price-stale': { severity: 'warning', title: () => 'BTC price is stale' },
};

/** Severity and title of an alert of `rule` about `subjectName`. */
export function describeAlert(rule: RuleKind, subjectName: string): { severity: Severity; title: string } {
  const t = TEXT[rule];
  return { severity: t.severity, title: t.title(subjectName) };
}
