/** Reads stored source values with their provenance and age. */
import { eq } from 'drizzle-orm';
import type { Sourced } from '../../domain/network';
import type { Db } from '../client';
import { sourceState } from '../schema';

/** The stored value of `key` (null value when never fetched successfully). */
export function getSourced<T>(db: Db, key: string): Sourced<T> {
  const row = db.orm.select().from(sourceState).where(eq(sourceState.key, key)).get();
  return {
    value: row?.payloadJson ? (JSON.parse(row.payloadJson) as T) : null,
    source: row?.source ?? 'none',
    fetchedAtMs: row?.fetchedAtMs ?? null,
    attemptedAtMs: row?.attemptedAtMs ?? null,
    lastError: row?.lastError ?? null,
  };
}
