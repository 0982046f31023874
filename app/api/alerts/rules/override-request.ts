/** PUT of a threshold override at one scope: validated, stored (an empty object clears it). */
import { NextResponse } from 'next/server';
import { parseThresholdOverride } from '../../../../lib/alerts/thresholds';
import { getAppDb } from '../../../../lib/db/app-db';
import { setThresholdOverride, type OverrideScope } from '../../../../lib/db/mutations/alert-settings';
import { jsonBody, problem } from '../../request';

export async function putOverride(request: Request, scope: OverrideScope, scopeId: number) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const where = scope === 'global' ? 'global thresholds' : `${scope} ${scopeId} thresholds`;
  const result = parseThresholdOverride(parsed.body, where);
  if (!result.ok) return problem(400, `invalid ${where}`, result.error);
  setThresholdOverride(getAppDb(), scope, scopeId, result.value, Date.now());
  return NextResponse.json({ ok: true, override: result.value });
}
