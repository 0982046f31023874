/** The feed fetcher (I/O shell) with an injected fetch: HTTP errors, timeouts, garbage, and a local file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../collectors/sources/http';
import { fetchTariffFeed } from '../../../collectors/sources/tariff-feed';
import type { RealtimeTariff } from '../../../lib/economics';
import { tempDir } from '../../support/temp';

const TARIFF: RealtimeTariff = {
  kind: 'realtime',
  url: 'https://grid.example/lmp.json',
  format: 'json',
  priceField: 'data.0.price',
  unit: 'MWh',
  staleAfterS: 900,
  fallbackPricePerKwh: 0.06,
};
const reply =
  (status: number, body: string): typeof fetch =>
  async () =>
    new Response(body, { status });

async function failure(p: Promise<unknown>): Promise<SourceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => dir?.cleanup());

describe('fetchTariffFeed', () => {
  it('fetches and parses the price per kWh', async () => {
    const feed = await fetchTariffFeed(TARIFF, { timeoutMs: 1000, fetch: reply(200, '{"data":[{"price":42}]}') });
    expect(feed).toEqual({ pricePerKwh: 0.042, atMs: null });
  });

  it('names the HTTP status and the URL', async () => {
    const err = await failure(fetchTariffFeed(TARIFF, { timeoutMs: 1000, fetch: reply(503, 'maintenance') }));
    expect(err.kind).toBe('http');
    expect(err.message).toBe('HTTP 503 (GET https://grid.example/lmp.json)');
  });

  it('gives up after timeoutMs', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const err = await failure(fetchTariffFeed(TARIFF, { timeoutMs: 30, fetch: never }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('no answer within 30 ms (GET https://grid.example/lmp.json)');
  });

  it('calls garbage garbage, saying what is wrong', async () => {
    const err = await failure(fetchTariffFeed(TARIFF, { timeoutMs: 1000, fetch: reply(200, '{"data":[]}') }));
    expect(err.kind).toBe('garbage');
    expect(err.message).toBe(
      'price field "data.0.price" not in the feed: index 0 of an array of 0 items (GET https://grid.example/lmp.json)',
    );
  });

  it('reads a local file given as a file: URL', async () => {
    dir = tempDir();
    const path = join(dir.dir, 'price.csv');
    writeFileSync(path, 'time,lmp\n1719860700,25\n');
    const url = pathToFileURL(path).href;
    const feed = await fetchTariffFeed({ ...TARIFF, url, format: 'csv', priceField: 'lmp', timeField: 'time' }, { timeoutMs: 1000 });
    expect(feed).toEqual({ pricePerKwh: 0.025, atMs: 1_719_860_700_000 });
    const err = await failure(fetchTariffFeed({ ...TARIFF, url: pathToFileURL(join(dir.dir, 'none.csv')).href }, { timeoutMs: 1000 }));
    expect(err.message).toMatch(/^cannot read the feed file: ENOENT/);
  });
});
