/**
 * The real web server (server.ts, production build) on the bench's database, and the principals the
 * bench signs in with: a kiosk token (wall displays; the live clients use it as their cookie), a viewer
 * session cookie (the overview, Lighthouse) and a viewer API token (the JSON APIs).
 */
import { fileURLToPath } from 'node:url';
import { startChild, type ChildHandle } from '../bin/supervisor/child';
import { buildWeb, hasCurrentWebBuild } from '../bin/supervisor/build';
import { DEFAULT_SESSION_LIFETIME } from '../lib/auth/session-lifetime';
import type { Db } from '../lib/db/client';
import { createApiToken, createSession, createUser } from '../lib/db/mutations/users';
import { freePort } from '../tests/support/system';
import { POLL_INTERVAL_MS } from './fleet';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds the web app when its production build is missing or older than its sources. */
export async function ensureWebBuild(): Promise<void> {
  if (!hasCurrentWebBuild(ROOT)) await buildWeb(ROOT);
}

export interface BenchWeb {
  origin: string;
  server: ChildHandle;
}

/** Starts server.ts on `dbPath` on a free loopback port. */
export async function startWeb(dbPath: string): Promise<BenchWeb> {
  const port = await freePort();
  const server = startChild('web', fileURLToPath(new URL('../server.ts', import.meta.url)), [], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    HASHWATT_DB: dbPath,
    PORT: String(port),
    HASHWATT_POLL_INTERVAL_S: String(POLL_INTERVAL_MS / 1000),
  });
  await server.ready;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** Credentials for the bench's requests. */
export interface BenchPrincipals {
  kioskToken: string;
  kioskCookie: string;
  sessionCookie: string;
  apiToken: string;
}

/** A kiosk token, a viewer user with a session, and a viewer API token. */
export function createPrincipals(db: Db, nowMs: number): BenchPrincipals {
  const kioskToken = createApiToken(db, 'kiosk', 'bench kiosk', 'viewer', null, nowMs).token;
  const userId = createUser(db, 'bench-viewer', 'viewer', 'bench: never signs in with a password', null, nowMs);
  const session = createSession(db, userId, nowMs, DEFAULT_SESSION_LIFETIME);
  const apiToken = createApiToken(db, 'api', 'bench api', 'viewer', null, nowMs).token;
  return { kioskToken, kioskCookie: `hw_kiosk=${kioskToken}`, sessionCookie: `hw_sess=${session}`, apiToken };
}
