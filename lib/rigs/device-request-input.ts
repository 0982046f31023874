/**
 * The body of POST /api/rigs/requests, also re-read by the collector from the stored payload: a probe
 * `{ kind: 'probe', address, port?, siteId }` or a scan `{ kind: 'scan', range, ports?, siteId }`. Pure;
 * each error names its field. The kind is read first and unknown fields are named before any other problem
 * (as the forms and API always did, a small check ahead of zod); then a zod object per kind, in field order.
 */
import { z } from '../util/zod-browser';
import { addressSchema, fieldMessages, portListSchema, portSchema, scanRangeSchema } from './address-input';
import type { DeviceRequestInput } from './device-request-types';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';

export type DeviceRequestParse = Parsed<DeviceRequestInput>;

const FIELDS = { probe: ['kind', 'address', 'port', 'siteId'], scan: ['kind', 'range', 'ports', 'siteId'] } as const;

/** A positive integer site id (or its digits) that `siteExists` knows. */
export function siteIdSchema(siteExists: (id: number) => boolean) {
  return z.unknown().transform((raw, ctx): number => {
    const id = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    let message: string | null = null;
    if (raw === undefined || raw === null || raw === '') message = 'siteId is required: the site the rigs will belong to';
    else if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) message = `siteId: ${describeValue(raw)} is not a site id`;
    else if (!siteExists(id)) message = `siteId: there is no site ${id}`;
    if (message === null) return id as number;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** A positive integer site id that `siteExists` knows; null, or the message naming what is wrong. */
export function checkSiteId(raw: unknown, siteExists: (id: number) => boolean): string | null {
  const parsed = siteIdSchema(siteExists).safeParse(raw);
  return parsed.success ? null : fieldMessages(parsed.error.issues)[0];
}

/**
 * `body`'s `fields`, each present (undefined when not given): zod refuses an absent key whose schema turns
 * "not given" into a value (a port's null, the default ports) before that schema can say so in its words.
 */
export function fieldsOf(body: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, body[f]]));
}

/** Validates a probe or scan request. */
export function parseDeviceRequestInput(body: unknown, siteExists: (id: number) => boolean): DeviceRequestParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  if (b.kind !== 'probe' && b.kind !== 'scan') return err([`kind must be "probe" or "scan" (got ${describeValue(b.kind ?? null)})`]);
  const errors: string[] = [];
  const unknown = Object.keys(b).filter((k) => !(FIELDS[b.kind as 'probe' | 'scan'] as readonly string[]).includes(k));
  if (unknown.length) errors.push(`unknown field ${unknown.join(', ')} for a ${b.kind} (known: ${FIELDS[b.kind].join(', ')})`);
  const siteId = siteIdSchema(siteExists);
  if (b.kind === 'probe') {
    const parsed = z.object({ address: addressSchema(), port: portSchema('port', true), siteId }).safeParse(fieldsOf(b, FIELDS.probe));
    if (!parsed.success) return err([...errors, ...fieldMessages(parsed.error.issues)]);
    if (errors.length) return err(errors);
    return ok({ kind: 'probe', ...parsed.data });
  }
  const parsed = z.object({ range: scanRangeSchema(), ports: portListSchema(), siteId }).safeParse(fieldsOf(b, FIELDS.scan));
  if (!parsed.success) return err([...errors, ...fieldMessages(parsed.error.issues)]);
  if (errors.length) return err(errors);
  return ok({ kind: 'scan', range: parsed.data.range.text, ports: parsed.data.ports, siteId: parsed.data.siteId });
}
