/**
 * Reads a real-time tariff's feed (the I/O shell around the pure parseRealtimeFeed): HTTP(S) with a hard
 * deadline, or a local file for operators whose price arrives by some other job; either is read up to
 * REPLY_MAX_BYTES.tariffFeed and no further. Failures are SourceErrors that name the URL, so the stored
 * last error tells the operator what to fix.
 */
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../../lib/format/units';
import { parseRealtimeFeed, type FeedPrice, type RealtimeTariff } from '../../lib/economics';
import { getText, locate, redactUrl, REPLY_MAX_BYTES, SourceError } from './http';

/** Options of one feed read. */
export interface TariffFeedOptions {
  timeoutMs: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The feed file's text, reading at most `maxBytes + 1` bytes (a FIFO or a growing file is bounded too). */
async function readFeedFile(url: string, maxBytes: number): Promise<string> {
  const where = `READ ${url}`;
  let buf: Buffer;
  let filled = 0;
  try {
    const file = await open(fileURLToPath(url), 'r');
    try {
      buf = Buffer.alloc(maxBytes + 1);
      for (;;) {
        const { bytesRead } = await file.read(buf, filled, buf.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled > maxBytes) break;
      }
    } finally {
      await file.close();
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new SourceError('unreachable', `cannot read the feed file: ${code}`, where);
  }
  if (filled > maxBytes) throw new SourceError('too-large', `the feed file is larger than the ${formatBytes(maxBytes)} a feed may be`, where);
  return buf.subarray(0, filled).toString('utf8');
}

/** Fetches the feed and reads its latest price per kWh (and its time, when the tariff names a time field). */
export async function fetchTariffFeed(tariff: RealtimeTariff, opts: TariffFeedOptions): Promise<FeedPrice> {
  const isFile = tariff.url.startsWith('file:');
  const maxBytes = REPLY_MAX_BYTES.tariffFeed;
  const body = isFile ? await readFeedFile(tariff.url, maxBytes) : await getText(tariff.url, { timeoutMs: opts.timeoutMs, fetch: opts.fetch, maxBytes });
  const where = isFile ? `READ ${tariff.url}` : `GET ${redactUrl(tariff.url)}`;
  return locate(where, () => {
    try {
      return parseRealtimeFeed(body, tariff);
    } catch (err) {
      throw new SourceError('garbage', err instanceof Error ? err.message : String(err));
    }
  });
}
