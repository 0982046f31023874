/** Adding and editing rigs from the settings screen: what is accepted and the specific refusal of each bad field. */
import { describe, expect, it } from 'vitest';
import { parseNewRigs, parseRigPatch } from '../../../lib/rigs/rig-input';

const ctx = { siteExists: (id: number) => id === 1, driverNames: ['antminer', 'whatsminer'] };

describe('parseNewRigs', () => {
  it('takes one or many rigs, trimming, algorithm defaulting to sha256', () => {
    expect(parseNewRigs({ siteId: 1, rigs: [{ address: '10.0.0.5', port: 4028, driver: 'antminer', name: ' A1 ' }] }, ctx)).toEqual({
      ok: true,
      value: { siteId: 1, rigs: [{ address: '10.0.0.5', port: 4028, driver: 'antminer', name: 'A1', model: null, algorithm: 'sha256' }] },
    });
    const two = parseNewRigs(
      {
        siteId: 1,
        rigs: [
          { address: '10.0.0.5', port: 4028, driver: 'antminer' },
          { address: '10.0.0.6', port: '4028', driver: 'whatsminer', model: 'M50S', algorithm: 'sha256' },
        ],
      },
      ctx,
    );
    expect(two.ok && two.value.rigs.map((r) => [r.address, r.port, r.name, r.model])).toEqual([
      ['10.0.0.5', 4028, null, null],
      ['10.0.0.6', 4028, null, 'M50S'],
    ]);
  });

  it.each([
    [{ rigs: [{ address: '10.0.0.5', port: 4028, driver: 'antminer' }] }, ['siteId is required: the site the rigs will belong to']],
    [{ siteId: 1, rigs: [] }, ['rigs is required: a list of at least one { address, port, driver }']],
    [
      { siteId: 1, rigs: [{ address: '10.0.0', port: 4028, driver: 'antminer' }] },
      ['address: "10.0.0" is not an IPv4 address (four numbers from 0 to 255, like 10.0.0.5)'],
    ],
    [{ siteId: 1, rigs: [{ address: '10.0.0.5', driver: 'antminer' }] }, ['port is required: a number from 1 to 65535']],
    [
      { siteId: 1, rigs: [{ address: '10.0.0.5', port: 4028, driver: 'foo' }] },
      ['driver: "foo" is not a known driver (one of antminer, whatsminer)'],
    ],
    [{ siteId: 1, rigs: [{ address: '10.0.0.5', port: 4028 }] }, ['driver is required (one of antminer, whatsminer)']],
    [
      { siteId: 1, rigs: [{ address: '10.0.0.5', port: 4028, driver: 'antminer', name: 'x'.repeat(65) }] },
      ['name must be at most 64 characters (got 65)'],
    ],
    [
      {
        siteId: 1,
        rigs: [
          { address: '10.0.0.5', port: 4028, driver: 'antminer' },
          { address: '10.0.0.6', port: 0, driver: 'antminer' },
        ],
      },
      ['rigs[1].port: 0 is not a port from 1 to 65535'],
    ],
  ])('refuses %j', (body, errors) => {
    expect(parseNewRigs(body, ctx)).toEqual({ ok: false, error: errors });
  });
});

describe('parseRigPatch', () => {
  it('takes any subset; an empty nameplate figure clears it', () => {
    expect(parseRigPatch({ name: ' Rack A 01 ', port: '4029', nameplateHashrateThs: '110', nameplatePowerW: '' }, ctx)).toEqual({
      ok: true,
      value: { name: 'Rack A 01', port: 4029, nameplateHashrateThs: 110, nameplatePowerW: null },
    });
    expect(parseRigPatch({ siteId: 1, address: '10.0.0.9' }, ctx)).toEqual({ ok: true, value: { siteId: 1, address: '10.0.0.9' } });
  });

  it('takes a location, trimmed; an empty part clears it', () => {
    expect(parseRigPatch({ locationBuilding: ' Hall B ', locationRack: 'R7', locationPosition: '' }, ctx)).toEqual({
      ok: true,
      value: { locationBuilding: 'Hall B', locationRack: 'R7', locationPosition: null },
    });
  });

  it.each([
    [
      {},
      'nothing to change: give at least one of name, siteId, address, port, nameplateHashrateThs, nameplatePowerW, locationBuilding, locationRack, locationPosition',
    ],
    [{ name: '  ' }, 'name must not be empty'],
    [{ siteId: 5 }, 'siteId: there is no site 5'],
    [{ address: '999.0.0.1' }, 'address: "999.0.0.1": 999.0.0.1 is not an IPv4 address (octet above 255)'],
    [{ port: 65536 }, 'port: 65536 is not a port from 1 to 65535'],
    [{ nameplateHashrateThs: -3 }, 'nameplateHashrateThs: -3 is not a TH/s figure above 0 and at most 100000 (empty clears it)'],
    [{ nameplatePowerW: 'lots' }, 'nameplatePowerW: "lots" is not a W figure above 0 and at most 1000000 (empty clears it)'],
    [{ locationBuilding: 'x'.repeat(41) }, 'locationBuilding must be at most 40 characters (got 41)'],
    [{ locationRack: 'R\u00007' }, 'locationRack must be printable text (no control or invisible characters)'],
    [{ locationPosition: 'U\u202e3' }, 'locationPosition must be printable text (no control or invisible characters)'],
    [{ locationPosition: 3 }, 'locationPosition must be text (got 3)'],
    [
      { enabled: false },
      'unknown field enabled (known: name, siteId, address, port, nameplateHashrateThs, nameplatePowerW, locationBuilding, locationRack, locationPosition)',
    ],
  ])('refuses %j', (body, message) => {
    expect(parseRigPatch(body, ctx)).toEqual({ ok: false, error: [message] });
  });
});

describe('one message per bad field', () => {
  // zod runs a length rule (min/max) even after the type was refused when the value has a length: an array
  // given as an address, or text given as the list of rigs, must still be named once, as before zod.
  it('names a value of the wrong type once, even when it has a length', () => {
    expect(parseRigPatch({ address: [] }, ctx)).toEqual({
      ok: false,
      error: ['address is required: an IPv4 address such as 10.0.0.5 or a host name'],
    });
    expect(parseNewRigs({ siteId: 1, rigs: '' }, ctx)).toEqual({
      ok: false,
      error: ['rigs is required: a list of at least one { address, port, driver }'],
    });
  });
});
