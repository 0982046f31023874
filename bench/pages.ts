/**
 * Page and API figures against the real web server: the overview's HTML (bytes, gzip bytes, time to the
 * last byte), /api/fleet, a rig's 30-day history, and the first-load JavaScript of / (every script the
 * overview's HTML loads, read from the build in .next and gzipped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { percentile, round } from './stats';
import { ROOT } from './web';

/** Times `runs` GETs of `url` (after one warm-up); returns the last body with median and p95 time to the last byte. */
async function timedGet(url: string, headers: Record<string, string>, runs: number) {
  let body = '';
  let status = 0;
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' }, redirect: 'manual' });
    body = await res.text();
    if (i > 0) times.push(performance.now() - t0);
    status = res.status;
  }
  return { status, body, p50Ms: round(percentile(times, 50), 1), p95Ms: round(percentile(times, 95), 1) };
}

export interface PageFigures {
  overview: { status: number; htmlBytes: number; htmlGzipBytes: number; serverP50Ms: number | null; serverP95Ms: number | null };
  apiFleet: { status: number; bytes: number; p50Ms: number | null; p95Ms: number | null };
  rigHistory30d: { status: number; bytes: number; p50Ms: number | null; p95Ms: number | null; rigId: number };
  firstLoadJs: { scripts: number; gzipBytes: number; missing: string[] };
}

/** Gzip bytes of every /_next/ script the HTML loads, read from the build. */
export function firstLoadJs(html: string): PageFigures['firstLoadJs'] {
  const srcs = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]));
  let gzipBytes = 0;
  const missing: string[] = [];
  for (const src of srcs) {
    const m = /\/_next\/(static\/[^?"]+)/.exec(src);
    if (!m) continue;
    try {
      gzipBytes += gzipSync(readFileSync(join(ROOT, '.next', decodeURIComponent(m[1])))).length;
    } catch {
      missing.push(src);
    }
  }
  return { scripts: srcs.size, gzipBytes, missing };
}

/** Measures the pages of the server at `origin` (session cookie for the overview, API token for the APIs). */
export async function measurePages(
  origin: string,
  sessionCookie: string,
  apiToken: string,
  rigId: number,
  runs: number,
): Promise<PageFigures> {
  const overview = await timedGet(`${origin}/`, { cookie: sessionCookie }, runs);
  const api = { authorization: `Bearer ${apiToken}` };
  const fleet = await timedGet(`${origin}/api/fleet`, api, runs);
  const history = await timedGet(`${origin}/api/rigs/${rigId}/history?range=30d`, api, runs);
  return {
    overview: {
      status: overview.status,
      htmlBytes: Buffer.byteLength(overview.body),
      htmlGzipBytes: gzipSync(overview.body).length,
      serverP50Ms: overview.p50Ms,
      serverP95Ms: overview.p95Ms,
    },
    apiFleet: { status: fleet.status, bytes: Buffer.byteLength(fleet.body), p50Ms: fleet.p50Ms, p95Ms: fleet.p95Ms },
    rigHistory30d: { status: history.status, bytes: Buffer.byteLength(history.body), p50Ms: history.p50Ms, p95Ms: history.p95Ms, rigId },
    firstLoadJs: firstLoadJs(overview.body),
  };
}
