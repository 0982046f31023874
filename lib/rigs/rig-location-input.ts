/**
 * A rig's location parts (building, rack, position) as the settings form, the API and the CSV import take
 * them: trimmed, at most MAX_LOCATION_CHARS characters, printable (no control or invisible formatting
 * characters, which would corrupt a CSV line or hide in a label); empty clears the part. Pure.
 */
import { describeValue } from '../util/describe-value';
import { err, ok, type Result } from '../util/result';
import { z } from '../util/zod-browser';

/** Longest location part accepted: a hall, row or rack label, not a description. */
export const MAX_LOCATION_CHARS = 40;

/** Control, format (zero-width, bidi overrides), surrogate and unassigned characters. */
const NOT_PRINTABLE = /\p{C}/u;

/** One location part: the trimmed text, null for empty, or the message naming `field`. */
export function checkLocationPart(field: string, raw: unknown): Result<string | null, string> {
  if (raw === undefined || raw === null) return ok(null);
  if (typeof raw !== 'string') return err(`${field} must be text (got ${describeValue(raw)})`);
  const text = raw.trim();
  if (text === '') return ok(null);
  if (text.length > MAX_LOCATION_CHARS) return err(`${field} must be at most ${MAX_LOCATION_CHARS} characters (got ${text.length})`);
  if (NOT_PRINTABLE.test(text)) return err(`${field} must be printable text (no control or invisible characters)`);
  return ok(text);
}

/** The zod schema of one location part (see checkLocationPart). */
export function locationPartSchema(field: string) {
  return z.unknown().transform((raw, ctx): string | null => {
    const checked = checkLocationPart(field, raw);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.error });
    return z.NEVER;
  });
}
