/**
 * `hashwatt start` as a process against a database whose secrets are sealed: a wrong key, or a key file
 * gone, stops the start in one line before anything runs or changes (no collector, no web server, no new
 * key); the right key starts.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { parseChannelConfig } from '../../../lib/notify';
import { generateSecretKey } from '../../../lib/secrets/secret-box';
import { runHashwatt } from '../../support/run-cli';
import { freePort } from '../../support/system';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
let env: Record<string, string>;
beforeEach(async () => {
  t = tempDb(); // migrated, with its key file, as a first start leaves it
  const parsed = parseChannelConfig({ kind: 'webhook', url: 'https://ops.example/hook', secret: 'a-webhook-secret-of-some-length' });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  createChannelRow(t.db, 'ops', true, parsed.value, 1);
  t.db.close();
  env = { HASHWATT_DB: t.path, PORT: String(await freePort()), HASHWATT_HOST: '127.0.0.1', HASHWATT_DEMO: '0', HASHWATT_SECRET_KEY: '' };
});
afterEach(() => t.cleanup());

describe('hashwatt start and the secret key', { timeout: 60_000 }, () => {
  it("refuses a HASHWATT_SECRET_KEY that is not the database's key, before starting anything", async () => {
    const run = await runHashwatt(['start'], { ...env, HASHWATT_SECRET_KEY: generateSecretKey().toString('hex') }, 40_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `hashwatt start: the secret key from HASHWATT_SECRET_KEY is not the one this database's secrets were sealed with (the check value in app_settings 'secret-key-check' does not open with it): restore the key saved with this database (${t.path}.key from its backup, or the HASHWATT_SECRET_KEY it ran with); no secret was read or changed with it\n`,
    );
    expect(run.stdout).not.toMatch(/starting the (collector|web server)/);
  });

  it('refuses a malformed HASHWATT_SECRET_KEY by name, without echoing it', async () => {
    const run = await runHashwatt(['start'], { ...env, HASHWATT_SECRET_KEY: 'not-a-key-hunter2' }, 40_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hashwatt start: HASHWATT_SECRET_KEY is not a key: give 32 bytes as 64 hex digits or as base64/);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('refuses a database whose key file is gone, and makes no new key', async () => {
    const key = readFileSync(`${t.path}.key`, 'utf8');
    rmSync(`${t.path}.key`);
    const run = await runHashwatt(['start'], env, 40_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^hashwatt start: the database's secrets are sealed, but its key is missing: ${t.path}\\.key does not exist`),
    );
    expect(run.stderr).toContain(`Restore ${t.path}.key from the backup made with the database`);
    expect(existsSync(`${t.path}.key`)).toBe(false);
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
  });
});
