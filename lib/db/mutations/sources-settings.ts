/** Stores or clears the network/price source settings document; the change row tells open screens. */
import { eq } from 'drizzle-orm';
import { parseSourcesSettings, SOURCES_SETTINGS_KEY, type SourcesSettings } from '../../settings/sources-settings';
import type { Db } from '../client';
import { appSettings } from '../schema';
import { logChange } from './change-log';
import { sealSettingsDoc } from '../secret-fields';
import { writeTransaction } from '../transactions';

function noteChange(db: Db, nowMs: number, what: string): void {
  logChange(db, { tsMs: nowMs, kind: 'source', payload: { what } });
}

/** Stores the settings (validated again, so nothing unvalidated reaches the row). */
export function setSourcesSettings(db: Db, settings: SourcesSettings, nowMs: number): void {
  // The route checked the cookie rule against the environment; this re-checks the shape.
  const parsed = parseSourcesSettings(settings, null, 'unchecked');
  if (!parsed.ok) throw new RangeError(`invalid source settings: ${parsed.error.join('; ')}`);
  // The bitcoind password is sealed with the database's key.
  const valueJson = sealSettingsDoc(db, SOURCES_SETTINGS_KEY, parsed.value as unknown as Record<string, unknown>);
  writeTransaction(db, () => {
    db.orm
      .insert(appSettings)
      .values({ key: SOURCES_SETTINGS_KEY, valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run();
    noteChange(db, nowMs, 'source settings saved');
  });
}

/** Removes the stored settings, so the environment's apply again; false when none was stored. */
export function clearSourcesSettings(db: Db, nowMs: number): boolean {
  return writeTransaction(db, () => {
    const { changes: n } = db.orm.delete(appSettings).where(eq(appSettings.key, SOURCES_SETTINGS_KEY)).run();
    if (n > 0) noteChange(db, nowMs, 'source settings cleared');
    return n > 0;
  });
}
