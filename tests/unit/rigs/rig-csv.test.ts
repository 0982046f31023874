/**
 * The rig CSV import's dry run: rows matched to registered rigs by address and port are updated or
 * unchanged, unknown endpoints are new, and each refused row names its line, its field and why
 * (duplicate address or name, unknown driver or site, malformed field, a name another rig keeps).
 */
import { describe, expect, it } from 'vitest';
import { planRigImport, rigsToCsv, type PlannedRow, type RegisteredRig, type RigImportContext } from '../../../lib/rigs/rig-csv';

const HEADER = 'name,address,port,driver,site,building,rack,position';
const registered = (id: number, over: Partial<RegisteredRig> = {}): RegisteredRig => ({
  id,
  name: `rig-${id}`,
  address: `10.0.0.${id}`,
  port: 4028,
  driver: 'antminer',
  site: 'North Hall',
  building: null,
  rack: null,
  position: null,
  ...over,
});
const ctx = (rigs: RegisteredRig[] = [registered(1), registered(2)]): RigImportContext => ({
  rigs,
  sites: [
    { id: 1, name: 'North Hall' },
    { id: 2, name: 'South Yard' },
  ],
  defaultPorts: { antminer: 4028, whatsminer: 4433, trex: 4067 },
});

function plan(lines: string[], c = ctx()) {
  const r = planRigImport([HEADER, ...lines].join('\r\n'), c);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const reasonsOf = (row: PlannedRow) => (row.action === 'refused' ? row.reasons : []);

describe('planRigImport', () => {
  it('sorts rows into new, updated (naming each change) and unchanged by address and port', () => {
    const p = plan([
      'rig-1,10.0.0.1,4028,antminer,North Hall,,,',
      'rig-2b,10.0.0.2,4028,antminer,south yard,Hall B,R7,U12',
      'rig-9,10.0.0.9,,whatsminer,North Hall,,,',
    ]);
    expect(p.counts).toEqual({ new: 1, updated: 1, unchanged: 1, refused: 0 });
    expect(p.rows[0]).toMatchObject({ line: 2, action: 'unchanged', rigId: 1 });
    expect(p.rows[1]).toMatchObject({
      line: 3,
      action: 'updated',
      rigId: 2,
      siteId: 2,
      changes: [
        'name: "rig-2" → "rig-2b"',
        'site: "North Hall" → "South Yard"',
        'building: none → "Hall B"',
        'rack: none → "R7"',
        'position: none → "U12"',
      ],
    });
    // An empty port is the driver's default one.
    expect(p.rows[2]).toMatchObject({ line: 4, action: 'new', siteId: 1, rig: { name: 'rig-9', port: 4433, driver: 'whatsminer' } });
  });

  it('matches the same address on another port as a new rig', () => {
    expect(plan(['rig-1-p2,10.0.0.1,4029,antminer,North Hall,,,']).rows[0].action).toBe('new');
  });

  it.each([
    ['x,10.0.0.7,4028,bitaxe9000,North Hall,,,', 'line 2, field driver: unknown driver "bitaxe9000"'],
    ['x,10.0.0.7,4028,antminer,Mars Base,,,', 'line 2, field site: unknown site "Mars Base"'],
    ['x,10.0.0.7,70000,antminer,North Hall,,,', 'line 2, field port: "70000" is not a port from 1 to 65535'],
    ['x,http://10.0.0.7,4028,antminer,North Hall,,,', 'line 2, field address:'],
    ['x,10.0.0,4028,antminer,North Hall,,,', 'line 2, field address:'],
    [',10.0.0.7,4028,antminer,North Hall,,,', 'line 2, field name: is required'],
    [`${'n'.repeat(65)},10.0.0.7,4028,antminer,North Hall,,,`, 'line 2, field name: must be at most 64 characters (got 65)'],
    [`x,10.0.0.7,4028,antminer,North Hall,${'b'.repeat(41)},,`, 'line 2, field building: must be at most 40 characters (got 41)'],
    ['x,10.0.0.7,4028,antminer,North Hall,,"R\u00071",', 'line 2, field rack: must be printable text'],
    ['x,10.0.0.7,4028,antminer,North Hall,,,U\u200b3', 'line 2, field position: must be printable text'],
    ['x,10.0.0.7,4028,antminer,North Hall', 'line 2, fields: 5 given, the header names 8'],
  ])('refuses %j, naming the line and field', (line, reason) => {
    const p = plan([line]);
    expect(p.counts.refused).toBe(1);
    expect(reasonsOf(p.rows[0]).join('; ')).toContain(reason);
  });

  it('names every bad field of a row, not only the first', () => {
    const reasons = reasonsOf(plan(['x,10.0.0.7,0,nope,Nowhere,,,']).rows[0]);
    expect(reasons.map((r) => r.split(':')[0])).toEqual(['line 2, field driver', 'line 2, field port', 'line 2, field site']);
  });

  it('refuses an address or a name given twice on the later line', () => {
    const p = plan([
      'a,10.0.0.7,4028,antminer,North Hall,,,',
      'b,10.0.0.7,4028,antminer,North Hall,,,',
      'a,10.0.0.8,4028,antminer,North Hall,,,',
    ]);
    expect(p.rows.map((r) => r.action)).toEqual(['new', 'refused', 'refused']);
    expect(reasonsOf(p.rows[1])).toEqual(['line 3, field address: duplicate address 10.0.0.7:4028 (also on line 2)']);
    expect(reasonsOf(p.rows[2])).toEqual(['line 4, field name: duplicate name "a" (also on line 2)']);
  });

  it('refuses a name a rig the file does not list keeps', () => {
    const p = plan(['rig-2,10.0.0.7,4028,antminer,North Hall,,,']);
    expect(reasonsOf(p.rows[0])).toEqual([
      'line 2, field name: name "rig-2" is taken by the rig at 10.0.0.2:4028, which keeps it (this file does not rename it)',
    ]);
  });

  it('lets two listed rigs swap names', () => {
    const p = plan(['rig-2,10.0.0.1,4028,antminer,North Hall,,,', 'rig-1,10.0.0.2,4028,antminer,North Hall,,,']);
    expect(p.counts).toEqual({ new: 0, updated: 2, unchanged: 0, refused: 0 });
  });

  it('refuses a rename into the name of a rig whose own row is refused (it keeps its name)', () => {
    const p = plan(['rig-2,10.0.0.1,4028,antminer,North Hall,,,', 'rig-1,10.0.0.2,4028,nope,North Hall,,,']);
    expect(p.rows.map((r) => r.action)).toEqual(['refused', 'refused']);
    expect(reasonsOf(p.rows[0])[0]).toContain('name "rig-2" is taken by the rig at 10.0.0.2:4028');
  });

  it('reads a header in any order and case, port and location columns optional', () => {
    const r = planRigImport('Site,Driver,ADDRESS,Name\nSouth Yard,trex,10.0.0.50,gpu-50\n', ctx());
    expect(r.ok && r.value.rows[0]).toMatchObject({ action: 'new', rig: { port: 4067, site: 'South Yard', building: null } });
  });

  it.each([
    ['', 'the file is empty'],
    [HEADER, 'the file has a header but no rigs'],
    ['name,address,driver\n', 'line 1: the header lacks site'],
    ['name,address,driver,site,colour\n', 'line 1, field 5: unknown column "colour"'],
    ['name,address,driver,site,name\n', 'line 1, field 5: column name is given twice'],
    [`${HEADER}\nx,10.0.0.7,4028,antminer,"North Hall,,,`, 'line 2, field 5: a quoted field is not closed'],
    [`${HEADER}\nx,10.0.0.7,4028,antminer,North Hall,Halle \uFFFD,,`, 'line 2: the file is not UTF-8 text'],
  ])('refuses the whole file %j', (text, message) => {
    const r = planRigImport(text, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('imports its own export unchanged, formula-like names and commas included', () => {
    const rigs = [
      registered(1, { name: '=cmd|calc', building: 'Hall, North', rack: '"R1"', position: '-3' }),
      registered(2, { name: '@rig', site: 'South Yard' }),
    ];
    const text = rigsToCsv(rigs);
    expect(text.split('\r\n')[1]).toBe('\'=cmd|calc,10.0.0.1,4028,antminer,North Hall,"Hall, North","""R1""",\'-3');
    const r = planRigImport(text, ctx(rigs));
    expect(r.ok && r.value.counts).toEqual({ new: 0, updated: 0, unchanged: 2, refused: 0 });
  });
});
