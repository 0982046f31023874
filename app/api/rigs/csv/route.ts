import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { applyRigImport, exportRigsCsv, previewRigImport } from '../../../rigs/rig-csv-io';
import { readCappedText } from '../../../../lib/util/read-capped';
import { bodyLimitFor, bodyTooLargeMessage } from '../../../../lib/web/body-limits';
import { problem } from '../../request';

export const dynamic = 'force-dynamic';

/** The rig list as a CSV download (admins only, as the rig settings): name, address, port, driver, site, building, rack, position. */
export function GET() {
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(exportRigsCsv(getAppDb()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="hashwatt-rigs-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * Imports a rig list sent as the CSV body. Without `?apply=1` a dry run: `{ ok: true, plan }` with every row
 * new, updated, unchanged or refused (with the line and field why). With `?apply=1` the rows are written in
 * one transaction when none is refused (`{ ok: true, applied: true, plan }`), else nothing is (409 with the
 * plan). A file that is not a rig CSV as a whole is a 400 naming the line; one over the cap a 413.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const maxBytes = bodyLimitFor('POST', url.pathname);
  const read = await readCappedText(request.body, maxBytes, 'linger');
  if (!read.ok) return problem(413, bodyTooLargeMessage(maxBytes));
  const db = getAppDb();
  if (url.searchParams.get('apply') !== '1') {
    const plan = previewRigImport(db, read.value.text);
    return plan.ok ? NextResponse.json({ ok: true, applied: false, plan: plan.value }) : problem(400, plan.error);
  }
  const applied = applyRigImport(db, read.value.text, Date.now());
  if (applied.ok) return NextResponse.json({ ok: true, applied: true, plan: applied.value });
  if (!applied.error.plan) return problem(400, applied.error.message);
  return NextResponse.json({ ok: false, error: applied.error.message, plan: applied.error.plan }, { status: 409 });
}
