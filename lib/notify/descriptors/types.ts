/**
 * What a notification channel kind is, apart from the code that sends: its name, its label, its config
 * schema, the settings form's fields, where its secrets are and where it sends. Pure data (zod only), so
 * the web and the settings form load it without the senders (HTTP, SMTP, Web Push).
 */
import type { z } from 'zod';
import type { SecretDestination } from '../../settings/redacted-secret';

/** How a form field is edited and converted. */
export type ChannelFieldType = 'text' | 'url' | 'email' | 'secret' | 'number' | 'boolean' | 'select' | 'list';

/** One form field of a channel config. */
export interface ChannelField {
  /** Path in the config, dot-separated for nested objects ("auth.user", "quietHours.start"). */
  key: string;
  /** Label, with the unit where the value has one. */
  label: string;
  type: ChannelFieldType;
  /** The server refuses the config without it. */
  required?: boolean;
  placeholder?: string;
  help?: string;
  /** For "boolean": what turning it on costs, shown while it is on. */
  warning?: string;
  /** For "select": the allowed values, the first being the server's default. */
  options?: readonly string[];
}

/** A channel config as stored or sent in an edit, before or after validation. */
export type ChannelConfigObject = Record<string, unknown>;

/** One channel kind, described. `S` is its config schema (a `kind` literal plus the kind's own settings). */
export interface ChannelDescriptor<K extends string = string, S extends z.ZodType = z.ZodType> {
  /** The `kind` of its configs (alert_channels.config_json). */
  readonly kind: K;
  /** The kind in words, as the kind select lists it. */
  readonly label: string;
  /** One sentence for people: what it reaches and how. */
  readonly description: string;
  /** Validates a config of this kind, filling in defaults; messages name the field and never echo secrets. */
  readonly configSchema: S;
  /** The form fields specific to this kind (the common ones are COMMON_FIELDS). */
  readonly fields: readonly ChannelField[];
  /** Dotted paths of its secret fields: redacted by the API, sealed at rest. */
  readonly secretFields: readonly string[];
  /** Where its secrets go, for keeping a "<redacted>" secret only while that stays the same. */
  secretDestination(config: ChannelConfigObject): SecretDestination;
  /** The host it sends to (checked when saved); null where that is not in the config (Web Push). */
  host(config: z.output<S>): string | null;
}
