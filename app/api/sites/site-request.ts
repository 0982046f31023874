/** Shared parsing of the site mutation routes: the id from the path and the JSON body, or a 400 to return. */
import { NextResponse } from 'next/server';

/** A JSON error reply: `{ ok: false, error, errors? }`. */
export function problem(status: number, error: string, errors?: string[]) {
  return NextResponse.json({ ok: false, error, ...(errors ? { errors } : {}) }, { status });
}

/** The site id and parsed body of a request, or the 400 response explaining what is wrong with it. */
export async function readSiteRequest(
  request: Request,
  ctx: { params: Promise<{ id: string }> },
): Promise<{ siteId: number; body: unknown } | NextResponse> {
  const { id } = await ctx.params;
  const siteId = Number(id);
  if (!Number.isInteger(siteId) || siteId <= 0) return problem(400, `site id ${JSON.stringify(id)} is not a positive integer`);
  try {
    return { siteId, body: (await request.json()) as unknown };
  } catch {
    return problem(400, 'the body is not valid JSON');
  }
}
