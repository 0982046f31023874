/**
 * The demo's HTTP services on one loopback listener: a mempool-compatible API under /api and a
 * Braiins-Pool-compatible account API, so the demo (and the tests) need no internet. Routing only; the
 * replies are pure functions in mempool-replies.ts and braiins-replies.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { braiinsProfileReply, braiinsWorkersReply, type WorkerRates } from './braiins-replies';
import {
  difficultyAdjustmentReply,
  feesRecommendedReply,
  hashrateReply,
  pricesReply,
  recentBlocksReply,
  rewardStatsReply,
  simTipHeight,
  tipHashReply,
} from './mempool-replies';

/** How to start the services. */
export interface HttpServicesOptions {
  address: string;
  /** 0 picks a free port (tests). */
  port: number;
  now: () => number;
  seed: number;
  /** The rigs' own hash rate by pool worker name ("account.rig"), TH/s. */
  rigHashrateThs: () => WorkerRates;
  /** Token the pool API accepts in SlushPool-Auth-Token (default 'demo-token'). */
  poolToken?: string;
  /** Pool account name (default 'hashwattdemo'). */
  poolAccount?: string;
}

/** Running services and where to reach them. */
export interface RunningHttpServices {
  /** e.g. http://127.0.1.250:8999 (the pool API's base). */
  baseUrl: string;
  /** e.g. http://127.0.1.250:8999/api */
  mempoolBaseUrl: string;
  port: number;
  stop(): Promise<void>;
}

type Reply = { status: number; body: string | object };

const HASHRATE_PERIODS = new Set(['24h', '3d', '1w', '1m', '3m', '6m', '1y', '2y', '3y', 'all']);

/** Routes one GET to its reply; pure apart from reading the clock and the rig rates. */
export function routeRequest(opts: HttpServicesOptions, method: string, rawUrl: string, headers: IncomingMessage['headers']): Reply {
  const path = new URL(rawUrl, 'http://sim').pathname;
  const tMs = opts.now();
  const seed = opts.seed;
  if (method !== 'GET') return { status: 405, body: 'Method not allowed' };

  if (path.startsWith('/accounts/')) {
    const token = headers['slushpool-auth-token'] ?? headers['x-slushpool-auth-token'];
    if (token !== (opts.poolToken ?? 'demo-token')) return { status: 401, body: { detail: 'Invalid or missing auth token' } };
    if (path === '/accounts/profile/json/btc/' || path === '/accounts/profile/json/btc') {
      return { status: 200, body: braiinsProfileReply(seed, tMs, opts.rigHashrateThs(), opts.poolAccount ?? 'hashwattdemo') };
    }
    if (path === '/accounts/workers/json/btc/' || path === '/accounts/workers/json/btc') {
      return { status: 200, body: braiinsWorkersReply(seed, tMs, opts.rigHashrateThs()) };
    }
    return { status: 404, body: { detail: 'Not found' } };
  }

  if (path === '/api/blocks/tip/height') return { status: 200, body: String(simTipHeight(tMs)) };
  if (path === '/api/blocks/tip/hash') return { status: 200, body: tipHashReply(seed, tMs) };
  if (path === '/api/v1/blocks') return { status: 200, body: recentBlocksReply(seed, tMs) };
  if (path === '/api/v1/difficulty-adjustment') return { status: 200, body: difficultyAdjustmentReply(seed, tMs) };
  if (path === '/api/v1/prices') return { status: 200, body: pricesReply(seed, tMs) };
  if (path === '/api/v1/fees/recommended') return { status: 200, body: feesRecommendedReply(seed, tMs) };
  const rewards = /^\/api\/v1\/mining\/reward-stats\/(\d+)$/.exec(path);
  if (rewards) {
    const n = Number(rewards[1]);
    // mempool answers a bare 500 when the query fails; an absurd count is the demo's only way to fail it.
    return n >= 1 && n <= 10_000 ? { status: 200, body: rewardStatsReply(seed, tMs, n) } : { status: 500, body: '' };
  }
  const hashrate = /^\/api\/v1\/mining\/hashrate\/([a-z0-9]+)$/.exec(path);
  if (hashrate && HASHRATE_PERIODS.has(hashrate[1])) return { status: 200, body: hashrateReply(seed, tMs) };
  return { status: 404, body: 'Not found' };
}

function send(res: ServerResponse, reply: Reply): void {
  const json = typeof reply.body !== 'string';
  const text = json ? JSON.stringify(reply.body) : (reply.body as string);
  res.writeHead(reply.status, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Starts the listener; rejects (nothing left bound) if the address cannot be used. */
export async function startHttpServices(opts: HttpServicesOptions): Promise<RunningHttpServices> {
  const server = createServer((req, res) => {
    try {
      send(res, routeRequest(opts, req.method ?? 'GET', req.url ?? '/', req.headers));
    } catch (err) {
      send(res, { status: 500, body: `simulator error: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${opts.address}:${port}`;
  let stopped: Promise<void> | null = null;
  return {
    baseUrl,
    mempoolBaseUrl: `${baseUrl}/api`,
    port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive clients must not hold the port
      });
      return stopped;
    },
  };
}
