/**
 * Reads a real-time tariff's feed (the I/O shell around the pure parseRealtimeFeed): HTTP(S) with a hard
 * timeout, or a local file for operators whose price arrives by some other job. Failures are
 * SourceErrors that name the URL, so the stored last error tells the operator what to fix.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseRealtimeFeed, type FeedPrice, type RealtimeTariff } from '../../lib/economics';
import { getText, locate, redactUrl, SourceError } from './http';

/** Options of one feed read. */
export interface TariffFeedOptions {
  timeoutMs: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

async function readFeedFile(url: string): Promise<string> {
  try {
    return await readFile(fileURLToPath(url), 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new SourceError('unreachable', `cannot read the feed file: ${code}`, `READ ${url}`);
  }
}

/** Fetches the feed and reads its latest price per kWh (and its time, when the tariff names a time field). */
export async function fetchTariffFeed(tariff: RealtimeTariff, opts: TariffFeedOptions): Promise<FeedPrice> {
  const isFile = tariff.url.startsWith('file:');
  const body = isFile ? await readFeedFile(tariff.url) : await getText(tariff.url, { timeoutMs: opts.timeoutMs, fetch: opts.fetch });
  const where = isFile ? `READ ${tariff.url}` : `GET ${redactUrl(tariff.url)}`;
  return locate(where, () => {
    try {
      return parseRealtimeFeed(body, tariff);
    } catch (err) {
      throw new SourceError('garbage', err instanceof Error ? err.message : String(err));
    }
  });
}
