import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../../lib/config';
import { getAppDb } from '../../../../lib/db/app-db';
import { clearSourcesSettings, setSourcesSettings } from '../../../../lib/db/mutations/sources-settings';
import { appliedSourcesSettings, sourcesSettingsView } from '../../../../lib/db/queries/sources-settings';
import { parseSourcesSettings } from '../../../../lib/settings/sources-settings';
import { jsonBody, problem } from '../../request';

export const dynamic = 'force-dynamic';

/** The network and price source settings that apply (bitcoind password "<redacted>") and each source's last success and error. */
export function GET() {
  return NextResponse.json(sourcesSettingsView(getAppDb(), getAppConfig().sources));
}

/**
 * Stores the whole settings document; the collector applies it at its next refresh. A "<redacted>" password
 * keeps the applied one for the same node; a cookie path only the environment sets (HASHWATT_BITCOIND_COOKIE).
 */
export async function PUT(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const envSources = getAppConfig().sources;
  const input = parseSourcesSettings(parsed.body, appliedSourcesSettings(db, envSources).settings, envSources.bitcoindCookie);
  if (!input.ok) return problem(400, 'invalid source settings', input.error);
  setSourcesSettings(db, input.value, Date.now());
  return NextResponse.json({ ok: true, ...sourcesSettingsView(db, envSources) });
}

/** Forgets the stored settings: the environment's apply again from the next refresh. */
export function DELETE() {
  const db = getAppDb();
  clearSourcesSettings(db, Date.now());
  return NextResponse.json({ ok: true, ...sourcesSettingsView(db, getAppConfig().sources) });
}
