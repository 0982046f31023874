/**
 * Addresses, ports and ranges as an operator types them in the settings forms. Pure; every refusal names
 * the field and says what was expected. The range syntax and its parser are the scan command's
 * (collectors/detect/cidr.ts), capped lower here: a web request scans at most a /20. Each field is a zod
 * schema whose rules carry the messages the forms and the API have always shown (fieldMessage reads them
 * through the one issue formatter); the check* functions are the same schemas for one value.
 */
import { z } from '../util/zod-browser';
import { parseIpv4Range, type Ipv4Range } from '../net/cidr';
import { parseDeviceSpec } from '../net/device-spec';
import { describeValue } from '../util/describe-value';
import { err, ok, type Result } from '../util/result';
import { issueMessages, type IssueWording, type ZodIssue } from '../util/zod-issues';

/** The largest range the settings screen scans: a /20 (4,096 addresses). */
export const MAX_WEB_SCAN_ADDRESSES = 4096;

/** The ports a scan tries when none are given: the cgminer API, the Whatsminer v3 API and the web UI. */
export const DEFAULT_WEB_SCAN_PORTS: readonly number[] = [4028, 4433, 80];

/** The most ports one scan may try (each costs a connection per address). */
export const MAX_SCAN_PORTS = 8;

export type Checked<T> = Result<T, string>;

/** The rig and request forms' rules carry their own messages (worded before zod: the API and tests show them). */
export const FIELD_WORDING: IssueWording = { subject: 'the body', custom: (issue) => issue.message };

/** The messages of `issues`, in the rules' own words. */
export function fieldMessages(issues: readonly ZodIssue[]): string[] {
  return issueMessages(issues, FIELD_WORDING, Number.MAX_SAFE_INTEGER);
}

/** One value checked by `schema`: its output, or the first message. */
function checkOne<T>(schema: z.ZodType<T>, raw: unknown): Checked<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(fieldMessages(parsed.error.issues)[0]);
}

/** Nothing typed: absent, null or blank. */
function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** An IPv4 address or host name (trimmed), no port and no URL; messages name `field`. */
export function addressSchema(field = 'address') {
  const required = `${field} is required: an IPv4 address such as 10.0.0.5 or a host name`;
  return (
    z
      .string({ error: required })
      .trim()
      .refine((s) => s !== '', { error: required, abort: true })
      // Only digits and dots is meant as an IPv4 address, never a host name: "10.0.0" is a typo.
      .refine((s) => !/^[\d.]+$/.test(s) || /^\d{1,3}(\.\d{1,3}){3}$/.test(s), {
        error: (issue) => `${field}: "${String(issue.input)}" is not an IPv4 address (four numbers from 0 to 255, like 10.0.0.5)`,
        abort: true,
      })
      .refine((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s), {
        error: (issue) => `${field}: give the bare address, not a URL ("${String(issue.input)}")`,
        abort: true,
      })
      .refine((s) => !/^[^:]+:\d*$/.test(s), {
        error: (issue) => `${field}: put the port in the port field, not after the address ("${String(issue.input)}")`,
        abort: true,
      })
      .transform((s, ctx) => {
        try {
          return parseDeviceSpec(s).host;
        } catch (cause) {
          ctx.addIssue({ code: 'custom', message: `${field}: ${(cause as Error).message}` });
          return z.NEVER;
        }
      })
  );
}

/** A port typed as a number or digits, or null when not one from 1 to 65535. */
function portNumber(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

/** A port from 1 to 65535; empty (undefined, null, "") is null when `optional`, refused otherwise. */
export function portSchema(field = 'port', optional = false) {
  return z.unknown().transform((raw, ctx): number | null => {
    if (isEmpty(raw)) {
      if (optional) return null;
      ctx.addIssue({ code: 'custom', message: `${field} is required: a number from 1 to 65535` });
      return z.NEVER;
    }
    const port = portNumber(raw);
    if (port === null) {
      ctx.addIssue({ code: 'custom', message: `${field}: ${describeValue(raw)} is not a port from 1 to 65535` });
      return z.NEVER;
    }
    return port;
  });
}

/** Ports as a list or "4028, 80"; empty gives the defaults. Duplicates are dropped, order kept; the first bad port is named. */
export function portListSchema(field = 'ports') {
  const port = portSchema(field);
  return z.unknown().transform((raw, ctx): number[] => {
    if (isEmpty(raw)) return [...DEFAULT_WEB_SCAN_PORTS];
    const items = typeof raw === 'string' ? raw.split(/[\s,]+/).filter((p) => p !== '') : Array.isArray(raw) ? raw : null;
    if (items === null) {
      ctx.addIssue({ code: 'custom', message: `${field}: expected ports separated by commas, like 4028, 4433, 80` });
      return z.NEVER;
    }
    if (items.length === 0) return [...DEFAULT_WEB_SCAN_PORTS];
    const out: number[] = [];
    for (const item of items) {
      const parsed = port.safeParse(item);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
        return z.NEVER;
      }
      if (!out.includes(parsed.data!)) out.push(parsed.data!);
    }
    if (out.length > MAX_SCAN_PORTS) {
      ctx.addIssue({ code: 'custom', message: `${field}: at most ${MAX_SCAN_PORTS} ports per scan (got ${out.length})` });
      return z.NEVER;
    }
    return out;
  });
}

/** A range the settings screen may scan: "10.0.0.0/24", "10.0.0.10-10.0.0.50" or one address. */
export function scanRangeSchema(field = 'range') {
  const required = `${field} is required: a CIDR block like 10.0.0.0/24 or a range like 10.0.0.10-10.0.0.50`;
  return z
    .string({ error: required })
    .refine((s) => s.trim() !== '', { error: required, abort: true })
    .transform((raw, ctx): { text: string; range: Ipv4Range } => {
      try {
        const text = raw.trim().replace(/\s*-\s*/, '-');
        return { text, range: parseIpv4Range(text, MAX_WEB_SCAN_ADDRESSES) };
      } catch (cause) {
        ctx.addIssue({ code: 'custom', message: `${field}: ${(cause as Error).message}` });
        return z.NEVER;
      }
    });
}

/** An IPv4 address or host name, no port and no URL: "10.0.0.5", "miner-7.lan". */
export function checkAddress(raw: unknown, field = 'address'): Checked<string> {
  return checkOne(addressSchema(field), raw);
}

/** A port from 1 to 65535; empty (undefined, null, "") is null when `optional`. */
export function checkPort(raw: unknown, field = 'port', optional = false): Checked<number | null> {
  return checkOne(portSchema(field, optional), raw);
}

/** Ports as a list or "4028, 80"; empty gives the defaults. Duplicates are dropped, order kept. */
export function checkPortList(raw: unknown, field = 'ports'): Checked<number[]> {
  return checkOne(portListSchema(field), raw);
}

/** A range the settings screen may scan: "10.0.0.0/24", "10.0.0.10-10.0.0.50" or one address. */
export function checkScanRange(raw: unknown, field = 'range'): Checked<{ text: string; range: Ipv4Range }> {
  return checkOne(scanRangeSchema(field), raw);
}
