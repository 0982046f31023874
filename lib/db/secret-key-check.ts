/**
 * Binds a key to its database. The first key to unlock a database seals a known text into app_settings
 * 'secret-key-check'; every later unlock must open it again, so a wrong key is refused before it seals
 * anything with itself (a mix of two keys would leave some secrets unreadable whichever key is restored).
 */
import { eq, sql } from 'drizzle-orm';
import { findSecretKey, keyFilePath, type LoadedKey } from '../secrets/key-file';
import { createSecretBox, isSealed, SEALED_PREFIX, type SecretBox } from '../secrets/secret-box';
import type { Db } from './client';
import { appSettings } from './schema';
import { writeTransaction } from './transactions';

/** app_settings key of the check value. */
export const SECRET_CHECK_KEY = 'secret-key-check';
/** What the check value holds, sealed. */
const CHECK_TEXT = 'hashwatt secret key check v1';

/** A key that does not open what this database's secrets were sealed with. */
export class WrongSecretKeyError extends Error {}

function readCheck(db: Db): string | null {
  const row = db.orm.select({ valueJson: appSettings.valueJson }).from(appSettings).where(eq(appSettings.key, SECRET_CHECK_KEY)).get();
  if (!row) return null;
  try {
    const check = (JSON.parse(row.valueJson) as { check?: unknown }).check;
    return typeof check === 'string' ? check : '';
  } catch {
    return '';
  }
}

function firstSealedString(value: unknown): string | null {
  if (isSealed(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  for (const v of Object.values(value)) {
    const found = firstSealedString(v);
    if (found) return found;
  }
  return null;
}

/** One sealed secret stored in the database, with where it is, or null when none is sealed. */
export function findSealedSecret(db: Db): { where: string; value: string } | null {
  const like = `%"${SEALED_PREFIX}%`;
  const places = [
    { where: 'alert_channels', query: sql`select config_json as json from alert_channels where config_json like ${like} limit 1` },
    { where: 'pools', query: sql`select credentials_json as json from pools where credentials_json like ${like} limit 1` },
    {
      where: 'app_settings',
      query: sql`select value_json as json from app_settings where key != ${SECRET_CHECK_KEY} and value_json like ${like} limit 1`,
    },
  ];
  for (const place of places) {
    const row = db.orm.get<{ json: string } | undefined>(place.query);
    if (!row) continue;
    try {
      const value = firstSealedString(JSON.parse(row.json));
      if (value) return { where: place.where, value };
    } catch {
      // not JSON: not a document this release wrote
    }
  }
  return null;
}

/** True when the database shows that secrets were sealed in it (a check value, or a sealed secret). */
export function hasSealedSecrets(db: Db): boolean {
  return readCheck(db) !== null || findSealedSecret(db) !== null;
}

function opens(box: SecretBox, sealed: string, expected?: string): boolean {
  try {
    const plain = box.open(sealed);
    return expected === undefined || plain === expected;
  } catch {
    return false;
  }
}

function wrongKey(from: string, db: Db, what: string): WrongSecretKeyError {
  return new WrongSecretKeyError(
    `the secret key from ${from} is not the one this database's secrets were sealed with (${what} does not open with it): ` +
      `restore the key saved with this database (${keyFilePath(db.path)} from its backup, or the HASHWATT_SECRET_KEY it ran with); no secret was read or changed with it`,
  );
}

/**
 * Checks `loaded` against the database's check value (writing one when there is none yet and no sealed
 * secret says otherwise) and then lets the database seal and open secrets with it. Throws WrongSecretKeyError.
 */
export function unlockSecrets(db: Db, loaded: LoadedKey, nowMs: number): void {
  const box = createSecretBox(loaded.key);
  let check = readCheck(db);
  if (check === null) {
    // No check value yet: a sealed secret (its check value deleted by hand) still tells a wrong key.
    const sealed = findSealedSecret(db);
    if (sealed && !opens(box, sealed.value)) throw wrongKey(loaded.from, db, `a sealed secret in ${sealed.where}`);
    writeTransaction(db, () => {
      const valueJson = JSON.stringify({ check: box.seal(CHECK_TEXT), createdAtMs: nowMs });
      db.orm.insert(appSettings).values({ key: SECRET_CHECK_KEY, valueJson, updatedAtMs: nowMs }).onConflictDoNothing().run();
    });
    check = readCheck(db); // another process may have written its own first
  }
  if (check === null || !opens(box, check, CHECK_TEXT))
    throw wrongKey(loaded.from, db, `the check value in app_settings '${SECRET_CHECK_KEY}'`);
  db.secrets = box;
}

/**
 * The collector's and the web server's unlock: the configured key (HASHWATT_SECRET_KEY, else the key file
 * `hashwatt start` created). Without either the database stays locked and `log` says what that means;
 * a wrong key throws WrongSecretKeyError.
 */
export function unlockWithConfiguredKey(
  db: Db,
  config: { secretKey: Buffer | null; dbPath: string },
  nowMs: number,
  log: (line: string) => void,
): void {
  const loaded = findSecretKey(config.secretKey, config.dbPath);
  if (!loaded) {
    log(
      `no secret key (HASHWATT_SECRET_KEY is not set and ${keyFilePath(config.dbPath)} does not exist): stored secrets can be neither read nor saved, ` +
        'so pools, channels and Web Push that need them fail until it is restored (`hashwatt start` creates it for a new database)',
    );
    return;
  }
  unlockSecrets(db, loaded, nowMs);
}
