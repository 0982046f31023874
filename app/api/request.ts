/** Shared parsing of the JSON API routes: error replies, path ids and JSON bodies. */
import { NextResponse } from 'next/server';

/** A JSON error reply: `{ ok: false, error, errors? }`. */
export function problem(status: number, error: string, errors?: string[]) {
  return NextResponse.json({ ok: false, error, ...(errors ? { errors } : {}) }, { status });
}

/** A positive integer id from the path, or the 400 reply naming it. */
export function pathId(raw: string, what: string): number | NextResponse {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) return problem(400, `${what} id ${JSON.stringify(raw)} is not a positive integer`);
  return id;
}

/** The parsed JSON body, or the 400 reply. An empty body reads as `emptyAs` when given. */
export async function jsonBody(request: Request, emptyAs?: unknown): Promise<{ body: unknown } | NextResponse> {
  const text = await request.text();
  if (text.trim() === '' && emptyAs !== undefined) return { body: emptyAs };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return problem(400, 'the body is not valid JSON');
  }
}
