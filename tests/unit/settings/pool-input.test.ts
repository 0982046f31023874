/** The pools form's validation and its secrets redacted and kept (the kind table against the adapters: sources/pool-kinds.test.ts). */
import { describe, expect, it } from 'vitest';
import { parsePoolInput, redactPool } from '../../../lib/settings/pool-input';
import type { PoolConfig } from '../../../lib/domain/pool-config';

const antpool: PoolConfig = {
  name: 'AntPool main',
  kind: 'antpool',
  baseUrl: '',
  credentials: { userId: 'site-a', apiKey: 'key-123456', apiSecret: 'secret-abcdef' },
  feePct: 2.5,
  matchUrl: 'antpool.com',
};

describe('parsePoolInput', () => {
  it('accepts a complete account, trimming text and lower-casing the kind', () => {
    expect(parsePoolInput({ ...antpool, kind: 'AntPool', name: ' AntPool main ' }, null)).toEqual({ ok: true, value: antpool });
  });

  it('defaults the fee to 2 % and an empty base URL to the public API', () => {
    const res = parsePoolInput({ name: 'Ocean', kind: 'ocean', credentials: { address: 'bc1qexample' }, matchUrl: 'ocean.xyz' }, null);
    expect(res).toEqual({
      ok: true,
      value: { name: 'Ocean', kind: 'ocean', baseUrl: '', credentials: { address: 'bc1qexample' }, feePct: 2, matchUrl: 'ocean.xyz' },
    });
  });

  it('names every bad field, including each missing credential with its label', () => {
    const res = parsePoolInput(
      { name: '', kind: 'luxor', baseUrl: 'luxor.tech', credentials: { apiKey: '  ', colour: 'x' }, feePct: 120, port: 1 },
      null,
    );
    expect(res).toEqual({
      ok: false,
      error: [
        'unknown field(s): port (allowed: name, kind, baseUrl, credentials, feePct, matchUrl)',
        'name must not be empty',
        'baseUrl must be an http:// or https:// URL, or empty for the pool\'s public API (got "luxor.tech")',
        'unknown credential(s) for luxor: colour (it needs apiKey, subaccount)',
        'credentials.apiKey is required for luxor (API key)',
        'credentials.subaccount is required for luxor (Subaccount)',
        'matchUrl is required',
        'feePct must be a number from 0 to 10 percent (got 120)',
      ],
    });
  });

  it('refuses an unknown kind', () => {
    const res = parsePoolInput({ ...antpool, kind: 'slushpool' }, null);
    expect(res).toEqual({ ok: false, error: ['kind must be one of braiins, ocean, viabtc, antpool, f2pool, luxor (got "slushpool")'] });
  });
});

describe('pool secrets', () => {
  it('redacts only the secret credentials', () => {
    expect(redactPool(antpool).credentials).toEqual({ userId: 'site-a', apiKey: '<redacted>', apiSecret: '<redacted>' });
    expect(antpool.credentials.apiKey).toBe('key-123456');
  });

  it('keeps a stored secret sent back as <redacted>, but not across a change of kind or for a non-secret field', () => {
    const shown = redactPool(antpool);
    expect(parsePoolInput({ ...shown, feePct: 1 }, antpool)).toEqual({ ok: true, value: { ...antpool, feePct: 1 } });
    expect(parsePoolInput({ ...shown, credentials: { ...shown.credentials, apiKey: 'new-key-999' } }, antpool)).toEqual({
      ok: true,
      value: { ...antpool, credentials: { ...antpool.credentials, apiKey: 'new-key-999' } },
    });
    const viabtc = parsePoolInput({ ...shown, kind: 'viabtc', credentials: { apiKey: '<redacted>' } }, antpool);
    expect(viabtc).toEqual({
      ok: false,
      error: ['credentials.apiKey must be entered: "<redacted>" stands for a stored secret, and none is stored for these settings'],
    });
    const ocean = parsePoolInput(
      { name: 'O', kind: 'ocean', credentials: { address: '<redacted>' }, matchUrl: 'ocean' },
      { ...antpool, kind: 'ocean', credentials: { address: 'bc1qstored' } },
    );
    expect(ocean).toEqual({
      ok: true,
      value: { name: 'O', kind: 'ocean', baseUrl: '', credentials: { address: '<redacted>' }, feePct: 2, matchUrl: 'ocean' },
    });
  });

  it('keeps stored secrets only while the account is read from the same API: a new baseUrl needs them typed again', () => {
    const shown = redactPool(antpool);
    const at = (baseUrl: string) => parsePoolInput({ ...shown, baseUrl }, antpool);
    expect(at('')).toEqual({ ok: true, value: antpool });
    expect(at('https://antpool.com/')).toEqual({ ok: true, value: { ...antpool, baseUrl: 'https://antpool.com/' } }); // the default, written out
    expect(at('https://collector.example')).toEqual({
      ok: false,
      error: [
        'credentials.apiKey must be entered again: the stored one was sent to https://antpool.com, and these settings send it to https://collector.example',
        'credentials.apiSecret must be entered again: the stored one was sent to https://antpool.com, and these settings send it to https://collector.example',
      ],
    });
    const typed = parsePoolInput(
      { ...shown, baseUrl: 'https://collector.example', credentials: { userId: 'site-a', apiKey: 'k2', apiSecret: 's2' } },
      antpool,
    );
    expect(typed).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://collector.example', credentials: { apiKey: 'k2', apiSecret: 's2' } },
    });
  });
});
