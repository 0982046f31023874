import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { tempDb } from '../../support/temp';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migrateDb', () => {
  it('creates every table in a real file with WAL and foreign keys on', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const tables = t.db.sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'alert_channels',
      'alert_deliveries',
      'alert_overrides',
      'alert_requests',
      'alert_states',
      'alerts',
      'api_tokens',
      'app_settings',
      'changes',
      'device_requests',
      'economics',
      'pools',
      'push_subscriptions',
      'realized_cursors',
      'realized_rig_days',
      'realized_site_days',
      'realized_site_hours',
      'rig_economics',
      'rig_events',
      'rig_maintenance',
      'rig_profit',
      'rig_status',
      'rigs',
      'rollup_packs',
      'rollups',
      'samples',
      'sessions',
      'sign_in_attempts',
      'sites',
      'source_state',
      'sweeps',
      'unrecognised_devices',
      'users',
    ]);
    expect(t.db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('is idempotent and keeps stored rows when run again', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    t.db.sqlite.prepare("insert into sites (name, created_at_ms) values ('kept', 1)").run();
    t.db.close();
    const again = openDb(t.path);
    migrateDb(again);
    expect(again.sqlite.prepare('select name from sites').pluck().all()).toEqual(['kept']);
    again.close();
  });

  it('refuses a rig that names a missing site', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    expect(() =>
      t.db.sqlite
        .prepare(
          "insert into rigs (name, site_id, address, port, driver, created_at_ms) values ('x', 99, '127.0.0.1', 4028, 'antminer', 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
