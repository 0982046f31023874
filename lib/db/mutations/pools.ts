/**
 * Adding, changing and removing pool accounts from the settings screen (the demo's pool is upserted by
 * name at start: upsert-pools.ts). Each write and its change row commit in one transaction; the sources
 * loop reads the table before every refresh.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { PoolConfig } from '../../domain/pool-config';
import { ok, type Result } from '../../util/result';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import { pools, sourceState } from '../schema';
import { logChange } from './change-log';
import { openPoolCredentialsJson, sealPoolCredentials } from '../secret-fields';
import { writeTransaction } from '../transactions';

/** How a pool write ended: the pool's id, or why it was refused ('not-found', 'conflict'). */
export type PoolWrite = Result<number, Refusal>;

function nameTaken(db: Db, name: string, exceptId: number | null): boolean {
  const where = exceptId === null ? eq(pools.name, name) : and(eq(pools.name, name), ne(pools.id, exceptId));
  return db.orm.select({ id: pools.id }).from(pools).where(where).get() !== undefined;
}

function values(db: Db, p: PoolConfig) {
  return {
    name: p.name,
    kind: p.kind,
    baseUrl: p.baseUrl,
    credentialsJson: sealPoolCredentials(db, p.kind, p.credentials),
    feePct: p.feePct,
    matchUrl: p.matchUrl,
  };
}

function noteChange(db: Db, nowMs: number, what: string): void {
  logChange(db, { tsMs: nowMs, kind: 'site-settings', payload: { what } });
}

const taken = (name: string): PoolWrite => refuse('conflict', `a pool named ${JSON.stringify(name)} already exists`);
const missing = (id: number): PoolWrite => refuse('not-found', `no pool with id ${id}`);

/** Adds a pool account (validated); refuses a name already in use. */
export function createPool(db: Db, pool: PoolConfig, nowMs: number): PoolWrite {
  return writeTransaction(db, (): PoolWrite => {
    if (nameTaken(db, pool.name, null)) return taken(pool.name);
    const row = db.orm
      .insert(pools)
      .values({ ...values(db, pool), createdAtMs: nowMs })
      .returning({ id: pools.id })
      .get();
    noteChange(db, nowMs, 'pool added');
    return ok(row.id);
  });
}

/** Replaces a pool account's settings (validated); a changed kind or endpoint forgets the last fetch. */
export function updatePool(db: Db, id: number, pool: PoolConfig, nowMs: number): PoolWrite {
  return writeTransaction(db, (): PoolWrite => {
    const before = db.orm.select().from(pools).where(eq(pools.id, id)).get();
    if (!before) return missing(id);
    if (nameTaken(db, pool.name, id)) return taken(pool.name);
    db.orm.update(pools).set(values(db, pool)).where(eq(pools.id, id)).run();
    // Another account's figures must not be shown as this one's.
    const credentialsBefore = openPoolCredentialsJson(db, before.kind, before.credentialsJson);
    if (before.kind !== pool.kind || before.baseUrl !== pool.baseUrl || credentialsBefore !== JSON.stringify(pool.credentials)) {
      db.orm
        .delete(sourceState)
        .where(eq(sourceState.key, `pool:${id}`))
        .run();
    }
    noteChange(db, nowMs, 'pool changed');
    return ok(id);
  });
}

/** Removes a pool account and its last fetched state. */
export function deletePool(db: Db, id: number, nowMs: number): PoolWrite {
  return writeTransaction(db, (): PoolWrite => {
    const { changes: n } = db.orm.delete(pools).where(eq(pools.id, id)).run();
    if (n === 0) return missing(id);
    db.orm
      .delete(sourceState)
      .where(eq(sourceState.key, `pool:${id}`))
      .run();
    noteChange(db, nowMs, 'pool removed');
    return ok(id);
  });
}
