/**
 * Bodies of POST /api/rigs (`{ siteId, rigs: [{ address, port, driver, name?, model?, algorithm? }] }`)
 * and PATCH /api/rigs/:id (`{ name?, siteId?, address?, port?, nameplateHashrateThs?, nameplatePowerW?, locationBuilding?,
 * locationRack?, locationPosition? }`).
 * Pure; each error names its field (and the rig, when several are added). Each field is a zod schema whose
 * rules carry the messages the forms and API always showed, read through the one issue formatter; a PATCH
 * names unknown fields first (a small check ahead of zod), as it always did.
 */
import { z } from '../util/zod-browser';
import { addressSchema, fieldMessages, portSchema } from './address-input';
import { fieldsOf, siteIdSchema } from './device-request-input';
import { describeValue } from '../util/describe-value';
import { locationPartSchema } from './rig-location-input';
import { err, ok, type Parsed } from '../util/result';

/** Longest rig name accepted. */
export const MAX_RIG_NAME_CHARS = 64;

/** One rig to add. */
export interface NewRigFields {
  address: string;
  port: number;
  driver: string;
  name: string | null;
  model: string | null;
  algorithm: string;
}

/** What PATCH may change; absent fields stay as they are, null clears a nameplate figure. */
export interface RigPatch {
  name?: string;
  siteId?: number;
  address?: string;
  port?: number;
  nameplateHashrateThs?: number | null;
  nameplatePowerW?: number | null;
  /** Location parts; null clears one. */
  locationBuilding?: string | null;
  locationRack?: string | null;
  locationPosition?: string | null;
}

/** What the checks need to know about the database. */
export interface RigInputContext {
  siteExists: (id: number) => boolean;
  driverNames: readonly string[];
}

/** Refuses the value being transformed with `message`. */
function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** A rig name, trimmed; empty (absent, null, blank) is null. */
function nameSchema(field: string) {
  return z.unknown().transform((raw, ctx): string | null => {
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
    if (typeof raw !== 'string') return refuse(ctx, `${field} must be text`);
    const name = raw.trim();
    if (name.length > MAX_RIG_NAME_CHARS)
      return refuse(ctx, `${field} must be at most ${MAX_RIG_NAME_CHARS} characters (got ${name.length})`);
    if (/[\u0000-\u001f]/.test(name)) return refuse(ctx, `${field} must not contain control characters`);
    return name;
  });
}

/** Optional text of at most `max` characters, trimmed; empty is null. */
function optionalTextSchema(field: string, max: number) {
  return z.unknown().transform((raw, ctx): string | null => {
    if (raw === undefined || raw === null || raw === '') return null;
    if (typeof raw !== 'string' || raw.length > max) return refuse(ctx, `${field} must be text of at most ${max} characters`);
    return raw.trim() || null;
  });
}

/** One of the known drivers. */
function driverSchema(field: string, driverNames: readonly string[]) {
  return z.unknown().transform((raw, ctx): string => {
    if (typeof raw === 'string' && driverNames.includes(raw)) return raw;
    return refuse(
      ctx,
      raw === undefined || raw === ''
        ? `${field} is required (one of ${driverNames.join(', ')})`
        : `${field}: ${describeValue(raw)} is not a known driver (one of ${driverNames.join(', ')})`,
    );
  });
}

/** One rig to add; `i` is its place in the list, `at` the prefix its fields' messages carry ("rigs[2]." when several). */
function newRigSchema(i: number, at: string, driverNames: readonly string[]) {
  return z.object(
    {
      address: addressSchema(`${at}address`),
      port: portSchema(`${at}port`),
      driver: driverSchema(`${at}driver`, driverNames),
      name: nameSchema(`${at}name`),
      model: optionalTextSchema(`${at}model`, 100),
      algorithm: optionalTextSchema(`${at}algorithm`, 40).transform((a) => a ?? 'sha256'),
    },
    { error: `rigs[${i}] must be an object with address, port and driver` },
  );
}

