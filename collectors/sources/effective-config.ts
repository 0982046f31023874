/**
 * Which source settings apply to a refresh: the document stored from the settings screen when there is
 * a valid one, else the environment's. Read before every refresh, so a change applies at the next one.
 */
import type { Db } from '../../lib/db/client';
import { getStoredSourcesSettings } from '../../lib/db/queries/sources-settings';
import { describeError } from './http';
import type { EnvCookie } from '../../lib/settings/sources-settings';
import type { SourcesConfig } from './config';

/**
 * The settings for this refresh; `log` hears why a stored document is not used (once per distinct reason
 * is the caller's choice). A stored document may name a bitcoind cookie file only as `envCookie` does.
 */
export function effectiveSourcesConfig(
  db: Db,
  envConfig: SourcesConfig,
  log: (line: string) => void,
  envCookie: EnvCookie = null,
): SourcesConfig {
  try {
    const stored = getStoredSourcesSettings(db, envCookie);
    if (stored.error) log(`sources: ${stored.error}; using the environment's settings`);
    return stored.settings ?? envConfig;
  } catch (err) {
    log(`sources: cannot read the stored source settings (${describeError(err)}); using the environment's settings`);
    return envConfig;
  }
}
