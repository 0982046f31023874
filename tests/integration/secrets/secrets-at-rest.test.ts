/**
 * Secrets at rest in a real SQLite file: every secret Hashwatt stores (channel tokens and URLs, the SMTP
 * password, pool keys, the bitcoind password, the VAPID private key) is sealed in the file, its WAL and
 * its backups, and read back in clear only through lib/db with the key; a wrong or missing key is refused
 * at start without changing anything; a database an earlier version wrote in plain text is sealed on the
 * first start, once.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enabledChannels } from '../../../collectors/notify-loop';
import { openDb } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { createPool } from '../../../lib/db/mutations/pools';
import { setSourcesSettings } from '../../../lib/db/mutations/sources-settings';
import { getOrCreateVapidKeys } from '../../../lib/db/mutations/vapid-keys';
import { getChannelRow, listChannelViews } from '../../../lib/db/queries/alert-channels';
import { getPoolConfig } from '../../../lib/db/queries/pools';
import { getStoredSourcesSettings } from '../../../lib/db/queries/sources-settings';
import { SecretsLockedError } from '../../../lib/db/secret-fields';
import { WrongSecretKeyError } from '../../../lib/db/secret-key-check';
import { parseChannelConfig, type ChannelConfig } from '../../../lib/notify';
import { generateVapidKeys } from '../../../lib/notify/webpush/vapid';
import { createSecretBox, generateSecretKey } from '../../../lib/secrets/secret-box';
import type { SourcesSettings } from '../../../lib/settings/sources-settings';
import { prepareSecretKey } from '../../../bin/supervisor/key-setup';
import { createOnceLog } from '../../../lib/util/once-log';
import { openTestDb, tempDb } from '../../support/temp';

/** Every secret, each a text that appears nowhere else. */
const SECRETS = {
  webhook: 'webhook-signing-secret-7f3a91',
  ntfy: 'tk_ntfyaccesstoken5b82c4',
  telegram: '123456:ABCtelegrambottoken9d1e',
  slack: 'https://hooks.slack.com/services/T0/B0/slackhooksecret4c7e',
  smtp: 'smtp-password-2e6f0b',
  braiins: 'braiins-pool-token-8a4d17',
  antpoolKey: 'antpool-api-key-61c0f3',
  antpoolSecret: 'antpool-api-secret-a9e2d5',
  bitcoind: 'bitcoind-rpc-password-33b7aa',
};

const channel = (input: unknown): ChannelConfig => {
  const parsed = parseChannelConfig(input);
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
};

const SOURCES: SourcesSettings = {
  networkSource: 'bitcoind',
  mempoolBaseUrl: null,
  bitcoind: { url: 'http://127.0.0.1:8332/', user: 'rpc', password: SECRETS.bitcoind, cookiePath: null, feeBlocks: 144 },
  fixedBtcPrice: 60_000,
  currency: 'USD',
  intervalS: 60,
  timeoutMs: 5000,
};

/** Stores one of every secret through lib/db; returns the VAPID private key it generated. */
function storeEverySecret(db: ReturnType<typeof tempDb>['db']): string {
  createChannelRow(db, 'hook', true, channel({ kind: 'webhook', url: 'https://ops.example/hook', secret: SECRETS.webhook }), 1);
  createChannelRow(db, 'ntfy', true, channel({ kind: 'ntfy', topic: 'rigs', token: SECRETS.ntfy }), 1);
  createChannelRow(db, 'tg', true, channel({ kind: 'telegram', botToken: SECRETS.telegram, chatId: '-100' }), 1);
  createChannelRow(db, 'slack', true, channel({ kind: 'slack', webhookUrl: SECRETS.slack }), 1);
  createChannelRow(
    db,
    'mail',
    true,
    channel({
      kind: 'email',
      host: 'smtp.example.com',
      auth: { user: 'ops', pass: SECRETS.smtp },
      from: 'a@example.com',
      to: ['b@example.com'],
    }),
    1,
  );
  expect(
    createPool(
      db,
      {
        name: 'braiins',
        kind: 'braiins',
        baseUrl: 'https://pool.braiins.com',
        credentials: { token: SECRETS.braiins },
        feePct: 2,
        matchUrl: 'braiins',
      },
      1,
    ).ok,
  ).toBe(true);
  expect(
    createPool(
      db,
      {
        name: 'ant',
        kind: 'antpool',
        baseUrl: 'https://antpool.com',
        credentials: { userId: 'miner7', apiKey: SECRETS.antpoolKey, apiSecret: SECRETS.antpoolSecret },
        feePct: 2,
        matchUrl: 'antpool',
      },
      1,
    ).ok,
  ).toBe(true);
  setSourcesSettings(db, SOURCES, 1);
  return getOrCreateVapidKeys(db, 1).privateKey;
}

