/**
 * The one formatter of zod issues into the messages users see: "field rule (got value)", the field as a
 * path (bands[0].pricePerKwh), the value quoted short and safe (describeValue), at most MAX_MESSAGES lines.
 * A parser whose messages were worded before zod (and that tests, the CLI and the API assert on) keeps its
 * wording through `IssueWording.custom`; everything else reads the same everywhere.
 */
import type { z } from 'zod';
import { describeValue } from './describe-value';
import { MAX_MESSAGES, MessageList } from './message-list';

/** One zod issue (zod 4's core type). */
export type ZodIssue = z.core.$ZodIssue;

/** How one parser words its messages. */
export interface IssueWording {
  /** What an issue about the whole input calls it, e.g. "the tariff". */
  subject: string;
  /** Longest quote of a value given, characters (default 60). */
  quoteChars?: number;
  /** This parser's own words for an issue (where is the issue's path text, '' at the root); undefined: the house wording. */
  custom?: (issue: ZodIssue, where: string, input: unknown) => string | undefined;
}

/**
 * The wording of a parser that words each issue where its schema checks it (each check's `error`, each
 * refinement's message): its message as written, for messages worded before zod that users already see.
 */
export function asWritten(subject: string): IssueWording {
  return { subject, custom: (issue) => issue.message };
}

/** A zod path as messages write it: `bands[0].pricePerKwh`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The value an issue is about (zod reports it with `reportInput: true`). */
export function issueInput(issue: ZodIssue): unknown {
  return (issue as { input?: unknown }).input;
}

/** One issue as a message, in `wording`'s words where it has some, the house wording otherwise. */
export function issueMessage(issue: ZodIssue, wording: IssueWording): string {
  const where = issuePath(issue.path);
  const input = issueInput(issue);
  const custom = wording.custom?.(issue, where, input);
  if (custom !== undefined) return custom;
  const shown = (value: unknown): string => describeValue(value, wording.quoteChars ?? 60);
  const subject = where || wording.subject;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${subject} is required`;
      if (issue.expected === 'int') return `${subject} must be a whole number (got ${shown(input)})`;
      return `${subject} must be a ${issue.expected} (got ${shown(input)})`;
    case 'too_small':
      if (issue.origin === 'array') return `${subject} must list at least ${issue.minimum} item`;
      if (issue.origin === 'string') return `${subject} must not be empty`;
      return `${subject} must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum} (got ${shown(input)})`;
    case 'too_big':
      if (issue.origin === 'array')
        return `${subject} must list at most ${issue.maximum} items${Array.isArray(input) ? ` (got ${input.length})` : ''}`;
      return `${subject} must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum} (got ${shown(input)})`;
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map((v) => String(v)).join(', ')} (got ${shown(input)})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 5)
        .map((k) => shown(k))
        .join(', ')}${issue.keys.length > 5 ? ', ...' : ''}${where ? ` in ${where}` : ''}`;
    default:
      return `${subject} ${issue.message}${input === undefined ? '' : ` (got ${shown(input)})`}`;
  }
}

/** Every issue as a message, at most `max` lines (the last counting the rest; a dropped one is never worded). */
export function issueMessages(issues: readonly ZodIssue[], wording: IssueWording, max = MAX_MESSAGES): string[] {
  const lines = new MessageList(max);
  for (const issue of issues) lines.add(() => issueMessage(issue, wording));
  return lines.lines();
}
