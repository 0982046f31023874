/** Configured pool accounts. */
import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { pools } from '../schema';

/** Every configured pool, by id. */
export function listPools(db: Db) {
  return db.orm.select().from(pools).orderBy(asc(pools.id)).all();
}
