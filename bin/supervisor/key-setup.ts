/**
 * The secret key at start, before anything can store a secret: HASHWATT_SECRET_KEY, else `<db>.key`,
 * created 0600 on the first start of a database that has no sealed secrets. A database whose secrets are
 * sealed but whose key is gone is refused (a new key would make them unreadable for good), and so is a
 * key that does not open its check value. Then any secret an earlier version stored in plain text is sealed.
 */
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db/client';
import { sealPlainSecrets } from '../../lib/db/mutations/seal-secrets';
import { hasSealedSecrets, unlockSecrets } from '../../lib/db/secret-key-check';
import { createKeyFile, findSecretKey, keyFilePath } from '../../lib/secrets/key-file';
import { CliError } from '../cli/cli-error';

/** Loads (or creates) the key, unlocks `db` with it and seals plain-text secrets; returns the lines to print. */
export function prepareSecretKey(db: Db, config: Pick<Config, 'secretKey' | 'dbPath'>, nowMs: number): string[] {
  const lines: string[] = [];
  const path = keyFilePath(config.dbPath);
  let loaded = findSecretKey(config.secretKey, config.dbPath);
  if (!loaded) {
    if (hasSealedSecrets(db)) {
      throw new CliError(
        `the database's secrets are sealed, but its key is missing: ${path} does not exist and HASHWATT_SECRET_KEY is not set. ` +
          `Restore ${path} from the backup made with the database (or set HASHWATT_SECRET_KEY to that key). ` +
          'No new key is made: it would leave every stored secret unreadable',
        1,
      );
    }
    const made = createKeyFile(path);
    loaded = { key: made.key, from: path };
    if (made.created)
      lines.push(
        `created the secret key ${path} (0600), which seals pool keys, channel tokens and passwords in the database: back it up with the database`,
      );
  }
  unlockSecrets(db, loaded, nowMs);
  const sealed = sealPlainSecrets(db);
  if (sealed > 0) lines.push(`sealed ${sealed} secret(s) that an earlier version stored in plain text, with the key from ${loaded.from}`);
  return lines;
}