/** The bytes of the database file and, when present, its WAL, as Latin-1 text to search. */
const fileBytes = (path: string) =>
  [path, `${path}-wal`]
    .filter(existsSync)
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n');

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('secrets in the database file', () => {
  it('are found nowhere in the file or its WAL, nor in a backup, and read back in clear through lib/db', async () => {
    const vapidPrivate = storeEverySecret(t.db);
    const backup = `${t.dir}/backup.db`;
    await t.db.sqlite.backup(backup);
    for (const bytes of [fileBytes(t.path), fileBytes(backup)]) {
      for (const secret of [...Object.values(SECRETS), vapidPrivate]) expect(bytes.includes(secret), secret).toBe(false);
      expect(bytes).toContain('enc:v1:');
      expect(bytes).toContain('smtp.example.com'); // what is not secret stays readable
    }
    // Callers above lib/db see plain values.
    const rows = Object.fromEntries(listChannelViews(t.db).map((c) => [c.name, JSON.parse(getChannelRow(t.db, c.id)!.configJson)]));
    expect(rows.hook.secret).toBe(SECRETS.webhook);
    expect(rows.mail.auth.pass).toBe(SECRETS.smtp);
    expect(rows.slack.webhookUrl).toBe(SECRETS.slack);
    expect(getPoolConfig(t.db, 2)?.credentials).toEqual({ userId: 'miner7', apiKey: SECRETS.antpoolKey, apiSecret: SECRETS.antpoolSecret });
    expect(getStoredSourcesSettings(t.db).settings?.bitcoind?.password).toBe(SECRETS.bitcoind);
    expect(getOrCreateVapidKeys(t.db, 2).privateKey).toBe(vapidPrivate);
    // The API's view stays redacted.
    expect(JSON.stringify(listChannelViews(t.db))).not.toContain(SECRETS.webhook);
  });

  it('cannot be read with another key: the values stay sealed and their readers say why', () => {
    storeEverySecret(t.db);
    t.db.close();
    const other = openDb(t.path);
    other.secrets = createSecretBox(generateSecretKey()); // as if the check were skipped
    try {
      const hook = JSON.parse(getChannelRow(other, 1)!.configJson) as { secret: string };
      expect(hook.secret).toMatch(/^enc:v1:/);
      expect(getPoolConfig(other, 1)?.credentials.token).toMatch(/^enc:v1:/);
      expect(getStoredSourcesSettings(other).error).toMatch(
        /^the stored source settings cannot be used: its bitcoind\.password is sealed with a key this installation does not have/,
      );
      expect(() => getOrCreateVapidKeys(other, 3)).toThrow(/^app_settings 'vapid-keys': its privateKey is sealed with a key/);
      const logged: string[] = [];
      const channels = enabledChannels(
        other,
        createOnceLog((line) => logged.push(line)),
      );
      expect(channels.size).toBe(0);
      expect(logged.join('\n')).toMatch(
        /channel "hook": has an invalid stored config, skipped: its secret is sealed with a key this installation does not have/,
      );
    } finally {
      other.close();
    }
  });

  it('a connection without a key stores no secret at all', () => {
    const locked = openDb(t.path);
    try {
      expect(() =>
        createChannelRow(locked, 'x', true, channel({ kind: 'webhook', url: 'https://x.example/h', secret: 'sixteen-chars-or-more' }), 1),
      ).toThrow(SecretsLockedError);
      expect(locked.sqlite.prepare('select count(*) as n from alert_channels').get()).toEqual({ n: 0 });
    } finally {
      locked.close();
    }
  });
});

