import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../../lib/db/app-db';
import { listRigViews } from '../../../../../../lib/db/queries/rigs';
import { listSites } from '../../../../../../lib/db/queries/sites';
import { pathId, problem } from '../../../../request';
import { putOverride } from '../../override-request';

export const dynamic = 'force-dynamic';

/** Replaces a site's or a rig's threshold override (`{}` clears it): PUT /api/alerts/rules/site/3, /rig/7. */
export async function PUT(request: Request, ctx: { params: Promise<{ scope: string; id: string }> }) {
  const { scope, id: rawId } = await ctx.params;
  if (scope !== 'site' && scope !== 'rig')
    return problem(404, `no rule scope ${JSON.stringify(scope)} (use global, site/<id> or rig/<id>)`);
  const id = pathId(rawId, scope);
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  const exists = scope === 'site' ? listSites(db).some((s) => s.id === id) : listRigViews(db).some((r) => r.id === id);
  if (!exists) return problem(404, `no ${scope} with id ${id}`);
  return putOverride(request, scope, id);
}
