/** Shared parsing of the site mutation routes: the id from the path and the JSON body, or a 400 to return. */
import { NextResponse } from 'next/server';
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
