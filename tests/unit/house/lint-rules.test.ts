/**
 * The lint rules that carry house rules fire: a process.env read outside the config module, and a floating
 * promise. Linted with the project's eslint.config.js in a scratch folder with its own small tsconfig, so the
 * type-aware rule sees a program of one file instead of loading the whole project (a minute on two cores).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../../eslint.config.js', import.meta.url));

let dir = '';
let eslint: ESLint;

/** Writes `code` at `path` in the scratch folder and returns the rule ids ESLint reports, one per finding. */
async function ruleIds(path: string, code: string): Promise<(string | null)[]> {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, code);
  const [result] = await eslint.lintFiles([file]);
  return result.messages.map((m) => m.ruleId);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hashwatt-lint-'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2023'], types: [] }, include: ['**/*.ts'] }),
  );
  eslint = new ESLint({ cwd: dir, overrideConfigFile: CONFIG });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('house lint rules', () => {
  it('reports a process.env read in lib/ and lets NODE_ENV and NEXT_RUNTIME (inlined by Next) through', async () => {
    const code = [
      'declare const process: { env: Record<string, string | undefined> };',
      'export const mode = process.env.NODE_ENV;',
      "export const node = process.env.NEXT_RUNTIME === 'nodejs';",
      '',
    ].join('\n');
    expect(await ruleIds('lib/env-ok.ts', code)).toEqual([]);
    const reads = [
      'declare const process: { env: Record<string, string | undefined> };',
      'export const port = process.env.FOO;',
      "export const host = process.env['BAR'];",
      'export const all = process.env;',
      '',
    ].join('\n');
    expect(await ruleIds('lib/env-read.ts', reads)).toEqual(['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('lets the one config module read process.env', async () => {
    const code = ['declare const process: { env: Record<string, string | undefined> };', 'export const port = process.env.FOO;', ''].join(
      '\n',
    );
    expect(await ruleIds('lib/config/env.ts', code)).toEqual([]);
  });

  it('reports a floating promise and accepts an awaited or voided one', async () => {
    const floating = ['async function tick(): Promise<void> {}', 'export function run(): void {', '  tick();', '}', ''].join('\n');
    expect(await ruleIds('lib/floating.ts', floating)).toEqual(['@typescript-eslint/no-floating-promises']);
    const handled = [
      'async function tick(): Promise<void> {}',
      'export async function run(): Promise<void> {',
      '  await tick();',
      '  void tick(); // fire and forget, on purpose',
      '}',
      '',
    ].join('\n');
    expect(await ruleIds('lib/handled.ts', handled)).toEqual([]);
  });
});
