/** The pool kinds the settings screen offers (lib/domain/pool-kinds.ts) and the adapters that read them stay one list. */
import { describe, expect, it } from 'vitest';
import { POOL_ADAPTERS, poolAdapter } from '../../../collectors/sources/pools';
import { POOL_KIND_NAMES, POOL_KINDS } from '../../../lib/domain/pool-kinds';

describe('pool kinds and adapters', () => {
  it('lists exactly the adapters, with their default API and credential keys', () => {
    const fromAdapters = Object.values(POOL_ADAPTERS).map((a) => [a.kind, a.defaultBaseUrl, [...a.credentialKeys]]);
    const fromTable = Object.entries(POOL_KINDS).map(([kind, k]) => [kind, k.defaultBaseUrl, k.credentials.map((c) => c.key)]);
    expect(fromTable.sort()).toEqual(fromAdapters.sort());
  });

  it('keys each adapter by the kind it serves, one adapter per kind', () => {
    expect(Object.keys(POOL_ADAPTERS)).toEqual(POOL_KIND_NAMES);
    for (const kind of POOL_KIND_NAMES) expect(poolAdapter(kind)?.kind).toBe(kind);
    const adapters = Object.values(POOL_ADAPTERS);
    expect(new Set(adapters).size).toBe(adapters.length);
  });
});
