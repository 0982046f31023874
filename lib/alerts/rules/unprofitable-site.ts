/** Rule "unprofitable-site": a site's profit per kWh below the margin (./unprofitable.ts). Pure. */
import { defineRule, type RuleDescriptor, type RuleVerdict } from './rule';
import { UNPROFITABLE_DEFAULTS, UNPROFITABLE_LIMITS, unprofitableSchema, unprofitableVerdict } from './unprofitable';

/** The rule, described. */
export const unprofitableSiteDescriptor = {
  name: 'unprofitable-site',
  label: 'Site losing money',
  scope: 'site',
  severity: 'critical',
  title: (s: string) => `Site ${s} is losing money`,
  description: "A whole site's profit per kWh stays below the margin.",
  thresholds: unprofitableSchema,
  defaults: UNPROFITABLE_DEFAULTS,
  limits: UNPROFITABLE_LIMITS,
} as const satisfies RuleDescriptor<'unprofitable-site', typeof unprofitableSchema>;

/** The rule: every site with a profit per kWh. */
export const unprofitableSiteRule = defineRule(unprofitableSiteDescriptor, (ctx) =>
  Object.entries(ctx.input.siteEconomics).flatMap(([id, economics]): RuleVerdict[] => {
    const siteId = Number(id);
    const t = ctx.site(siteId);
    const v = t.enabled ? unprofitableVerdict(economics, t) : null;
    return v ? [{ subjectId: siteId, siteId, ...v }] : [];
  }),
);
