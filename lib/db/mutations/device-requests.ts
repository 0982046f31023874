/**
 * Probe and scan requests (table device_requests): the web app records one, the collector claims it,
 * writes its progress and then its result or error, and the web app polls the row.
 */
import { and, asc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type {
  DeviceRequestInput,
  DeviceRequestStatus,
  DeviceRequestView,
  ProbeResult,
  ScanProgress,
  ScanResult,
} from '../../rigs/device-request-types';
import type { Db } from '../client';
import { deviceRequests, type DeviceRequestRow } from '../schema';
import { writeTransaction } from '../transactions';

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function siteIdOf(payload: { siteId?: unknown } | null): number | null {
  const id = payload?.siteId;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

/** The row as the API shows it. */
export function toDeviceRequestView(row: DeviceRequestRow): DeviceRequestView {
  return {
    id: row.id,
    kind: row.kind as DeviceRequestView['kind'],
    siteId: siteIdOf(parseJson<{ siteId?: unknown }>(row.payloadJson)),
    status: row.status as DeviceRequestStatus,
    createdAtMs: row.createdAtMs,
    handledAtMs: row.handledAtMs,
    progress: parseJson<ScanProgress>(row.progressJson),
    result: parseJson<ProbeResult | ScanResult>(row.resultJson),
    error: row.error,
  };
}

/** Records a request for the collector. */
export function recordDeviceRequest(db: Db, input: DeviceRequestInput, nowMs: number): DeviceRequestView {
  const { kind, ...payload } = input;
  const row = db.orm
    .insert(deviceRequests)
    .values({ kind, payloadJson: JSON.stringify(payload), createdAtMs: nowMs })
    .returning()
    .get();
  return toDeviceRequestView(row);
}

/** The request, or null. */
export function getDeviceRequest(db: Db, id: number): DeviceRequestView | null {
  const row = db.orm.select().from(deviceRequests).where(eq(deviceRequests.id, id)).get();
  return row ? toDeviceRequestView(row) : null;
}

/**
 * Marks up to `limit` pending requests running (oldest first) and returns them with their raw payloads;
 * the payload is validated again by the worker, since anything may have written the row.
 */
export function claimPendingDeviceRequests(db: Db, limit: number): { id: number; kind: string; payload: unknown }[] {
  if (limit <= 0) return [];
  return writeTransaction(db, () => {
    const rows = db.orm
      .select()
      .from(deviceRequests)
      .where(eq(deviceRequests.status, 'pending'))
      .orderBy(asc(deviceRequests.id))
      .limit(limit)
      .all();
    if (rows.length === 0) return [];
    db.orm
      .update(deviceRequests)
      .set({ status: 'running' })
      .where(
        inArray(
          deviceRequests.id,
          rows.map((r) => r.id),
        ),
      )
      .run();
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: parseJson<unknown>(r.payloadJson) }));
  });
}

/** Stores a running request's progress. */
export function setDeviceRequestProgress(db: Db, id: number, progress: ScanProgress): void {
  db.orm
    .update(deviceRequests)
    .set({ progressJson: JSON.stringify(progress) })
    .where(eq(deviceRequests.id, id))
    .run();
}

/** Marks the request done with its result, or failed with the reason. */
export function finishDeviceRequest(
  db: Db,
  id: number,
  nowMs: number,
  outcome: { result: ProbeResult | ScanResult; progress?: ScanProgress } | { error: string },
): void {
  const set =
    'error' in outcome
      ? { status: 'failed', error: outcome.error, handledAtMs: nowMs }
      : {
          status: 'done',
          resultJson: JSON.stringify(outcome.result),
          handledAtMs: nowMs,
          ...(outcome.progress ? { progressJson: JSON.stringify(outcome.progress) } : {}),
        };
  db.orm.update(deviceRequests).set(set).where(eq(deviceRequests.id, id)).run();
}

/** Fails every request left 'running' (by a collector that stopped or crashed mid-way); returns how many. */
export function failRunningDeviceRequests(db: Db, nowMs: number, error: string): number {
  return db.orm
    .update(deviceRequests)
    .set({ status: 'failed', error, handledAtMs: nowMs })
    .where(eq(deviceRequests.status, 'running'))
    .run().changes;
}

/** Deletes handled requests older than `keepMs`; returns how many. */
export function pruneDeviceRequests(db: Db, nowMs: number, keepMs: number): number {
  return db.orm
    .delete(deviceRequests)
    .where(and(isNotNull(deviceRequests.handledAtMs), lt(deviceRequests.handledAtMs, nowMs - keepMs)))
    .run().changes;
}