describe('the key at start', () => {
  const config = (path: string, secretKey: Buffer | null = null) => ({ dbPath: path, secretKey });

  it('a wrong key (HASHWATT_SECRET_KEY or a replaced key file) is refused, naming what to restore, and nothing changes', () => {
    storeEverySecret(t.db);
    const before = t.db.sqlite.prepare('select key, value_json from app_settings order by key').all();
    expect(() => prepareSecretKey(t.db, config(t.path, generateSecretKey()), 2)).toThrow(WrongSecretKeyError);
    expect(() => prepareSecretKey(t.db, config(t.path, generateSecretKey()), 2)).toThrow(
      `the secret key from HASHWATT_SECRET_KEY is not the one this database's secrets were sealed with (the check value in app_settings 'secret-key-check' does not open with it): restore the key saved with this database (${t.path}.key from its backup, or the HASHWATT_SECRET_KEY it ran with); no secret was read or changed with it`,
    );
    const original = readFileSync(`${t.path}.key`);
    writeFileSync(`${t.path}.key`, `${generateSecretKey().toString('base64')}\n`);
    expect(() => prepareSecretKey(t.db, config(t.path), 2)).toThrow(`the secret key from ${t.path}.key is not the one`);
    expect(t.db.sqlite.prepare('select key, value_json from app_settings order by key').all()).toEqual(before);
    writeFileSync(`${t.path}.key`, original);
    expect(prepareSecretKey(t.db, config(t.path), 2)).toEqual([]);
  });

  it('the right key given as HASHWATT_SECRET_KEY opens it too', () => {
    storeEverySecret(t.db);
    const key = Buffer.from(readFileSync(`${t.path}.key`, 'utf8').trim(), 'base64');
    rmSync(`${t.path}.key`);
    t.db.close();
    const db = openDb(t.path);
    try {
      expect(prepareSecretKey(db, config(t.path, key), 2)).toEqual([]);
      expect(existsSync(`${t.path}.key`)).toBe(false);
      expect(getPoolConfig(db, 1)?.credentials.token).toBe(SECRETS.braiins);
    } finally {
      db.close();
    }
  });

  it('a missing key file is never replaced by a new key over sealed secrets: the start is refused, saying how to restore it', () => {
    storeEverySecret(t.db);
    rmSync(`${t.path}.key`);
    expect(() => prepareSecretKey(t.db, config(t.path), 2)).toThrow(
      `the database's secrets are sealed, but its key is missing: ${t.path}.key does not exist and HASHWATT_SECRET_KEY is not set. Restore ${t.path}.key from the backup made with the database (or set HASHWATT_SECRET_KEY to that key). No new key is made: it would leave every stored secret unreadable`,
    );
    expect(existsSync(`${t.path}.key`)).toBe(false);
  });

  it('a check value deleted by hand still tells a wrong key by a sealed secret', () => {
    storeEverySecret(t.db);
    t.db.sqlite.prepare("delete from app_settings where key = 'secret-key-check'").run();
    expect(() => prepareSecretKey(t.db, config(t.path, generateSecretKey()), 2)).toThrow(
      /\(a sealed secret in alert_channels does not open with it\)/,
    );
  });

  it('the first start creates the key file 0600 and says to back it up', () => {
    const path = `${t.dir}/fresh.db`;
    const db = openDb(path);
    try {
      migrateDb(db);
      expect(prepareSecretKey(db, config(path), 1)).toEqual([
        `created the secret key ${path}.key (0600), which seals pool keys, channel tokens and passwords in the database: back it up with the database`,
      ]);
      expect(statSync(`${path}.key`).mode & 0o777).toBe(0o600);
      expect(readFileSync(`${path}.key`, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
      expect(prepareSecretKey(db, config(path), 2)).toEqual([]); // a second start reuses it
    } finally {
      db.close();
    }
  });
});

describe('upgrading a database an earlier version wrote in plain text', () => {
  it('seals every secret on the first start, once, and the app reads them as before', () => {
    const path = `${t.dir}/old.db`;
    const old = openDb(path);
    migrateDb(old);
    // Rows exactly as the previous release wrote them.
    const insertChannel = old.sqlite.prepare(
      'insert into alert_channels (name, enabled, config_json, created_at_ms, updated_at_ms) values (?, 1, ?, 1, 1)',
    );
    insertChannel.run(
      'hook',
      JSON.stringify({ kind: 'webhook', url: 'https://ops.example/hook', secret: SECRETS.webhook, timeoutMs: 10000 }),
    );
    insertChannel.run(
      'mail',
      JSON.stringify({
        kind: 'email',
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        requireTls: false,
        auth: { user: 'ops', pass: SECRETS.smtp },
        from: 'a@example.com',
        to: ['b@example.com'],
        timeoutMs: 10000,
      }),
    );
    old.sqlite
      .prepare(
        "insert into pools (name, kind, base_url, credentials_json, fee_pct, match_url, created_at_ms) values ('ant', 'antpool', 'https://antpool.com', ?, 2, 'antpool', 1)",
      )
      .run(JSON.stringify({ userId: 'miner7', apiKey: SECRETS.antpoolKey, apiSecret: SECRETS.antpoolSecret }));
    old.sqlite.prepare("insert into app_settings (key, value_json, updated_at_ms) values ('sources', ?, 1)").run(JSON.stringify(SOURCES));
    const vapid = generateVapidKeys();
    old.sqlite.prepare("insert into app_settings (key, value_json, updated_at_ms) values ('vapid-keys', ?, 1)").run(JSON.stringify(vapid));
    const plainVapid = vapid.privateKey;
    old.close();
    expect(fileBytes(path)).toContain(SECRETS.smtp);
    expect(existsSync(`${path}.key`)).toBe(false);

    const db = openDb(path);
    try {
      const lines = prepareSecretKey(db, config(path), 2);
      expect(lines).toHaveLength(2); // the key file created, then: a webhook secret, an SMTP password, two AntPool keys, the bitcoind password, the VAPID key
      expect(lines[1]).toBe(`sealed 6 secret(s) that an earlier version stored in plain text, with the key from ${path}.key`);
      expect(prepareSecretKey(db, config(path), 3)).toEqual([]); // idempotent: nothing left to seal
      // Not left behind in the file's free space or in the WAL either.
      for (const secret of [SECRETS.webhook, SECRETS.smtp, SECRETS.antpoolKey, SECRETS.antpoolSecret, SECRETS.bitcoind, plainVapid])
        expect(fileBytes(path).includes(secret), secret).toBe(false);
      expect(JSON.parse(getChannelRow(db, 2)!.configJson).auth.pass).toBe(SECRETS.smtp);
      expect(getPoolConfig(db, 1)?.credentials.apiSecret).toBe(SECRETS.antpoolSecret);
      expect(getStoredSourcesSettings(db).settings?.bitcoind?.password).toBe(SECRETS.bitcoind);
      expect(getOrCreateVapidKeys(db, 4).privateKey).toBe(plainVapid);
    } finally {
      db.close();
    }
  });

  function config(path: string) {
    return { dbPath: path, secretKey: null };
  }
});

describe('another process', () => {
  it('opens the same secrets with the key file the start created (as the collector and the web server do)', () => {
    storeEverySecret(t.db);
    const other = openTestDb(t.path);
    try {
      expect(getPoolConfig(other, 1)?.credentials.token).toBe(SECRETS.braiins);
    } finally {
      other.close();
    }
  });
});
