/** Rule "unprofitable-rig": a rig's profit per kWh below the margin (./unprofitable.ts). Pure. */
import { defineRule, type RuleDescriptor, type RuleVerdict } from './rule';
import { UNPROFITABLE_DEFAULTS, UNPROFITABLE_LIMITS, unprofitableSchema, unprofitableVerdict } from './unprofitable';

/** The rule, described. */
export const unprofitableRigDescriptor = {
  name: 'unprofitable-rig',
  label: 'Rig losing money',
  scope: 'rig',
  severity: 'warning',
  title: (s: string) => `${s} is losing money`,
  description: "A rig's profit per kWh stays below the margin: its power costs more than it earns.",
  thresholds: unprofitableSchema,
  defaults: UNPROFITABLE_DEFAULTS,
  limits: UNPROFITABLE_LIMITS,
} as const satisfies RuleDescriptor<'unprofitable-rig', typeof unprofitableSchema>;

/** The rule: every rig with a profit per kWh. */
export const unprofitableRigRule = defineRule(unprofitableRigDescriptor, (ctx) =>
  ctx.input.rigs.flatMap((rig): RuleVerdict[] => {
    const t = ctx.rig(rig);
    const v = t.enabled ? unprofitableVerdict(ctx.input.rigEconomics[rig.id], t) : null;
    return v ? [{ subjectId: rig.id, siteId: rig.siteId, ...v }] : [];
  }),
);
