/**
 * The rig CSV against a real SQLite file: the export carries every rig with its location, formula cells
 * guarded; an import applies new and updated rows in one transaction with a change per site touched, or
 * nothing at all when any row is refused, also when the database moved on since the dry run; two rigs may
 * swap names in one file; and an export imports back unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRigsToSite } from '../../../lib/db/mutations/add-rigs';
import { updateRig } from '../../../lib/db/mutations/edit-rigs';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { changes, sites } from '../../../lib/db/schema';
import { applyRigImport, exportRigsCsv, previewRigImport } from '../../../app/rigs/rig-csv-io';
import { tempDb } from '../../support/temp';

const HEADER = 'name,address,port,driver,site,building,rack,position';
let t: ReturnType<typeof tempDb>;
let north: number;
let south: number;

const dev = (address: string, name: string) => ({ address, port: 4028, driver: 'antminer', model: null, algorithm: 'sha256', name });
const site = (name: string) => t.db.orm.insert(sites).values({ name, createdAtMs: 1 }).returning({ id: sites.id }).get().id;
const rigsNow = () =>
  listRigViews(t.db)
    .map((r) => ({ name: r.name, endpoint: `${r.address}:${r.port}`, siteId: r.siteId, driver: r.driver, location: r.location ?? null }))
    .sort((a, b) => a.endpoint.localeCompare(b.endpoint));
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

beforeEach(() => {
  t = tempDb();
  north = site('North Hall');
  south = site('South Yard');
  addRigsToSite(t.db, north, [dev('10.0.0.1', 'a01'), dev('10.0.0.2', 'a02')], { nowMs: 1, defaultPorts: { antminer: 4028 } });
});
afterEach(() => t.cleanup());

describe('rig CSV import', () => {
  it('applies new and updated rows, locations included, with a rigs-changed change per site touched', () => {
    const text = csv(
      'a01,10.0.0.1,4028,antminer,North Hall,,,',
      'a02,10.0.0.2,4028,antminer,South Yard,Hall B,R7,U12',
      'g01,10.0.0.9,,trex,South Yard,Hall B,,',
    );
    const preview = previewRigImport(t.db, text);
    expect(preview.ok && preview.value.counts).toEqual({ new: 1, updated: 1, unchanged: 1, refused: 0 });
    expect(rigsNow()).toHaveLength(2); // the dry run wrote nothing
    const before = t.db.orm.select().from(changes).all().length;

    const applied = applyRigImport(t.db, text, 5_000);
    expect(applied.ok).toBe(true);
    expect(rigsNow()).toEqual([
      { name: 'a01', endpoint: '10.0.0.1:4028', siteId: north, driver: 'antminer', location: null },
      {
        name: 'a02',
        endpoint: '10.0.0.2:4028',
        siteId: south,
        driver: 'antminer',
        location: { building: 'Hall B', rack: 'R7', position: 'U12' },
      },
      {
        name: 'g01',
        endpoint: '10.0.0.9:4067',
        siteId: south,
        driver: 'trex',
        location: { building: 'Hall B', rack: null, position: null },
      },
    ]);
    const written = t.db.orm.select().from(changes).all().slice(before);
    expect(written.map((c) => [c.kind, c.siteId, c.tsMs]).sort()).toEqual([
      ['rigs-changed', north, 5_000],
      ['rigs-changed', south, 5_000],
    ]);
  });

  it('writes nothing when one row of many is refused', () => {
    const before = rigsNow();
    const applied = applyRigImport(t.db, csv('a01,10.0.0.1,4028,antminer,South Yard,,,', 'new,10.0.0.7,4028,antminer,Mars,,,'), 5_000);
    expect(applied.ok).toBe(false);
    if (!applied.ok) {
      expect(applied.error.message).toBe('1 of 2 rows are refused: nothing was imported');
      expect(applied.error.plan?.rows[1]).toMatchObject({ action: 'refused', reasons: ['line 3, field site: unknown site "Mars"'] });
    }
    expect(rigsNow()).toEqual(before);
  });

  it('checks again when applying: a name taken since the dry run refuses the whole file', () => {
    const text = csv('a01,10.0.0.1,4028,antminer,North Hall,Hall A,,', 'spare,10.0.0.7,4028,antminer,North Hall,,,');
    expect(previewRigImport(t.db, text).ok).toBe(true);
    expect(updateRig(t.db, 2, { name: 'spare' }, 2).ok).toBe(true); // someone renames a02 meanwhile
    const before = rigsNow();
    const applied = applyRigImport(t.db, text, 5_000);
    expect(applied.ok).toBe(false);
    expect(rigsNow()).toEqual(before);
  });

  it('swaps the names of two listed rigs', () => {
    const applied = applyRigImport(
      t.db,
      csv('a02,10.0.0.1,4028,antminer,North Hall,,,', 'a01,10.0.0.2,4028,antminer,North Hall,,,'),
      5_000,
    );
    expect(applied.ok).toBe(true);
    expect(rigsNow().map((r) => [r.endpoint, r.name])).toEqual([
      ['10.0.0.1:4028', 'a02'],
      ['10.0.0.2:4028', 'a01'],
    ]);
  });
});

describe('rig CSV export', () => {
  it('writes every rig by site and name, location included, guarding formula cells', () => {
    expect(updateRig(t.db, 1, { name: '=1+1', locationBuilding: 'Hall, A', locationRack: '+R1' }, 2).ok).toBe(true);
    expect(exportRigsCsv(t.db)).toBe(
      [HEADER, '\'=1+1,10.0.0.1,4028,antminer,North Hall,"Hall, A",\'+R1,', 'a02,10.0.0.2,4028,antminer,North Hall,,,', ''].join('\r\n'),
    );
  });

  it('imports back unchanged', () => {
    expect(updateRig(t.db, 2, { locationBuilding: 'Hall "B"', locationPosition: '-1' }, 2).ok).toBe(true);
    const preview = previewRigImport(t.db, exportRigsCsv(t.db));
    expect(preview.ok && preview.value.counts).toEqual({ new: 0, updated: 0, unchanged: 2, refused: 0 });
  });
});
