/**
 * The VAPID key pair of this installation: generated once, on first need, by whichever process (web or
 * collector) asks first, and kept in app_settings. Two processes racing both INSERT OR IGNORE their own
 * pair and then read back the one row that won, so every push is signed with the key browsers subscribed with.
 */
import { eq } from 'drizzle-orm';
import { generateVapidKeys, isVapidKeys, type VapidKeys } from '../../notify/webpush/vapid';
import { isSealed } from '../../secrets/secret-box';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { openSettingsJson, sealSettingsDoc, unreadableSecretText } from '../secret-fields';

export const VAPID_KEYS_KEY = 'vapid-keys';

/** The stored pair, created when there is none. Throws when the stored row is damaged (never replaced silently). */
export function getOrCreateVapidKeys(db: Db, nowMs: number): VapidKeys {
  const read = () => db.orm.select().from(appSettings).where(eq(appSettings.key, VAPID_KEYS_KEY)).get();
  let row = read();
  if (!row) {
    // The private key is sealed with the database's key.
    const valueJson = sealSettingsDoc(db, VAPID_KEYS_KEY, { ...generateVapidKeys() });
    db.orm.insert(appSettings).values({ key: VAPID_KEYS_KEY, valueJson, updatedAtMs: nowMs }).onConflictDoNothing().run();
    row = read()!;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(openSettingsJson(db, VAPID_KEYS_KEY, row.valueJson));
  } catch {
    parsed = null;
  }
  if (isSealed((parsed as { privateKey?: unknown } | null)?.privateKey)) {
    throw new Error(`app_settings '${VAPID_KEYS_KEY}': ${unreadableSecretText('privateKey')}`);
  }
  if (!isVapidKeys(parsed)) {
    throw new Error(
      `app_settings '${VAPID_KEYS_KEY}' is not a valid P-256 key pair; delete that row to generate a new one (every device must then subscribe again)`,
    );
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}
