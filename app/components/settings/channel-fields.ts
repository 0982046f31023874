/**
 * The settings form of a notification channel: its fields come from the kind's descriptor
 * (lib/notify/descriptors: the one list of kinds, with their labels, fields and secrets), and this turns
 * the form's strings into a config and back. The server validates. Pure, and free of sending code so the
 * browser bundle stays small.
 */
import { channelDescriptor, COMMON_FIELDS, type ChannelField, type ChannelKind } from '../../../lib/notify/descriptors';
import { err, ok, type Parsed } from '../../../lib/util/result';

/** What the API sends in place of a stored secret; sent back unchanged it keeps the secret. */
export const REDACTED = '<redacted>';

/** Every field of `kind`, its own first. */
export function fieldsOf(kind: ChannelKind): ChannelField[] {
  return [...channelDescriptor(kind).fields, ...COMMON_FIELDS];
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
export type BuiltConfig = Parsed<Record<string, unknown>>;

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
  return errors.length > 0 ? err(errors) : ok(config);
}

/** The server's messages that name `field` (they read "webhook channel: url: …"). */
export function errorsForField(errors: readonly string[], field: ChannelField): string[] {
  return errors.filter((e) => e.includes(`: ${field.key}: `) || e.includes(`: ${field.key}.`));
}
