import { getAppConfig, marketPolicy } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { readMetricsInput } from '../../lib/db/queries/metrics';
import { exposition, metricFamilies } from '../../lib/metrics/exposition';
import { viewer } from '../principal';

export const dynamic = 'force-dynamic';

/**
 * Prometheus scrape target: every rig, site, fleet, network and collector series the caller may see, in
 * the Prometheus text format (lib/metrics). Authenticated like every data route (the gate): an API token
 * as `Authorization: Bearer`, limited to its sites when the token is.
 */
export async function GET() {
  const who = await viewer();
  const input = readMetricsInput(getAppDb(), Date.now(), marketPolicy(getAppConfig().config));
  const { text, contentType } = await exposition(metricFamilies(input, who));
  return new Response(text, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
