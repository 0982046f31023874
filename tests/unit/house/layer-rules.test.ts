/**
 * The layer rules can fail: a throwaway tree with one planted violation of each rule (.dependency-cruiser.cjs
 * and the folder-cycle rules of bin/check-layers.ts) is checked with the repository's own rules, and each
 * offending import is reported under its rule's name; a tree that keeps the layering reports nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLayers, type LayerViolation } from '../../../bin/check-layers';
import { tempDir } from '../../../lib/util/temp-dir';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Files of a tree that keeps every rule: each layer imports only what sits below it. */
const CLEAN: Record<string, string> = {
  // zod stands in for an npm package without I/O: the rules look at paths, not at what the package does.
  'node_modules/zod/package.json': '{ "name": "zod", "main": "index.js" }',
  'node_modules/zod/index.js': 'module.exports = { z: {} };',
  'lib/domain/reading.ts': "import { z } from 'zod';\nexport const readingSchema = z;\nexport type Reading = { hashrateThs: number };",
  'lib/util/zod-browser.ts': "import { z } from 'zod';\nexport { z };",
  'lib/domain/pool-kinds.ts': "import { z } from '../util/zod-browser';\nexport const poolConfig = z;",
  'lib/domain/fleet.ts': "import type { Reading } from './reading';\nexport const total = (r: Reading[]) => r.length;",
  'lib/util/describe-value.ts': 'export const describeValue = (v: unknown) => String(v);',
  'lib/economics/rig.ts':
    "import type { Reading } from '../domain/reading';\nimport { describeValue } from '../util/describe-value';\nexport const rev = (r: Reading) => describeValue(r);",
  'lib/alerts/rules.ts': "import { rev } from '../economics/rig';\nexport const rule = rev;",
  'lib/db/client.ts': "import { readFileSync } from 'node:fs';\nexport const open = () => readFileSync;",
  // A subfolder importing its parent folder stays inside one unit (lib/db): no folder cycle.
  'lib/db/mutations/write.ts':
    "import { open } from '../client';\nimport { total } from '../../domain/fleet';\nexport const write = () => [open, total];",
  'lib/db/queries/read.ts': "import { open } from '../client';\nexport const read = open;",
  'lib/realtime/tailer.ts':
    "import { read } from '../db/queries/read';\nimport { rule } from '../alerts/rules';\nexport const tail = [read, rule];",
  'collectors/drivers/cgminer.ts': "import { write } from '../../lib/db/mutations/write';\nexport const poll = write;",
  'collectors/sweep.ts': "import { poll } from './drivers/cgminer';\nexport const sweep = poll;",
  'app/page.tsx': "import { tail } from '../lib/realtime/tailer';\nexport default function Page() { return String(tail); }",
  'server.ts': "import { tail } from './lib/realtime/tailer';\nexport const start = tail;",
};

