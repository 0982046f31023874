/** Device work the web app asks the collector to do (it never talks to devices itself). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A probe of one address or a scan of a range, asked for by the settings screen and carried out by the
 * collector, which writes progress and the result back; the web app polls the row.
 */
export const deviceRequests = sqliteTable(
  'device_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'probe' (one address) or 'scan' (a range). */
    kind: text('kind').notNull(),
    payloadJson: text('payload_json').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    /** 'pending', 'running', 'done' or 'failed'. */
    status: text('status').notNull().default('pending'),
    /** { done, total } while running. */
    progressJson: text('progress_json'),
    resultJson: text('result_json'),
    handledAtMs: integer('handled_at_ms'),
    error: text('error'),
  },
  (t) => [index('device_requests_status_idx').on(t.status)],
);

export type DeviceRequestRow = typeof deviceRequests.$inferSelect;
