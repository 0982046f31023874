/**
 * The rig list as CSV (name, address, port, driver, site, building, rack, position), pure: the export, and
 * the dry run of an import. Rows are matched to registered rigs by address and port: an unknown
 * endpoint is a new rig, a known one is updated (name, driver, site, location) or unchanged. A row is
 * refused, naming its line and field, for a malformed field, an unknown driver or site, an address or name
 * given twice, or a name another rig keeps. Rigs the file does not list are left as they are.
 */
import { err, ok, type Result } from '../util/result';
import { checkAddress, checkPort } from './address-input';
import { parseCsv, toCsv } from '../util/csv';
import { MAX_RIG_NAME_CHARS } from './rig-input';
import { checkLocationPart } from './rig-location-input';
import { resolveNameClashes } from './rig-csv-names';
import type { PlannedRow, RigCsvFields, RigImportContext, RigImportPlan } from './rig-csv-types';

export type { PlannedRow, RegisteredRig, RigCsvFields, RigImportContext, RigImportPlan } from './rig-csv-types';

/** The columns, in the order the export writes them. */
export const RIG_CSV_COLUMNS = ['name', 'address', 'port', 'driver', 'site', 'building', 'rack', 'position'] as const;

/** A column of the rig CSV. */
export type RigCsvColumn = (typeof RIG_CSV_COLUMNS)[number];

/** Columns an import must have; port (driver's default) and the location parts may be left out. */
const REQUIRED: readonly RigCsvColumn[] = ['name', 'address', 'driver', 'site'];

/** Most rigs one file may carry: a large site's map, far below what the upload cap would let through. */
export const MAX_IMPORT_ROWS = 20_000;

/** The rigs as a CSV document with a header line. */
export function rigsToCsv(rigs: readonly RigCsvFields[]): string {
  return toCsv(
    RIG_CSV_COLUMNS,
    rigs.map((r) => [r.name, r.address, r.port, r.driver, r.site, r.building, r.rack, r.position]),
  );
}

