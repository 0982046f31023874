/**
 * Requests from the web process to the collector (acknowledge, snooze, test send): the web app records
 * them, the collector handles them in order and writes the outcome back.
 */
import { asc, eq } from 'drizzle-orm';
import type { AlertRequestView } from '../../views/alert-contracts';
import type { Db } from '../client';
import { alertRequests, type AlertRequestRow } from '../schema';

export type AlertRequest =
  | { kind: 'ack'; alertId: string; by: string }
  | { kind: 'snooze'; alertId: string; untilMs: number | null }
  | { kind: 'test'; channelId: number };

export function toRequestView(row: AlertRequestRow): AlertRequestView {
  return {
    id: row.id,
    kind: row.kind as AlertRequestView['kind'],
    status: row.status as AlertRequestView['status'],
    createdAtMs: row.createdAtMs,
    handledAtMs: row.handledAtMs,
    error: row.error,
  };
}

/** Records a request for the collector; returns it as the API shows it. */
export function recordAlertRequest(db: Db, request: AlertRequest, nowMs: number): AlertRequestView {
  const { kind, ...payload } = request;
  const row = db.orm
    .insert(alertRequests)
    .values({ kind, payloadJson: JSON.stringify(payload), createdAtMs: nowMs })
    .returning()
    .get();
  return toRequestView(row);
}

export function getAlertRequest(db: Db, id: number): AlertRequestView | null {
  return getAlertRequestWithPayload(db, id)?.view ?? null;
}

/** The request as the API shows it with what it asked for (whose alert, which channel), or null. */
export function getAlertRequestWithPayload(db: Db, id: number): { view: AlertRequestView; request: AlertRequest } | null {
  const row = db.orm.select().from(alertRequests).where(eq(alertRequests.id, id)).get();
  return row ? { view: toRequestView(row), request: parseRequest(row) } : null;
}

function parseRequest(row: AlertRequestRow): AlertRequest {
  return { kind: row.kind, ...JSON.parse(row.payloadJson) } as AlertRequest;
}

/** Pending requests, oldest first, with their parsed payloads. */
export function pendingAlertRequests(db: Db, limit = 100): { id: number; request: AlertRequest }[] {
  return db.orm
    .select()
    .from(alertRequests)
    .where(eq(alertRequests.status, 'pending'))
    .orderBy(asc(alertRequests.id))
    .limit(limit)
    .all()
    .map((row) => ({ id: row.id, request: parseRequest(row) }));
}

/** Marks a request handled: done, or failed with the reason. */
export function finishAlertRequest(db: Db, id: number, nowMs: number, error: string | null): void {
  db.orm
    .update(alertRequests)
    .set({ status: error === null ? 'done' : 'failed', handledAtMs: nowMs, error })
    .where(eq(alertRequests.id, id))
    .run();
}
