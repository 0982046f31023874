/**
 * The alert rules are one list of descriptors (lib/alerts/rules/descriptors.ts) and one list of evaluations
 * (lib/alerts/rules/index.ts): each descriptor has exactly one evaluation and each evaluation a listed
 * descriptor; the names, labels, scopes, severities, titles and defaults are those operators know (written
 * out here, not read from the code); the list loads nothing but zod and the rule modules.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from '../../../lib/alerts/rules';
import { RULE_DESCRIPTORS, RULE_KINDS, ruleDescriptor } from '../../../lib/alerts/rules/descriptors';
import { DEFAULT_THRESHOLDS } from '../../../lib/alerts/thresholds';
import { RULE_SCOPE } from '../../../lib/alerts/types';
import { reachableModules } from '../../support/import-graph';

const ROOT = join(__dirname, '../../..');
const MIN = 60_000;

// name, label, scope, severity, title of "S19-07", defaults
const EXPECTED = [
  [
    'unprofitable-rig',
    'Rig losing money',
    'rig',
    'warning',
    'S19-07 is losing money',
    { enabled: true, forMs: 15 * MIN, clearForMs: 5 * MIN, marginPerKwh: 0, clearBandPerKwh: 0.002 },
  ],
  [
    'unprofitable-site',
    'Site losing money',
    'site',
    'critical',
    'Site S19-07 is losing money',
    { enabled: true, forMs: 15 * MIN, clearForMs: 5 * MIN, marginPerKwh: 0, clearBandPerKwh: 0.002 },
  ],
  ['offline', 'Rig offline', 'rig', 'critical', 'S19-07 is offline', { enabled: true, forMs: 0, clearForMs: 2 * MIN }],
  [
    'stale',
    'Rig data stale',
    'rig',
    'warning',
    'S19-07 has stopped reporting fresh data',
    { enabled: true, forMs: 2 * MIN, clearForMs: MIN },
  ],
  [
    'hashrate-low',
    'Hash rate low',
    'rig',
    'warning',
    'S19-07 hash rate is low',
    { enabled: true, forMs: 10 * MIN, clearForMs: 5 * MIN, belowPct: 80 },
  ],
  [
    'temp-high',
    'Temperature high',
    'rig',
    'critical',
    'S19-07 is running hot',
    { enabled: true, forMs: 2 * MIN, clearForMs: 5 * MIN, maxC: 85, clearBandC: 3 },
  ],
  ['fan-stopped', 'Fan stopped', 'rig', 'critical', 'S19-07 has a stopped fan', { enabled: true, forMs: MIN, clearForMs: 2 * MIN }],
  [
    'board-missing',
    'Hash board missing',
    'rig',
    'warning',
    'S19-07 is missing a hash board',
    { enabled: true, forMs: 5 * MIN, clearForMs: 5 * MIN, expectedBoards: null },
  ],
  ['pool-dead', 'No working pool', 'rig', 'critical', 'S19-07 has no working pool', { enabled: true, forMs: 2 * MIN, clearForMs: 2 * MIN }],
  [
    'no-shares',
    'No accepted shares',
    'rig',
    'warning',
    'S19-07 has no accepted shares',
    { enabled: true, forMs: 0, clearForMs: 2 * MIN, afterMs: 15 * MIN },
  ],
  [
    'pool-gap',
    'Pool reports less than rigs',
    'pool',
    'warning',
    'Pool S19-07 reports less than the rigs',
    { enabled: true, forMs: 15 * MIN, clearForMs: 15 * MIN, gapPct: 10 },
  ],
  [
    'network-stale',
    'Network data stale',
    'fleet',
    'warning',
    'Network data is stale',
    { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MIN },
  ],
  [
    'price-stale',
    'BTC price stale',
    'fleet',
    'warning',
    'BTC price is stale',
    { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MIN },
  ],
] as const;

describe('alert rule descriptors and evaluations', () => {
  it('gives every descriptor exactly one evaluation, and every evaluation a listed descriptor', () => {
    for (const d of RULE_DESCRIPTORS)
      expect(
        ALERT_RULES.filter((r) => r.descriptor.name === d.name),
        `evaluations of ${d.name}`,
      ).toHaveLength(1);
    for (const r of ALERT_RULES)
      expect(
        RULE_DESCRIPTORS.some((d) => d === r.descriptor),
        `descriptor of ${r.descriptor.name} is listed`,
      ).toBe(true);
    expect(ALERT_RULES).toHaveLength(RULE_DESCRIPTORS.length);
  });

  it('keeps every rule name, label, scope, severity, title and default', () => {
    expect(RULE_DESCRIPTORS.map((d) => [d.name, d.label, d.scope, d.severity, d.title('S19-07'), d.defaults])).toEqual(EXPECTED);
    expect([...RULE_KINDS]).toEqual(EXPECTED.map((e) => e[0]));
    for (const [name, , scope, , , defaults] of EXPECTED) {
      expect(RULE_SCOPE[name]).toBe(scope);
      expect(DEFAULT_THRESHOLDS[name]).toEqual(defaults);
    }
  });

  it('describes each rule for people, and its defaults pass its own schema with one form field per limit', () => {
    for (const d of RULE_DESCRIPTORS) {
      expect(d.description.length, d.name).toBeGreaterThan(0);
      expect(d.thresholds.safeParse(d.defaults).success, d.name).toBe(true);
      const limits = Object.keys(d.thresholds.shape).filter((k) => !['enabled', 'forMs', 'clearForMs'].includes(k));
      expect(
        d.limits.map((f) => f.key),
        d.name,
      ).toEqual(limits);
    }
    expect(ruleDescriptor('constructor')).toBeNull();
  });

  it('loads nothing but zod and pure alert modules', () => {
    const { files, packages } = reachableModules(join(ROOT, 'lib/alerts/rules/descriptors.ts'), ROOT);
    expect(packages).toEqual(['zod']);
    for (const file of files) expect(file).toMatch(/^lib\/(alerts\/rules\/|util\/zod-browser\.ts$)/);
  });
});
