/**
 * A channel as the API receives it: `{ name, enabled?, config }` on create, any of them on update, where
 * secrets that read "<redacted>" keep the stored value while they still go to the same host (redact.ts).
 * Validated with messages that name the field. Pure.
 */
import { parseChannelConfig } from './channel-config';
import type { ChannelConfig } from './descriptors';
import { keepRedactedSecrets } from './redact';
import { err, ok, type Parsed } from '../util/result';

/** A validated create or update: only the fields it sets. */
export interface ChannelInput {
  name?: string;
  enabled?: boolean;
  config?: ChannelConfig;
}

/** A validated input, or one message per problem. */
export type ParsedChannelInput = Parsed<ChannelInput>;

const KNOWN = ['name', 'enabled', 'config'];

/** Validates a create (`stored` undefined: name and config required) or an update of `stored`. */
export function parseChannelInput(body: unknown, stored?: { config: Record<string, unknown> }): ParsedChannelInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return err(['the body must be a JSON object { name, enabled, config }']);
  const b = body as Record<string, unknown>;
  const errors: string[] = [];
  const unknown = Object.keys(b).filter((k) => !KNOWN.includes(k));
  if (unknown.length) errors.push(`unknown field ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`);
  const input: ChannelInput = {};
  if (b.name !== undefined || !stored) {
    if (typeof b.name !== 'string' || b.name.trim() === '') errors.push('name is required: a short label such as "ops webhook"');
    else if (b.name.trim().length > 64) errors.push('name must be at most 64 characters');
    else input.name = b.name.trim();
  }
  if (b.enabled !== undefined) {
    if (typeof b.enabled !== 'boolean') errors.push('enabled must be true or false');
    else input.enabled = b.enabled;
  }
  if (b.config !== undefined || !stored) {
    let raw = b.config;
    let secretErrors: string[] = [];
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      // On create there is nothing stored: a "<redacted>" there is refused as a secret never entered.
      const kept = keepRedactedSecrets(raw as Record<string, unknown>, stored?.config ?? {});
      raw = kept.config;
      secretErrors = kept.errors;
    }
    if (raw === undefined) errors.push('config is required: the channel settings with a kind');
    else if (secretErrors.length > 0)
      errors.push(...secretErrors); // the literal "<redacted>" would only add noise
    else {
      const parsed = parseChannelConfig(raw);
      if (parsed.ok) input.config = parsed.value;
      else errors.push(...parsed.error);
    }
  }
  return errors.length ? err(errors) : ok(input);
}