/** The column of each header name, or why the header is refused. */
function readHeader(fields: readonly string[]): Result<Map<RigCsvColumn, number>, string> {
  const columns = new Map<RigCsvColumn, number>();
  for (const [i, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    if (!(RIG_CSV_COLUMNS as readonly string[]).includes(name))
      return err(`line 1, field ${i + 1}: unknown column ${JSON.stringify(raw)} (the columns are ${RIG_CSV_COLUMNS.join(', ')})`);
    if (columns.has(name as RigCsvColumn)) return err(`line 1, field ${i + 1}: column ${name} is given twice`);
    columns.set(name as RigCsvColumn, i);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length) return err(`line 1: the header lacks ${missing.join(', ')} (the columns are ${RIG_CSV_COLUMNS.join(', ')})`);
  return ok(columns);
}

/** A rig name: trimmed, 1..MAX_RIG_NAME_CHARS, printable. */
function checkName(raw: string): Result<string, string> {
  const name = raw.trim();
  if (name === '') return err('name is required');
  if (name.length > MAX_RIG_NAME_CHARS) return err(`name must be at most ${MAX_RIG_NAME_CHARS} characters (got ${name.length})`);
  if (/\p{C}/u.test(name)) return err('name must be printable text (no control or invisible characters)');
  return ok(name);
}

/** One data row checked field by field: the rig and its site id, or every reason it is refused. */
function readRow(fields: readonly string[], columns: Map<RigCsvColumn, number>, ctx: RigImportContext, siteIds: Map<string, number>) {
  const get = (c: RigCsvColumn) => {
    const i = columns.get(c);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  const reasons: string[] = [];
  const take = <T>(field: RigCsvColumn, r: Result<T, string>): T | null => {
    if (r.ok) return r.value;
    // The checks name their field themselves ("port: ...", "name must ..."): said once, after "field port:".
    reasons.push(`field ${field}: ${r.error.startsWith(field) ? r.error.slice(field.length).replace(/^:? /, '') : r.error}`);
    return null;
  };
  const name = take('name', checkName(get('name')));
  const address = take('address', checkAddress(get('address')));
  const driver = get('driver').trim();
  const known = Object.hasOwn(ctx.defaultPorts, driver);
  if (!known) reasons.push(driver === '' ? 'field driver: driver is required' : `field driver: unknown driver ${JSON.stringify(driver)}`);
  const port = take('port', checkPort(get('port'), 'port', true)) ?? (known ? ctx.defaultPorts[driver] : null);
  const site = get('site').trim();
  const siteId = siteIds.get(site.toLowerCase());
  if (siteId === undefined) reasons.push(site === '' ? 'field site: site is required' : `field site: unknown site ${JSON.stringify(site)}`);
  const building = take('building', checkLocationPart('building', get('building')));
  const rack = take('rack', checkLocationPart('rack', get('rack')));
  const position = take('position', checkLocationPart('position', get('position')));
  if (reasons.length > 0 || name === null || address === null || port === null || siteId === undefined)
    return { ok: false as const, reasons, name: get('name').trim(), address: get('address').trim() };
  const siteName = ctx.sites.find((s) => s.id === siteId)?.name ?? site;
  return { ok: true as const, siteId, rig: { name, address, port, driver, site: siteName, building, rack, position } };
}

const COMPARED = ['name', 'driver', 'site', 'building', 'rack', 'position'] as const;

/** What an update changes, as "rack: \"R1\" → \"R2\"" lines. */
function changesOf(before: RigCsvFields, after: RigCsvFields): string[] {
  const show = (v: string | null) => (v === null ? 'none' : JSON.stringify(v));
  return COMPARED.filter((k) => before[k] !== after[k]).map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
}

/** The dry run of importing `text`, or why the file as a whole is refused (not CSV, a bad header, no rows). */
export function planRigImport(text: string, ctx: RigImportContext): Result<RigImportPlan, string> {
  // A file in another encoding decodes with replacement characters: refuse it rather than store them.
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) return err(`line ${text.slice(0, bad).split('\n').length}: the file is not UTF-8 text (save it as "CSV UTF-8")`);
  const parsed = parseCsv(text, { maxRecords: MAX_IMPORT_ROWS + 1, maxFieldChars: 1000 });
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.value;
  if (!header)
    return err('the file is empty: the first line names the columns (name, address, port, driver, site, building, rack, position)');
  const columns = readHeader(header.fields);
  if (!columns.ok) return columns;
  if (records.length === 0) return err('the file has a header but no rigs');
  const siteIds = new Map(ctx.sites.map((s) => [s.name.toLowerCase(), s.id]));
  const byEndpoint = new Map(ctx.rigs.map((r) => [`${r.address.toLowerCase()}:${r.port}`, r]));
  const endpointLine = new Map<string, number>();
  const rows: PlannedRow[] = records.map(({ line, fields }) => {
    const refuse = (reasons: string[], name: string, address: string): PlannedRow => ({
      line,
      action: 'refused',
      reasons: reasons.map((r) => `line ${line}, ${r}`),
      name,
      address,
    });
    if (fields.length !== header.fields.length)
      return refuse(
        [`fields: ${fields.length} given, the header names ${header.fields.length}`],
        fields[columns.value.get('name') ?? 0] ?? '',
        '',
      );
    const row = readRow(fields, columns.value, ctx, siteIds);
    if (!row.ok) return refuse(row.reasons, row.name, row.address);
    const endpoint = `${row.rig.address.toLowerCase()}:${row.rig.port}`;
    const seenOn = endpointLine.get(endpoint);
    if (seenOn !== undefined)
      return refuse(
        [`field address: duplicate address ${row.rig.address}:${row.rig.port} (also on line ${seenOn})`],
        row.rig.name,
        row.rig.address,
      );
    endpointLine.set(endpoint, line);
    const match = byEndpoint.get(endpoint);
    if (!match) return { line, action: 'new', rig: row.rig, siteId: row.siteId };
    const changes = changesOf(match, row.rig);
    if (changes.length === 0) return { line, action: 'unchanged', rig: row.rig, rigId: match.id };
    return { line, action: 'updated', rig: row.rig, siteId: row.siteId, rigId: match.id, changes };
  });
  const resolved = resolveNameClashes(rows, ctx.rigs);
  const counts = { new: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of resolved) counts[r.action]++;
  return ok({ rows: resolved, counts });
}
