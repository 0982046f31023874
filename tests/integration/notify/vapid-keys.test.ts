// VAPID keys: the Web Push signing pair, generated once per database and shared by every process that opens it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../lib/db/client';
import { getOrCreateVapidKeys, VAPID_KEYS_KEY } from '../../../lib/db/mutations/vapid-keys';
import { appSettings } from '../../../lib/db/schema';
import { openTestDb, tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
let db: Db;

beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('VAPID keys', () => {
  it('are generated once and reused by a second connection and after reopening the file', () => {
    const first = getOrCreateVapidKeys(db, 1);
    const other = openTestDb(t.path);
    try {
      expect(getOrCreateVapidKeys(other, 2)).toEqual(first);
    } finally {
      other.close();
    }
    db.close();
    const reopened = openTestDb(t.path);
    try {
      expect(getOrCreateVapidKeys(reopened, 3)).toEqual(first);
      expect(
        reopened.orm
          .select()
          .from(appSettings)
          .all()
          .filter((r) => r.key === VAPID_KEYS_KEY),
      ).toHaveLength(1);
    } finally {
      reopened.close();
    }
    db = t.db = openTestDb(t.path);
  });

  it('a damaged stored pair is reported, never silently replaced', () => {
    db.orm.insert(appSettings).values({ key: VAPID_KEYS_KEY, valueJson: '{"publicKey":"x","privateKey":"y"}', updatedAtMs: 1 }).run();
    expect(() => getOrCreateVapidKeys(db, 2)).toThrow(
      "app_settings 'vapid-keys' is not a valid P-256 key pair; delete that row to generate a new one (every device must then subscribe again)",
    );
  });
});
