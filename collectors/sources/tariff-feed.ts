/**
 * Reads a real-time tariff's feed (the I/O shell around the pure parseRealtimeFeed): HTTP(S) with a hard
 * deadline, or a local file for operators whose price arrives by some other job; either is read up to
 * REPLY_MAX_BYTES.tariffFeed and no further. Failures are SourceErrors that name the URL, so the stored
 * last error tells the operator what to fix.
 */
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../../lib/format/units';
import { parseRealtimeFeed, type FeedPrice, type RealtimeTariff } from '../../lib/economics';
import { readFileCapped } from '../../lib/util/read-file-capped';
import { getText, locate, redactUrl, REPLY_MAX_BYTES, SourceError } from './http';

/** Options of one feed read. */
export interface TariffFeedOptions {
  timeoutMs: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The feed file's text, read up to `maxBytes`. */
async function readFeedFile(url: string, maxBytes: number): Promise<string> {
  const where = `READ ${url}`;
  let read: Awaited<ReturnType<typeof readFileCapped>>;
  try {
    read = await readFileCapped(fileURLToPath(url), maxBytes);
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new SourceError('unreachable', `cannot read the feed file: ${code}`, where);
  }
  if (!read.ok) throw new SourceError('too-large', `the feed file is larger than the ${formatBytes(maxBytes)} a feed may be`, where);
  return read.value;
}

/** Fetches the feed and reads its latest price per kWh (and its time, when the tariff names a time field). */
export async function fetchTariffFeed(tariff: RealtimeTariff, opts: TariffFeedOptions): Promise<FeedPrice> {
  const isFile = tariff.url.startsWith('file:');
  const maxBytes = REPLY_MAX_BYTES.tariffFeed;
  const body = isFile
    ? await readFeedFile(tariff.url, maxBytes)
    : await getText(tariff.url, { timeoutMs: opts.timeoutMs, fetch: opts.fetch, maxBytes });
  const where = isFile ? `READ ${tariff.url}` : `GET ${redactUrl(tariff.url)}`;
  return locate(where, () => {
    try {
      return parseRealtimeFeed(body, tariff);
    } catch (err) {
      throw new SourceError('garbage', err instanceof Error ? err.message : String(err));
    }
  });
}
