import { NextResponse } from 'next/server';
import { kioskWallUrl } from '../../../lib/auth/kiosk-link';
import { defaultTokenName, parseNewToken } from '../../../lib/auth/token-input';
import { getAppConfig } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { createApiToken } from '../../../lib/db/mutations/users';
import { siteExists } from '../../../lib/db/queries/rigs';
import { listSites } from '../../../lib/db/queries/sites';
import { listTokenViews } from '../../../lib/db/queries/users';
import { ORIGIN_HEADER } from '../../../lib/web/request-facts';
import { jsonBody, refused } from '../request';

export const dynamic = 'force-dynamic';

/** Every API and kiosk token (kind, name, role, site, created, last used, revoked); never a token or its hash. */
export function GET() {
  return NextResponse.json({ tokens: listTokenViews(getAppDb()) });
}

/**
 * Issues a token: `{ kind: 'api', name?, role }` or `{ kind: 'kiosk', name?, siteId? }`. The reply holds
 * the token itself, the only time it is shown, and for a kiosk token the wall URL to open on the display.
 */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const input = parseNewToken(parsed.body, (id) => siteExists(db, id));
  if (!input.ok) return refused(input.error);
  const { kind, role, siteId } = input.value;
  const siteName = siteId === null ? null : (listSites(db).find((s) => s.id === siteId)?.name ?? null);
  const { id, token } = createApiToken(db, kind, input.value.name ?? defaultTokenName(kind, role, siteName), role, siteId, Date.now());
  const view = listTokenViews(db).find((t) => t.id === id);
  const requestOrigin = request.headers.get(ORIGIN_HEADER) ?? new URL(request.url).origin;
  const wallUrl = kind === 'kiosk' ? kioskWallUrl(token, getAppConfig().config.publicUrl, requestOrigin) : null;
  return NextResponse.json({ ok: true, token: view, secret: token, wallUrl }, { status: 201 });
}
