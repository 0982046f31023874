/** The `hashwatt` command as an operator runs it: help, migrate, backup, and one-line errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/client';
import { tempDir } from '../../support/temp';

const BIN = fileURLToPath(new URL('../../../bin/hashwatt.mjs', import.meta.url));
let dir: ReturnType<typeof tempDir>;
afterEach(() => dir?.cleanup());

function hashwatt(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('hashwatt command line', () => {
  it('lists its commands with --help', () => {
    const res = hashwatt(['--help']);
    expect(res.code).toBe(0);
    for (const command of ['start', 'migrate', 'simulate', 'backup', 'demo']) expect(res.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(hashwatt(['backup', '--help']).stdout).toMatch(/Usage: hashwatt backup <file>/);
    expect(hashwatt(['demo', '--help']).stdout).toMatch(/^Usage: hashwatt demo remove\n {2}Removes the demo rigs with their history/);
    expect(hashwatt(['start', '--help']).stdout).toMatch(/--new-database {2}begin an empty database where a missing one left evidence/);
  });

  it.each([
    [['frobnicate'], /^hashwatt: unknown command "frobnicate"; run `hashwatt --help` for the list\n$/],
    [['simulate', '--miners', 'lots'], /^hashwatt simulate: --miners "lots" is not a whole number from 1 to 5000\n$/],
    [['simulate', '--subnet', '10.0.0'], /^hashwatt simulate: --subnet "10.0.0" must be the first three octets of a loopback address/],
    [['migrate', '--bogus'], /^hashwatt migrate: Unknown option '--bogus'/],
    [['backup'], /^hashwatt backup: backup needs exactly one destination file/],
    [['demo'], /^hashwatt demo: say what to do: hashwatt demo remove\n$/],
    [['demo', 'purge'], /^hashwatt demo: unknown demo command "purge"; try: hashwatt demo remove\n$/],
  ])('refuses %j with one line on stderr and exit code 2, no stack trace', (args, message) => {
    const res = hashwatt(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a malformed environment variable by name', () => {
    const res = hashwatt(['migrate'], { HASHWATT_POLL_INTERVAL_S: 'soon' });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('hashwatt migrate: HASHWATT_POLL_INTERVAL_S="soon" is not a whole number from 1 to 3600\n');
  });

  it('migrates a new database and backs it up with the online backup API', () => {
    dir = tempDir();
    const env = { HASHWATT_DB: join(dir.dir, 'live.db') };
    expect(hashwatt(['migrate'], env).code).toBe(0);
    const live = openDb(env.HASHWATT_DB);
    live.sqlite.prepare("insert into sites (name, created_at_ms) values ('North', 1)").run();
    // The live connection stays open (as the collector's would) while the backup runs.
    const dest = join(dir.dir, 'copy.db');
    const res = hashwatt(['backup', dest], env);
    live.close();
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^backup: .*live\.db -> .*copy\.db \(\d+ bytes\)/);
    const copy = openDb(dest, { readonly: true });
    expect(copy.sqlite.prepare('select name from sites').pluck().all()).toEqual(['North']);
    copy.close();
    // The record a start that finds the database gone will name.
    expect(JSON.parse(readFileSync(`${env.HASHWATT_DB}.last-backup.json`, 'utf8'))).toEqual({
      file: dest,
      atMs: expect.any(Number),
      bytes: expect.any(Number),
    });
  });

  it('will not overwrite an existing backup file without --force', () => {
    dir = tempDir();
    const env = { HASHWATT_DB: join(dir.dir, 'live.db') };
    hashwatt(['migrate'], env);
    const dest = join(dir.dir, 'exists.db');
    writeFileSync(dest, 'precious');
    const res = hashwatt(['backup', dest], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/exists\.db already exists; pass --force to overwrite it/);
    expect(hashwatt(['backup', dest, '--force'], env).code).toBe(0);
    expect(existsSync(dest)).toBe(true);
  });

  it('says clearly when there is no database to back up', () => {
    dir = tempDir();
    const res = hashwatt(['backup', join(dir.dir, 'b.db')], { HASHWATT_DB: join(dir.dir, 'missing.db') });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^hashwatt backup: no database at .*missing\.db \(set HASHWATT_DB\)\n$/);
  });
});
