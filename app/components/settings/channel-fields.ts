/**
 * The fields of each notification channel kind as the settings form shows them: one list per kind,
 * mirroring the zod schemas in lib/notify/channels (the server validates; this only shapes the form and
 * turns its strings into a config). Pure, and free of server imports so the browser bundle stays small.
 */
import type { ChannelKind } from '../../../lib/notify/types';

/** What the API sends in place of a stored secret; sent back unchanged it keeps the secret. */
export const REDACTED = '<redacted>';

/** Every kind, in the order the kind select lists them. */
export const CHANNEL_KINDS = ['webhook', 'ntfy', 'telegram', 'slack', 'discord', 'email', 'webpush'] as const satisfies readonly ChannelKind[];

/** Kinds in words. */
export const KIND_LABEL: Readonly<Record<ChannelKind, string>> = {
  webhook: 'Webhook',
  ntfy: 'ntfy (phone push)',
  telegram: 'Telegram',
  slack: 'Slack',
  discord: 'Discord',
  email: 'Email (SMTP)',
  webpush: 'Web Push (Hashwatt on phones)',
};

/** How a field is edited and converted. */
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

/** The fields specific to each kind. */
export const CHANNEL_FIELDS: Readonly<Record<ChannelKind, readonly ChannelField[]>> = {
  webhook: [
    { key: 'url', label: 'URL', type: 'url', required: true, placeholder: 'https://example.com/hooks/hashwatt' },
    {
      key: 'secret',
      label: 'Signing secret',
      type: 'secret',
      required: true,
      help: 'At least 16 characters; every request carries X-Hashwatt-Signature: sha256=HMAC of the body.',
    },
  ],
  ntfy: [
    { key: 'baseUrl', label: 'Server URL', type: 'url', placeholder: 'https://ntfy.sh' },
    { key: 'topic', label: 'Topic', type: 'text', required: true, placeholder: 'hashwatt-alerts', help: '1 to 64 letters, digits, - or _.' },
    { key: 'token', label: 'Access token', type: 'secret', help: 'Only for protected topics.' },
  ],
  telegram: [
    { key: 'botToken', label: 'Bot token', type: 'secret', required: true, placeholder: '123456:ABC-DEF', help: 'From @BotFather.' },
    { key: 'chatId', label: 'Chat id', type: 'text', required: true, placeholder: '-1001234567890 or @channelname' },
    { key: 'baseUrl', label: 'API URL', type: 'url', placeholder: 'https://api.telegram.org' },
  ],
  slack: [
    { key: 'webhookUrl', label: 'Incoming webhook URL', type: 'url', required: true, placeholder: 'https://hooks.slack.com/services/…' },
    { key: 'format', label: 'Format', type: 'select', options: ['blocks', 'text'] },
  ],
  discord: [
    { key: 'webhookUrl', label: 'Webhook URL', type: 'url', required: true, placeholder: 'https://discord.com/api/webhooks/…' },
    { key: 'format', label: 'Format', type: 'select', options: ['embed', 'content'] },
  ],
  email: [
    { key: 'host', label: 'SMTP host', type: 'text', required: true, placeholder: 'smtp.example.com' },
    { key: 'port', label: 'SMTP port', type: 'number', placeholder: '587' },
    { key: 'secure', label: 'TLS from the start (port 465)', type: 'boolean' },
    {
      key: 'allowPlaintext',
      label: 'Allow sending without TLS',
      type: 'boolean',
      warning: 'Without TLS the password and every alert cross the network in clear text, readable and changeable on the way. Only for a trusted network.',
    },
    { key: 'auth.user', label: 'User name', type: 'text' },
    { key: 'auth.pass', label: 'Password', type: 'secret' },
    { key: 'from', label: 'From', type: 'email', required: true, placeholder: 'alerts@example.com' },
    { key: 'to', label: 'To (comma-separated)', type: 'list', required: true, placeholder: 'ops@example.com, boss@example.com' },
  ],
  webpush: [
    {
      key: 'userNames',
      label: 'Users (comma-separated)',
      type: 'list',
      placeholder: 'every subscriber',
      help: 'Who gets it: each turns on "Notifications on this device" in Hashwatt on their phone. Empty: everyone subscribed.',
    },
    { key: 'urgency', label: 'Urgency', type: 'select', options: ['high', 'normal', 'low', 'very-low'], help: 'High wakes a sleeping phone.' },
    { key: 'ttlSeconds', label: 'Keep for (s)', type: 'number', placeholder: '86400', help: 'How long the push service holds it for a phone that is off: 0 to 2419200 s.' },
    { key: 'subject', label: 'Contact (VAPID subject)', type: 'text', placeholder: 'mailto:ops@example.com', help: 'mailto: or https:. Default: HASHWATT_PUBLIC_URL when https.' },
  ],
};

