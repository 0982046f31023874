/**
 * Bodies of POST /api/rigs (`{ siteId, rigs: [{ address, port, driver, name?, model?, algorithm? }] }`)
 * and PATCH /api/rigs/:id (`{ name?, siteId?, address?, port?, nameplateHashrateThs?, nameplatePowerW? }`).
 * Pure; each error names its field (and the rig, when several are added).
 */
import { checkAddress, checkPort } from './address-input';
import { checkSiteId } from './device-request-input';
import { describeValue } from '../util/describe-value';
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
}

/** What the checks need to know about the database. */
export interface RigInputContext {
  siteExists: (id: number) => boolean;
  driverNames: readonly string[];
}

function checkName(raw: unknown, field: string): { value: string | null; error: string | null } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null, error: null };
  if (typeof raw !== 'string') return { value: null, error: `${field} must be text` };
  const name = raw.trim();
  if (name.length > MAX_RIG_NAME_CHARS)
    return { value: null, error: `${field} must be at most ${MAX_RIG_NAME_CHARS} characters (got ${name.length})` };
  if (/[\u0000-\u001f]/.test(name)) return { value: null, error: `${field} must not contain control characters` };
  return { value: name, error: null };
}

function optionalText(raw: unknown, field: string, max: number): { value: string | null; error: string | null } {
  if (raw === undefined || raw === null || raw === '') return { value: null, error: null };
  if (typeof raw !== 'string' || raw.length > max) return { value: null, error: `${field} must be text of at most ${max} characters` };
  return { value: raw.trim() || null, error: null };
}

/** Validates the rigs to add. */
export function parseNewRigs(body: unknown, ctx: RigInputContext): Parsed<{ siteId: number; rigs: NewRigFields[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  const errors: string[] = [];
  const siteError = checkSiteId(b.siteId, ctx.siteExists);
  if (siteError) errors.push(siteError);
  if (!Array.isArray(b.rigs) || b.rigs.length === 0)
    return err([...errors, 'rigs is required: a list of at least one { address, port, driver }']);
  if (b.rigs.length > 4096) return err([...errors, `rigs: at most 4096 at a time (got ${b.rigs.length})`]);
  const rigs: NewRigFields[] = [];
  b.rigs.forEach((raw, i) => {
    const at = b.rigs instanceof Array && b.rigs.length > 1 ? `rigs[${i}].` : '';
    if (typeof raw !== 'object' || raw === null) return void errors.push(`rigs[${i}] must be an object with address, port and driver`);
    const r = raw as Record<string, unknown>;
    const address = checkAddress(r.address, `${at}address`);
    const port = checkPort(r.port, `${at}port`);
    const name = checkName(r.name, `${at}name`);
    const model = optionalText(r.model, `${at}model`, 100);
    const algorithm = optionalText(r.algorithm, `${at}algorithm`, 40);
    const driverOk = typeof r.driver === 'string' && ctx.driverNames.includes(r.driver);
    if (!address.ok) errors.push(address.error);
    if (!port.ok) errors.push(port.error);
    if (!driverOk) {
      errors.push(
        r.driver === undefined || r.driver === ''
          ? `${at}driver is required (one of ${ctx.driverNames.join(', ')})`
          : `${at}driver: ${describeValue(r.driver)} is not a known driver (one of ${ctx.driverNames.join(', ')})`,
      );
    }
    for (const e of [name.error, model.error, algorithm.error]) if (e) errors.push(e);
    if (address.ok && port.ok && driverOk && !name.error && !model.error && !algorithm.error) {
      rigs.push({
        address: address.value,
        port: port.value!,
        driver: r.driver as string,
        name: name.value,
        model: model.value,
        algorithm: algorithm.value ?? 'sha256',
      });
    }
  });
  if (errors.length) return err(errors);
  return ok({ siteId: Number(b.siteId), rigs });
}

function nameplate(raw: unknown, field: string, unit: string, max: number): { value: number | null; error: string | null } {
  if (raw === null || raw === '') return { value: null, error: null };
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > max) {
    return { value: null, error: `${field}: ${describeValue(raw)} is not a ${unit} figure above 0 and at most ${max} (empty clears it)` };
  }
  return { value: n, error: null };
}

/** Validates a rig edit. */
export function parseRigPatch(body: unknown, ctx: Pick<RigInputContext, 'siteExists'>): Parsed<RigPatch> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  const known = ['name', 'siteId', 'address', 'port', 'nameplateHashrateThs', 'nameplatePowerW'];
  const errors: string[] = [];
  const unknown = Object.keys(b).filter((k) => !known.includes(k));
  if (unknown.length) errors.push(`unknown field ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const patch: RigPatch = {};
  if ('name' in b) {
    const name = checkName(b.name, 'name');
    if (name.error) errors.push(name.error);
    else if (name.value === null) errors.push('name must not be empty');
    else patch.name = name.value;
  }
  if ('siteId' in b) {
    const e = checkSiteId(b.siteId, ctx.siteExists);
    if (e) errors.push(e);
    else patch.siteId = Number(b.siteId);
  }
  if ('address' in b) {
    const a = checkAddress(b.address);
    if (a.ok) patch.address = a.value;
    else errors.push(a.error);
  }
  if ('port' in b) {
    const p = checkPort(b.port);
    if (p.ok) patch.port = p.value!;
    else errors.push(p.error);
  }
  if ('nameplateHashrateThs' in b) {
    const h = nameplate(b.nameplateHashrateThs, 'nameplateHashrateThs', 'TH/s', 100_000);
    if (h.error) errors.push(h.error);
    else patch.nameplateHashrateThs = h.value;
  }
  if ('nameplatePowerW' in b) {
    const w = nameplate(b.nameplatePowerW, 'nameplatePowerW', 'W', 1_000_000);
    if (w.error) errors.push(w.error);
    else patch.nameplatePowerW = w.value;
  }
  if (errors.length) return err(errors);
  if (Object.keys(patch).length === 0) return err([`nothing to change: give at least one of ${known.join(', ')}`]);
  return ok(patch);
}
