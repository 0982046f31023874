/** Keeps a device nobody recognised, with its raw replies, so support for it can be added later. */
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { unrecognisedDevices } from '../schema';

/** One raw reply as received. */
export interface RawReply {
  label: string;
  raw: string;
}

/** Each raw reply is kept up to this many characters (a device dumping megabytes is not worth keeping whole). */
export const MAX_RAW_CHARS = 64 * 1024;

/** Inserts or refreshes the device's row (keyed by address and port); first_seen_ms is kept. */
export function recordUnrecognised(
  db: Db,
  device: { address: string; port: number; protocol: string; raw: readonly RawReply[] },
  nowMs: number,
): void {
  const rawJson = JSON.stringify(device.raw.map((r) => ({ label: r.label, raw: r.raw.slice(0, MAX_RAW_CHARS) })));
  db.orm
    .insert(unrecognisedDevices)
    .values({ address: device.address, port: device.port, protocol: device.protocol, rawJson, firstSeenMs: nowMs, lastSeenMs: nowMs })
    .onConflictDoUpdate({
      target: [unrecognisedDevices.address, unrecognisedDevices.port],
      set: { protocol: device.protocol, rawJson, lastSeenMs: sql`excluded.last_seen_ms` },
    })
    .run();
}