/** Fields every kind has, all optional. */
export const COMMON_FIELDS: readonly ChannelField[] = [
  { key: 'timeoutMs', label: 'Timeout (ms)', type: 'number', placeholder: 'default', help: '100 to 120000 ms.' },
  { key: 'quietHours.start', label: 'Quiet from (HH:MM)', type: 'text', placeholder: '22:00' },
  { key: 'quietHours.end', label: 'Quiet until (HH:MM)', type: 'text', placeholder: '07:00' },
  { key: 'quietHours.timeZone', label: 'Quiet hours time zone', type: 'text', placeholder: 'Europe/Berlin' },
];

/** Every field of `kind`, its own first. */
export function fieldsOf(kind: ChannelKind): ChannelField[] {
  return [...CHANNEL_FIELDS[kind], ...COMMON_FIELDS];
}

/** The form's state: strings for inputs, booleans for checkboxes, keyed by field path. */
export type FieldValues = Record<string, string | boolean>;

/** A blank form of `kind`. */
export function emptyValues(kind: ChannelKind): FieldValues {
  const values: FieldValues = {};
  for (const f of fieldsOf(kind)) values[f.key] = f.type === 'boolean' ? false : f.type === 'select' ? (f.options?.[0] ?? '') : '';
  return values;
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** A stored config (as the API shows it, secrets redacted) as form values. */
export function valuesFromConfig(kind: ChannelKind, config: Record<string, unknown>): FieldValues {
  const values = emptyValues(kind);
  for (const f of fieldsOf(kind)) {
    const v = getPath(config, f.key);
    if (v === undefined || v === null) continue;
    if (f.type === 'boolean') values[f.key] = v === true;
    else if (f.type === 'list') values[f.key] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
    else values[f.key] = String(v);
  }
  return values;
}

/** The config to send, or the fields the browser can already tell are wrong (not numbers, missing). */
export type BuiltConfig = { ok: true; config: Record<string, unknown> } | { ok: false; errors: string[] };

/**
 * Form values as a channel config for the API. Empty optional fields are left out (the server fills its
 * defaults); a redacted secret left as it was goes back as "<redacted>" so the stored one is kept. Ranges,
 * URLs and formats are the server's to check: its messages are the ones the form shows.
 */
export function configFromValues(kind: ChannelKind, values: FieldValues): BuiltConfig {
  const config: Record<string, unknown> = { kind };
  const errors: string[] = [];
  for (const f of fieldsOf(kind)) {
    const raw = values[f.key];
    if (f.type === 'boolean') {
      if (raw === true) setPath(config, f.key, true);
      else if (raw === false && f.key in values) setPath(config, f.key, false);
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (f.required) errors.push(`${f.label} is required`);
      continue;
    }
    if (f.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) errors.push(`${f.label} must be a number (got "${text}")`);
      else setPath(config, f.key, n);
    } else if (f.type === 'list') {
      setPath(
        config,
        f.key,
        text
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
    } else {
      setPath(config, f.key, text);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/** The server's messages that name `field` (they read "webhook channel: url: …"). */
export function errorsForField(errors: readonly string[], field: ChannelField): string[] {
  return errors.filter((e) => e.includes(`: ${field.key}: `) || e.includes(`: ${field.key}.`));
}
