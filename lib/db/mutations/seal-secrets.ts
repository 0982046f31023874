/**
 * The upgrade step: secrets stored in plain text by releases before they were sealed are sealed where
 * they lie, in one transaction, on the first start with a key. Idempotent: a sealed value stays as it is.
 */
import { eq } from 'drizzle-orm';
import { isSealed } from '../../secrets/secret-box';
import type { Db } from '../client';
import { alertChannels, appSettings, pools } from '../schema';
import {
  channelSecretPaths,
  parseObject,
  poolSecretKeys,
  sealChannelConfig,
  sealPoolCredentials,
  sealSettingsDoc,
  SETTINGS_SECRET_PATHS,
} from '../secret-fields';
import { writeTransaction } from '../transactions';

type Obj = Record<string, unknown>;

/** How many strings at `paths` of `doc` are not sealed yet. */
function plainCount(doc: Obj, paths: readonly string[]): number {
  let n = 0;
  for (const path of paths) {
    let at: unknown = doc;
    for (const part of path.split('.')) at = typeof at === 'object' && at !== null ? (at as Obj)[part] : undefined;
    if (typeof at === 'string' && !isSealed(at)) n++;
  }
  return n;
}

/**
 * Seals every secret still stored in plain text; returns how many it sealed. Needs an unlocked database.
 * The plain text is overwritten, not just unlinked (secure_delete for these writes), and the WAL that
 * held it is emptied, so no copy is left in the file's free space.
 */
export function sealPlainSecrets(db: Db): number {
  const before = db.sqlite.pragma('secure_delete', { simple: true }) as number;
  db.sqlite.pragma('secure_delete = ON');
  try {
    const sealed = sealInPlace(db);
    if (sealed > 0) db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return sealed;
  } finally {
    db.sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

function sealInPlace(db: Db): number {
  return writeTransaction(db, () => {
    let sealed = 0;
    for (const row of db.orm.select({ id: alertChannels.id, configJson: alertChannels.configJson }).from(alertChannels).all()) {
      const doc = parseObject(row.configJson);
      const n = doc ? plainCount(doc, channelSecretPaths(doc)) : 0;
      if (n === 0 || !doc) continue;
      db.orm
        .update(alertChannels)
        .set({ configJson: sealChannelConfig(db, doc) })
        .where(eq(alertChannels.id, row.id))
        .run();
      sealed += n;
    }
    for (const row of db.orm.select({ id: pools.id, kind: pools.kind, credentialsJson: pools.credentialsJson }).from(pools).all()) {
      const doc = parseObject(row.credentialsJson);
      const n = doc ? plainCount(doc, poolSecretKeys(row.kind, doc)) : 0;
      if (n === 0 || !doc) continue;
      db.orm
        .update(pools)
        .set({ credentialsJson: sealPoolCredentials(db, row.kind, doc) })
        .where(eq(pools.id, row.id))
        .run();
      sealed += n;
    }
    for (const [key, paths] of Object.entries(SETTINGS_SECRET_PATHS)) {
      const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, key)).get();
      const doc = row ? parseObject(row.valueJson) : null;
      const n = doc ? plainCount(doc, paths) : 0;
      if (n === 0 || !doc) continue;
      db.orm
        .update(appSettings)
        .set({ valueJson: sealSettingsDoc(db, key, doc) })
        .where(eq(appSettings.key, key))
        .run();
      sealed += n;
    }
    return sealed;
  });
}
