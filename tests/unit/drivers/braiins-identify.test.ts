/**
 * identifyBraiins on probe replies built from the captures: it claims BOSminer, BOSminer+ and BOSer, and
 * none of the other families' replies (stock and aftermarket Antminer, Whatsminer, LuxOS).
 */
import { describe, expect, it } from 'vitest';
import { fixtureBody, fixtureText } from '../../support/driver-fixtures';
import { braiinsDriver, identifyBraiins } from '../../../collectors/drivers/braiins';
import type { ProbeReplies } from '../../../collectors/drivers/types';

/** A capture's body; error replies (which the scanner drops) are parsed as plain JSON so identify sees them. */
const body = (name: string): object => {
  try {
    return fixtureBody(name);
  } catch {
    return JSON.parse(fixtureText(name)) as object;
  }
};

const probe = (p: Partial<NonNullable<ProbeReplies['cgminer']>>): ProbeReplies => ({
  cgminer: { version: null, stats: null, devdetails: null, summary: null, ...p },
});

describe('identifyBraiins', () => {
  it('is the "braiins" cgminer driver on 4028', () => {
    expect([braiinsDriver.name, braiinsDriver.protocol, braiinsDriver.defaultPort]).toEqual(['braiins', 'cgminer', 4028]);
  });

  it.each([
    [
      'BOSminer+ version + summary',
      { version: 'braiins-bosplus-s9-version.json', summary: 'braiins-bosplus-s9-summary.json' },
      'BOSminer+ 0.2.0-36c56a9363',
    ],
    [
      'BOSminer version + summary',
      { version: 'braiins-bos-s9-version.json', summary: 'braiins-bos-s9-summary.json' },
      'BOSminer 0.2.0-d360818',
    ],
    ['BOSminer+ summary alone', { summary: 'braiins-bosplus-s9-summary.json' }, 'BOSminer+ 0.2.0-36c56a9363'],
    [
      'BOSminer devs as devdetails stand-in (Description only)',
      { devdetails: 'braiins-bosplus-s9-devs.json' },
      'BOSminer bosminer-plus-am1-s9 0.4.0-908ca41d',
    ],
  ])('claims %s', (_what, files: Record<string, string>, firmware) => {
    const p = probe(Object.fromEntries(Object.entries(files).map(([k, f]) => [k, body(f)])));
    expect(identifyBraiins(p)).toEqual({ driver: 'braiins', make: 'Bitmain', model: 'Antminer', firmware });
  });

  it('names the hardware from devdetails when the probe has it (BOSminer docs example)', () => {
    const devdetails = {
      STATUS: [{ STATUS: 'S', Description: 'BOSminer+ 0.2.0-ea64aec8e' }],
      DEVDETAILS: [{ Chips: 63, ID: 6, Model: 'Bitmain Antminer S9' }],
    };
    expect(identifyBraiins(probe({ devdetails }))).toEqual({
      driver: 'braiins',
      make: 'Bitmain',
      model: 'Antminer S9',
      firmware: 'BOSminer+ 0.2.0-ea64aec8e',
    });
  });

  it('claims a VERSION that names BOSminer+ even without a Description', () => {
    const version = { VERSION: [{ API: '3.7', 'BOSminer+': '0.2.0-36c56a9363' }] };
    expect(identifyBraiins(probe({ version }))?.firmware).toBe('BOSminer+ 0.2.0-36c56a9363');
  });

  it.each([
    ['stock S19 Pro', { version: 'antminer-s19pro-version.json', stats: 'antminer-s19pro-stats.json' }],
    ['stock S9', { version: 'antminer-s9-bmminer-version.json', stats: 'antminer-s9-bmminer-stats.json' }],
    ['Hiveon S9', { version: 'hiveon-s9-version.json', stats: 'hiveon-s9-stats.json' }],
    ['Vnish S17+', { stats: 'vnish-s17plus-stats.json' }],
    ['Whatsminer M31S', { summary: 'whatsminer-m31s-summary.json' }],
    ['LuxOS error reply', { version: 'luxos-error-invalid-command.json' }],
  ])('does not claim %s', (_what, files: Record<string, string>) => {
    const p = probe(Object.fromEntries(Object.entries(files).map(([k, f]) => [k, body(f)])));
    expect(identifyBraiins(p)).toBeNull();
  });

  it('answers null without cgminer replies', () => {
    expect(identifyBraiins({})).toBeNull();
    expect(identifyBraiins(probe({}))).toBeNull();
  });
});
