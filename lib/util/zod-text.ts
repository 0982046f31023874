/**
 * The zod schema of a required text field as the settings forms have always worded it: "name is required",
 * "name must be text (got 5)", "name must not be empty", "name must be at most 64 characters (got 70)".
 * Trimmed; its words go out through zod-issues.ts's asWritten.
 */
import { describeValue } from './describe-value';
import { z } from './zod-browser';

/** Required text named `field`, trimmed, of 1..`maxChars` characters. */
export function requiredTextSchema(field: string, maxChars: number) {
  // The type is checked apart (a pipe), before the length: zod 4.6 runs length checks on a refused list too.
  return z
    .string({
      error: (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be text (got ${describeValue(iss.input)})`),
    })
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `${field} must not be empty` })
        .max(maxChars, { error: (iss) => `${field} must be at most ${maxChars} characters (got ${String(iss.input).length})` }),
    );
}
