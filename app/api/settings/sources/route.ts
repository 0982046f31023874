import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { clearSourcesSettings, setSourcesSettings } from '../../../../lib/db/mutations/sources-settings';
import { appliedSourcesSettings, sourcesSettingsView } from '../../../../lib/db/queries/sources-settings';
import { envBitcoindCookie } from '../../../../lib/settings/sources-env';
import { parseSourcesSettings } from '../../../../lib/settings/sources-settings';
import { jsonBody, problem } from '../../request';

export const dynamic = 'force-dynamic';

/** The network and price source settings that apply (bitcoind password "<redacted>") and each source's last success and error. */
export function GET() {
  return NextResponse.json(sourcesSettingsView(getAppDb(), process.env));
}

/**
 * Stores the whole settings document; the collector applies it at its next refresh. A "<redacted>" password
 * keeps the applied one for the same node; a cookie path only the environment sets (HASHWATT_BITCOIND_COOKIE).
 */
export async function PUT(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const input = parseSourcesSettings(parsed.body, appliedSourcesSettings(db, process.env).settings, envBitcoindCookie(process.env));
  if (!input.ok) return problem(400, 'invalid source settings', input.error);
  setSourcesSettings(db, input.value, Date.now());
  return NextResponse.json({ ok: true, ...sourcesSettingsView(db, process.env) });
}

/** Forgets the stored settings: the environment's apply again from the next refresh. */
export function DELETE() {
  const db = getAppDb();
  clearSourcesSettings(db, Date.now());
  return NextResponse.json({ ok: true, ...sourcesSettingsView(db, process.env) });
}
