/** How each rule reads to people: severity and a one-line title naming the subject (from its descriptor). Pure. */
import { ruleDescriptor, type RuleKind } from './rules/descriptors';
import type { Severity } from './rules/rule';

export type { Severity } from './rules/rule';

/** Severity and title of an alert of `rule` about `subjectName`. */
export function describeAlert(rule: RuleKind, subjectName: string): { severity: Severity; title: string } {
  const d = ruleDescriptor(rule);
  return { severity: d.severity, title: d.title(subjectName) };
}
