/** Shared parsing of the JSON API routes: error replies, path ids and JSON bodies. */
import { NextResponse } from 'next/server';
import { bodyLimitFor, bodyTooLargeMessage } from '../../lib/web/body-limits';
import { describeValue } from '../../lib/util/describe-value';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../../lib/util/json-depth';
import { capMessages } from '../../lib/util/message-list';
import { readCappedText } from '../../lib/util/read-capped';

/** A JSON error reply: `{ ok: false, error, errors? }`. */
export function problem(status: number, error: string, errors?: string[]) {
  return NextResponse.json({ ok: false, error, ...(errors ? { errors } : {}) }, { status });
}

/** A 400 listing why the input is refused: at most MAX_MESSAGES reasons, the last counting the rest. */
export function refused(errors: readonly string[]) {
  const lines = capMessages(errors);
  return problem(400, lines.join('; '), lines);
}

/** A positive integer id from the path, or the 400 reply naming it. */
export function pathId(raw: string, what: string): number | NextResponse {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) return problem(400, `${what} id ${describeValue(raw)} is not a positive integer`);
  return id;
}

/**
 * The parsed JSON body, or the reply refusing it: 413 past the route's size cap (counted as it arrives,
 * never buffered past it; the rest is read briefly and dropped, see LINGER), 400 when it is not JSON or
 * nests deeper than MAX_JSON_DEPTH. An empty body reads as `emptyAs` when given.
 */
export async function jsonBody(request: Request, emptyAs?: unknown): Promise<{ body: unknown } | NextResponse> {
  const maxBytes = bodyLimitFor(request.method, new URL(request.url).pathname);
  const read = await readCappedText(request.body, maxBytes, 'linger');
  if (!read.ok) return problem(413, bodyTooLargeMessage(maxBytes));
  const text = read.value.text;
  if (text.trim() === '' && emptyAs !== undefined) return { body: emptyAs };
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH))
    return problem(400, `the body nests deeper than ${MAX_JSON_DEPTH} levels of lists and objects`);
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return problem(400, 'the body is not valid JSON');
  }
}
