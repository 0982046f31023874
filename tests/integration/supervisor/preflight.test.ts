/** The start-up checks on real files and sockets: the evidence of a lost database, and the listen address. */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../../bin/cli/open-migrated-db';
import { databaseEvidence } from '../../../bin/supervisor/db-evidence';
import { checkDatabase, checkListenAddress } from '../../../bin/supervisor/preflight';
import { freePort } from '../../support/system';
import { tempDir } from '../../support/temp';

let t: ReturnType<typeof tempDir>;
let db: string;
let manifest: string;
beforeEach(() => {
  t = tempDir('hashwatt-preflight-');
  db = join(t.dir, 'hashwatt.db');
  manifest = `${db}.simulator-manifest.json`;
});
afterEach(() => t.cleanup());

describe('evidence of a database that existed', () => {
  it('finds none for a first start, and each kind of leftover by its file', () => {
    expect(databaseEvidence(db, manifest)).toEqual([]);
    expect(checkDatabase(db, manifest, false, 1)).toEqual([]);
    for (const f of [`${db}-wal`, `${db}-shm`, manifest, `${db}.key`]) writeFileSync(f, '');
    writeFileSync(`${db}.last-backup.json`, JSON.stringify({ file: '/backups/monday.db', atMs: Date.UTC(2025, 0, 6), bytes: 1 }));
    expect(databaseEvidence(db, manifest).map((e) => e.what)).toEqual([
      'its write-ahead log (-wal)',
      'its shared-memory index (-shm)',
      'the demo simulator manifest written beside it',
      'a record of its backup to /backups/monday.db on 2025-01-06T00:00:00.000Z (restore that copy)',
      'its key file',
    ]);
  });

  it('refuses to begin an empty database, naming the evidence; --new-database moves old -wal/-shm aside', () => {
    writeFileSync(manifest, '{}');
    writeFileSync(`${db}-wal`, 'old log');
    expect(() => checkDatabase(db, manifest, false, 1)).toThrow(
      `no database at ${db}, but one existed there: its write-ahead log (-wal) (${db}-wal); the demo simulator manifest written beside it (${manifest}). Restore it`,
    );
    expect(checkDatabase(db, manifest, true, 42)).toEqual([
      `--new-database: starting an empty database at ${db} (found its write-ahead log (-wal) (${db}-wal); the demo simulator manifest written beside it (${manifest}))`,
      `--new-database: moved the old ${db}-wal aside to ${db}-wal.orphaned-42`,
    ]);
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(existsSync(`${db}-wal.orphaned-42`)).toBe(true);
  });

  it('no other command quietly begins the empty database start would refuse', () => {
    writeFileSync(manifest, '{}');
    const saved = { db: process.env.HASHWATT_DB, manifest: process.env.HASHWATT_SIM_MANIFEST };
    process.env.HASHWATT_DB = db;
    delete process.env.HASHWATT_SIM_MANIFEST;
    try {
      expect(() => openMigratedDb()).toThrow(
        `no database at ${db}, but one existed there: the demo simulator manifest written beside it (${manifest})`,
      );
      expect(existsSync(db)).toBe(false);
    } finally {
      for (const [key, value] of [
        ['HASHWATT_DB', saved.db],
        ['HASHWATT_SIM_MANIFEST', saved.manifest],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('--new-database never replaces an existing database', () => {
    writeFileSync(db, '');
    expect(checkDatabase(db, manifest, false, 1)).toEqual([]);
    expect(() => checkDatabase(db, manifest, true, 1)).toThrow(
      `--new-database: a database exists at ${db}; it never replaces one (move it away first)`,
    );
  });
});

describe('the listen address', () => {
  it('passes a free port, and names a taken one and an address this machine does not have', async () => {
    const port = await freePort();
    await checkListenAddress(null, port);
    await checkListenAddress('127.0.0.1', port);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      await expect(checkListenAddress('127.0.0.1', port)).rejects.toThrow(
        `port ${port} on 127.0.0.1 is in use (another hashwatt?): set PORT or stop it`,
      );
      await expect(checkListenAddress(null, port)).rejects.toThrow(
        `port ${port} on 0.0.0.0 is in use (another hashwatt?): set PORT or stop it`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    await expect(checkListenAddress('192.0.2.77', port)).rejects.toThrow('HASHWATT_HOST=192.0.2.77 is not an address of this machine');
  });
});
