/** Validating a channel config of any kind against its descriptor's schema. Pure (no sending code). */
import type { z } from 'zod';
import { err, ok, type Parsed } from '../util/result';
import { issueMessages, type IssueWording } from '../util/zod-issues';
import { CHANNEL_KINDS, channelDescriptor, type ChannelConfig } from './descriptors';

/** A validated config, or every problem found (each names the field, none echoes a secret). */
export type ParsedChannelConfig = Parsed<ChannelConfig>;

/** Validates a channel config; errors name the field and never echo secrets. */
export function parseChannelConfig(input: unknown): ParsedChannelConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([`a channel config must be a JSON object with a kind (${CHANNEL_KINDS.join(', ')})`]);
  }
  const kind = (input as { kind?: unknown }).kind;
  const descriptor = typeof kind === 'string' ? channelDescriptor(kind) : null;
  if (typeof kind !== 'string' || descriptor === null) {
    const got = typeof kind === 'string' ? JSON.stringify(kind) : 'none';
    return err([`kind must be one of ${CHANNEL_KINDS.join(', ')} (got ${got})`]);
  }
  const result = (descriptor.configSchema as z.ZodType).safeParse(input);
  if (!result.success) return err(issueMessages(result.error.issues, channelWording(kind), Number.MAX_SAFE_INTEGER));
  return ok(result.data as ChannelConfig);
}

/**
 * Channel messages name the kind, then the field (dotted path) and zod's or the schema's own message, as the
 * alerts screen and the API have always shown them; unknown fields are listed as given. No value is quoted:
 * a channel config carries secrets (tokens, passwords).
 */
function channelWording(kind: string): IssueWording {
  return {
    subject: `${kind} channel`,
    custom: (issue) => {
      if (issue.code === 'unrecognized_keys')
        return `${kind} channel: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
      const path = issue.path.map(String).join('.');
      return `${kind} channel: ${path ? `${path}: ` : ''}${issue.message}`;
    },
  };
}