const RIGS_REQUIRED = 'rigs is required: a list of at least one { address, port, driver }';
/** The list itself, checked before any rig: the cost of a refusal must not grow with what was sent. */
const rigListSchema = z
  .array(z.unknown(), { error: RIGS_REQUIRED })
  .refine((rigs) => rigs.length > 0, { error: RIGS_REQUIRED, abort: true })
  .refine((rigs) => rigs.length <= 4096, { error: (issue) => `rigs: at most 4096 at a time (got ${(issue.input as unknown[]).length})` });

const RIG_FIELDS = ['address', 'port', 'driver', 'name', 'model', 'algorithm'];

/** Validates the rigs to add. */
export function parseNewRigs(body: unknown, ctx: RigInputContext): Parsed<{ siteId: number; rigs: NewRigFields[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  const errors: string[] = [];
  const siteId = siteIdSchema(ctx.siteExists).safeParse(b.siteId);
  if (!siteId.success) errors.push(...fieldMessages(siteId.error.issues));
  const list = rigListSchema.safeParse(b.rigs);
  if (!list.success) return err([...errors, ...fieldMessages(list.error.issues)]);
  const rigs: NewRigFields[] = [];
  list.data.forEach((raw, i) => {
    const at = list.data.length > 1 ? `rigs[${i}].` : '';
    // Every field present (undefined when not given), so each schema words its own "required"; an array reads as no fields, as before.
    const fields = typeof raw === 'object' && raw !== null ? fieldsOf(raw as Record<string, unknown>, RIG_FIELDS) : raw;
    const rig = newRigSchema(i, at, ctx.driverNames).safeParse(fields);
    if (rig.success) rigs.push(rig.data as NewRigFields);
    else errors.push(...fieldMessages(rig.error.issues));
  });
  if (errors.length || !siteId.success) return err(errors);
  return ok({ siteId: siteId.data, rigs });
}

/** A nameplate figure above 0 and at most `max` (digits accepted); null or "" clears it. */
function nameplateSchema(field: string, unit: string, max: number) {
  return z.unknown().transform((raw, ctx): number | null => {
    if (raw === null || raw === '') return null;
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > max)
      return refuse(ctx, `${field}: ${describeValue(raw)} is not a ${unit} figure above 0 and at most ${max} (empty clears it)`);
    return n;
  });
}

/** Each field a PATCH may change, in the order its messages are given. */
function patchSchemas(siteExists: (id: number) => boolean): Record<keyof RigPatch, z.ZodType> {
  return {
    name: nameSchema('name').pipe(z.string({ error: 'name must not be empty' })),
    siteId: siteIdSchema(siteExists),
    address: addressSchema(),
    port: portSchema(),
    nameplateHashrateThs: nameplateSchema('nameplateHashrateThs', 'TH/s', 100_000),
    nameplatePowerW: nameplateSchema('nameplatePowerW', 'W', 1_000_000),
    locationBuilding: locationPartSchema('locationBuilding'),
    locationRack: locationPartSchema('locationRack'),
    locationPosition: locationPartSchema('locationPosition'),
  };
}

/** Validates a rig edit. */
export function parseRigPatch(body: unknown, ctx: Pick<RigInputContext, 'siteExists'>): Parsed<RigPatch> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  const schemas = patchSchemas(ctx.siteExists);
  const known = Object.keys(schemas);
  const errors: string[] = [];
  const unknown = Object.keys(b).filter((k) => !known.includes(k));
  if (unknown.length) errors.push(`unknown field ${unknown.join(', ')} (known: ${known.join(', ')})`);
  // Only the fields given are checked (a field given as undefined is checked as empty, as before).
  const given = known.filter((k) => k in b);
  const parsed = z.object(Object.fromEntries(given.map((k) => [k, schemas[k as keyof RigPatch]]))).safeParse(fieldsOf(b, given));
  if (!parsed.success) errors.push(...fieldMessages(parsed.error.issues));
  if (errors.length || !parsed.success) return err(errors);
  const patch = parsed.data as RigPatch;
  if (Object.keys(patch).length === 0) return err([`nothing to change: give at least one of ${known.join(', ')}`]);
  return ok(patch);
}
