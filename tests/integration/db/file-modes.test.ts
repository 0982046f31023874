/**
 * The database's files are its owner's alone: the folder Hashwatt creates is 0700, the database, its
 * -wal and -shm, a backup and its record, the key file and the simulator manifest are 0600, whatever the
 * umask of the process that opens them; files an earlier version left readable by others are narrowed at
 * start, in one line.
 */
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeManifest } from '../../../collectors/simulator/simulator';
import { openDb } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { narrowDatabaseFiles } from '../../../bin/supervisor/private-files';
import { runHashwatt } from '../../support/run-cli';
import { tempDir } from '../../support/temp';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let t: ReturnType<typeof tempDir>;
let umaskBefore: number;
beforeEach(() => {
  t = tempDir();
  // The usual umask of a shell: without explicit modes these files would come out 0644 in a 0755 folder.
  umaskBefore = process.umask(0o022);
});
afterEach(() => {
  process.umask(umaskBefore);
  t.cleanup();
});

describe('file modes', () => {
  it('a new database: its folder 0700, the file, its WAL and its shared-memory index 0600', () => {
    const path = `${t.dir}/data/nested/hashwatt.db`;
    const db = openDb(path);
    try {
      migrateDb(db);
      db.sqlite.prepare("insert into app_settings (key, value_json, updated_at_ms) values ('x', '{}', 1)").run();
      expect(modeOf(`${t.dir}/data`)).toBe(0o700);
      expect(modeOf(`${t.dir}/data/nested`)).toBe(0o700);
      for (const f of [path, `${path}-wal`, `${path}-shm`]) expect([f, modeOf(f)]).toEqual([f, 0o600]);
    } finally {
      db.close();
    }
  });

  it('a backup and its record are 0600, and the backup says which key to keep with it', async () => {
    const path = `${t.dir}/hashwatt.db`;
    const db = openDb(path);
    migrateDb(db);
    db.close();
    const dest = `${t.dir}/monday.db`;
    const run = await runHashwatt(['backup', dest], { HASHWATT_DB: path, HASHWATT_SECRET_KEY: '' });
    expect(run.code, run.stderr).toBe(0);
    expect(modeOf(dest)).toBe(0o600);
    expect(modeOf(`${path}.last-backup.json`)).toBe(0o600);
    expect(run.stdout).toContain(
      `backup: its pool keys, channel tokens and passwords are sealed with ${path}.key: keep a copy of that key with the backup`,
    );
    // Over an existing copy (--force), the new copy is 0600 too.
    chmodSync(dest, 0o644);
    expect((await runHashwatt(['backup', dest, '--force'], { HASHWATT_DB: path })).code).toBe(0);
    expect(modeOf(dest)).toBe(0o600);
  });

  it('the simulator manifest is 0600', async () => {
    const manifest = `${t.dir}/sim/hashwatt.db.simulator-manifest.json`;
    await writeManifest(manifest, { rigs: [] } as unknown as Parameters<typeof writeManifest>[1]);
    expect(modeOf(manifest)).toBe(0o600);
    expect(modeOf(`${t.dir}/sim`)).toBe(0o700);
  });

  it('files an earlier version left readable by others are narrowed at start, in one line; an open folder is named, not changed', () => {
    const folder = `${t.dir}/old`;
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const path = `${folder}/hashwatt.db`;
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}.key`, `${path}.simulator-manifest.json`]) {
      writeFileSync(f, '');
      chmodSync(f, 0o644);
    }
    chmodSync(`${path}-shm`, 0o664);
    const line = narrowDatabaseFiles(path, `${path}.simulator-manifest.json`);
    expect(line).toBe(
      `file modes: made ${path} (was 0644), ${path}-wal (was 0644), ${path}-shm (was 0664), ${path}.key (was 0644), ${path}.simulator-manifest.json (was 0644) readable by its owner only; ` +
        `the folder ${folder} is 0755: others can list it (not read the files); \`chmod 700 ${folder}\` closes it`,
    );
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}.key`]) expect([f, modeOf(f)]).toEqual([f, 0o600]);
    expect(modeOf(folder)).toBe(0o755);
    chmodSync(folder, 0o700);
    expect(narrowDatabaseFiles(path, `${path}.simulator-manifest.json`)).toBeNull();
  });
});
