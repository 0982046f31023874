/** Configured pool accounts. */
import { asc, eq } from 'drizzle-orm';
import type { PoolConfig } from '../../domain/pool-config';
import { redactPool } from '../../settings/pool-input';
import type { Db } from '../client';
import { pools } from '../schema';
import { openPoolCredentialsJson } from '../secret-fields';
import { listSourceStates, type SourceStateView } from './sources-settings';

type PoolRow = typeof pools.$inferSelect;
const opened = (db: Db, row: PoolRow): PoolRow => ({ ...row, credentialsJson: openPoolCredentialsJson(db, row.kind, row.credentialsJson) });

/** Every configured pool, by id, secrets opened. */
export function listPools(db: Db): PoolRow[] {
  return db.orm
    .select()
    .from(pools)
    .orderBy(asc(pools.id))
    .all()
    .map((row) => opened(db, row));
}

/** A pool account as the settings screen and the pools API show it: secrets redacted, with its last fetch. */
export interface PoolView extends PoolConfig {
  id: number;
  state: SourceStateView | null;
}

/** The stored pool as a PoolConfig (secrets in clear), or null for an unknown id. */
export function getPoolConfig(db: Db, id: number): PoolConfig | null {
  const stored = db.orm.select().from(pools).where(eq(pools.id, id)).get();
  if (!stored) return null;
  const row = opened(db, stored);
  let credentials: Record<string, string> = {};
  try {
    const parsed = JSON.parse(row.credentialsJson) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      credentials = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    // A hand-edited row: shown with no credentials, and the form asks for them again.
  }
  return { name: row.name, kind: row.kind, baseUrl: row.baseUrl, credentials, feePct: row.feePct, matchUrl: row.matchUrl };
}

/** Every pool with its secrets redacted and its source state, by id. */
export function listPoolViews(db: Db): PoolView[] {
  const states = new Map(listSourceStates(db).map((s) => [s.key, s]));
  return listPools(db).map((p) => ({ id: p.id, ...redactPool(getPoolConfig(db, p.id)!), state: states.get(`pool:${p.id}`) ?? null }));
}