/** One planted violation per rule: the files that break it and the import that must be reported. */
const PLANTED: { rule: string; files: Record<string, string>; from: string; to: string }[] = [
  {
    rule: 'lib-imports-no-entry-or-app',
    files: { 'lib/format/driver-label.ts': "import { poll } from '../../collectors/drivers/cgminer';\nexport const label = poll;" },
    from: 'lib/format/driver-label.ts',
    to: 'collectors/drivers/cgminer.ts',
  },
  {
    rule: 'app-imports-no-collectors',
    files: { 'app/api/rigs/drivers.ts': "import { poll } from '../../../collectors/drivers/cgminer';\nexport const drivers = [poll];" },
    from: 'app/api/rigs/drivers.ts',
    to: 'collectors/drivers/cgminer.ts',
  },
  {
    rule: 'collectors-imports-no-app-or-entry',
    files: { 'collectors/page-links.ts': "import Page from '../app/page';\nexport const link = Page;" },
    from: 'collectors/page-links.ts',
    to: 'app/page.tsx',
  },
  {
    rule: 'domain-imports-only-domain',
    files: { 'lib/domain/network.ts': "import { describeValue } from '../util/describe-value';\nexport const net = describeValue;" },
    from: 'lib/domain/network.ts',
    to: 'lib/util/describe-value.ts',
  },
  {
    rule: 'economics-alerts-no-io',
    files: { 'lib/alerts/webhook.ts': "import { request } from 'node:http';\nexport const send = request;" },
    from: 'lib/alerts/webhook.ts',
    to: 'http',
  },
  {
    // Allowed directly (lib/util), but the helper reads a file: the chain reaches I/O.
    rule: 'economics-alerts-reach-no-io',
    files: {
      'lib/util/read-capped.ts': "import { readFileSync } from 'node:fs';\nexport const readCapped = readFileSync;",
      'lib/economics/tariff-file.ts': "import { readCapped } from '../util/read-capped';\nexport const tariff = readCapped;",
    },
    from: 'lib/economics/tariff-file.ts',
    to: 'fs',
  },
  {
    // One side imports a type only: still a cycle.
    rule: 'no-file-cycle',
    files: {
      'lib/format/units.ts': "import type { Money } from './money';\nexport type Units = Money | 'ths';",
      'lib/format/money.ts': "import type { Units } from './units';\nexport type Money = 'usd' | Extract<Units, 'ths'>;",
    },
    from: 'lib/format/money.ts',
    to: 'lib/format/units.ts',
  },
  {
    rule: 'no-unresolvable',
    files: { 'lib/format/typo.ts': "import { gone } from './no-such-file';\nexport const typo = gone;" },
    from: 'lib/format/typo.ts',
    to: './no-such-file',
  },
  {
    // No file cycle: lib/db/mutations -> lib/realtime and lib/realtime -> lib/db/queries, one cycle of folders.
    rule: 'no-lib-folder-cycle',
    files: { 'lib/db/mutations/notify-live.ts': "import { tail } from '../../realtime/tailer';\nexport const notifyLive = tail;" },
    from: 'lib/db/mutations/notify-live.ts',
    to: 'lib/realtime/tailer.ts',
  },
  {
    rule: 'no-collectors-folder-cycle',
    files: {
      'collectors/gpu-agent/agent.ts': "import { poll } from '../drivers/cgminer';\nexport const agent = poll;",
      'collectors/drivers/gpu.ts': "import { agent } from '../gpu-agent/agent';\nexport const gpu = agent;",
    },
    from: 'collectors/drivers/gpu.ts',
    to: 'collectors/gpu-agent/agent.ts',
  },
];

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const ROOTS = ['lib', 'app', 'collectors', 'bin', 'server.ts', 'instrumentation.ts'];

describe('layer rules', () => {
  let clean: { dir: string; cleanup: () => void };
  let broken: { dir: string; cleanup: () => void };
  let found: LayerViolation[];

  beforeAll(async () => {
    clean = tempDir();
    writeTree(clean.dir, CLEAN);
    broken = tempDir();
    writeTree(broken.dir, CLEAN);
    for (const planted of PLANTED) writeTree(broken.dir, planted.files);
    found = await checkLayers({ baseDir: broken.dir, roots: ROOTS });
  }, 60_000);

  afterAll(() => {
    clean?.cleanup();
    broken?.cleanup();
  });

  it('reports nothing for a tree that keeps the layering (bin/ and instrumentation.ts absent are fine)', async () => {
    expect(await checkLayers({ baseDir: clean.dir, roots: ROOTS })).toEqual([]);
  });

  it.each(PLANTED.map((planted) => [planted.rule, planted] as const))('reports a planted %s violation', (_rule, planted) => {
    expect(found).toContainEqual(expect.objectContaining({ rule: planted.rule, from: planted.from, to: planted.to }));
  });

  it('reports only the planted imports (and the other side of each planted folder cycle)', () => {
    const expected = [
      ...PLANTED.map(({ rule, from, to }) => `${rule}: ${from} -> ${to}`),
      // A direct I/O import is also a chain of length one.
      'economics-alerts-reach-no-io: lib/alerts/webhook.ts -> http',
      'no-lib-folder-cycle: lib/realtime/tailer.ts -> lib/db/queries/read.ts',
      'no-collectors-folder-cycle: collectors/gpu-agent/agent.ts -> collectors/drivers/cgminer.ts',
    ];
    expect(new Set(found.map(({ rule, from, to }) => `${rule}: ${from} -> ${to}`))).toEqual(new Set(expected));
  });

  it('npm run deps prints each offending import with its rule and fails; passes on the clean tree', () => {
    const script = join(REPO, 'bin/check-layers.ts');
    // tsx by file URL: the throwaway tree has no node_modules/tsx for a bare name to resolve to.
    const tsx = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
    const run = (cwd: string) => spawnSync(process.execPath, ['--import', tsx, script], { cwd, encoding: 'utf8', timeout: 60_000 });
    const failing = run(broken.dir);
    expect(failing.status).toBe(1);
    for (const { rule, from, to } of PLANTED) expect(failing.stdout).toContain(`${rule}: ${from} -> ${to}`);
    const passing = run(clean.dir);
    expect(passing.stderr).toBe('');
    expect(passing.status).toBe(0);
    expect(passing.stdout).toContain('layer rules: no violations');
  }, 120_000);
});
