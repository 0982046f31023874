/** Shared parsing of the site mutation routes: the id from the path and the JSON body, or a 400 to return. */
import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { listSites } from '../../../lib/db/queries/sites';
import { jsonBody, pathId, problem } from '../request';

export { problem };

/** The site id and parsed body of a request, or the 400 response explaining what is wrong with it. */
export async function readSiteRequest(
  request: Request,
  ctx: { params: Promise<{ id: string }> },
): Promise<{ siteId: number; body: unknown } | NextResponse> {
  const siteId = pathId((await ctx.params).id, 'site');
  if (siteId instanceof NextResponse) return siteId;
  const body = await jsonBody(request);
  if (body instanceof NextResponse) return body;
  return { siteId, body: body.body };
}

/** A stored site, as the site setting routes read it. */
export type StoredSite = ReturnType<typeof listSites>[number];

/**
 * The preamble of the routes that set one thing of an existing site (tariff, GPU revenue): the id and the
 * parsed body (400 otherwise), then the site itself (404 `no site with id N` when there is none).
 */
export async function readSiteSetting(
  request: Request,
  ctx: { params: Promise<{ id: string }> },
): Promise<{ site: StoredSite; siteId: number; body: unknown } | NextResponse> {
  const read = await readSiteRequest(request, ctx);
  if (read instanceof NextResponse) return read;
  const site = listSites(getAppDb()).find((s) => s.id === read.siteId);
  if (!site) return problem(404, `no site with id ${read.siteId}`);
  return { ...read, site };
}
