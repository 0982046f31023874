/**
 * Addresses, ports and ranges as an operator types them in the settings forms. Pure; every refusal names
 * the field and says what was expected. The range syntax and its parser are the scan command's
 * (collectors/detect/cidr.ts), capped lower here: a web request scans at most a /20.
 */
import { parseIpv4Range, type Ipv4Range } from '../net/cidr';
import { parseDeviceSpec } from '../net/device-spec';
import { describeValue } from '../util/describe-value';
import { err, ok, type Result } from '../util/result';

/** The largest range the settings screen scans: a /20 (4,096 addresses). */
export const MAX_WEB_SCAN_ADDRESSES = 4096;

/** The ports a scan tries when none are given: the cgminer API, the Whatsminer v3 API and the web UI. */
export const DEFAULT_WEB_SCAN_PORTS: readonly number[] = [4028, 4433, 80];

/** The most ports one scan may try (each costs a connection per address). */
export const MAX_SCAN_PORTS = 8;

export type Checked<T> = Result<T, string>;

/** An IPv4 address or host name, no port and no URL: "10.0.0.5", "miner-7.lan". */
export function checkAddress(raw: unknown, field = 'address'): Checked<string> {
  if (typeof raw !== 'string' || raw.trim() === '') return err(`${field} is required: an IPv4 address such as 10.0.0.5 or a host name`);
  const s = raw.trim();
  // Only digits and dots is meant as an IPv4 address, never a host name: "10.0.0" is a typo.
  if (/^[\d.]+$/.test(s) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    return err(`${field}: "${s}" is not an IPv4 address (four numbers from 0 to 255, like 10.0.0.5)`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return err(`${field}: give the bare address, not a URL ("${s}")`);
  if (/^[^:]+:\d*$/.test(s)) return err(`${field}: put the port in the port field, not after the address ("${s}")`);
  try {
    const spec = parseDeviceSpec(s);
    return ok(spec.host);
  } catch (cause) {
    return err(`${field}: ${(cause as Error).message}`);
  }
}

/** A port from 1 to 65535; empty (undefined, null, "") is null when `optional`. */
export function checkPort(raw: unknown, field = 'port', optional = false): Checked<number | null> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return optional ? ok(null) : err(`${field} is required: a number from 1 to 65535`);
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) return err(`${field}: ${describeValue(raw)} is not a port from 1 to 65535`);
  return ok(n);
}

/** Ports as a list or "4028, 80"; empty gives the defaults. Duplicates are dropped, order kept. */
export function checkPortList(raw: unknown, field = 'ports'): Checked<number[]> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return ok([...DEFAULT_WEB_SCAN_PORTS]);
  const items = typeof raw === 'string' ? raw.split(/[\s,]+/).filter((p) => p !== '') : Array.isArray(raw) ? raw : null;
  if (items === null) return err(`${field}: expected ports separated by commas, like 4028, 4433, 80`);
  if (items.length === 0) return ok([...DEFAULT_WEB_SCAN_PORTS]);
  const out: number[] = [];
  for (const item of items) {
    const port = checkPort(item, field);
    if (!port.ok) return port as Checked<number[]>;
    if (!out.includes(port.value!)) out.push(port.value!);
  }
  if (out.length > MAX_SCAN_PORTS) return err(`${field}: at most ${MAX_SCAN_PORTS} ports per scan (got ${out.length})`);
  return ok(out);
}

/** A range the settings screen may scan: "10.0.0.0/24", "10.0.0.10-10.0.0.50" or one address. */
export function checkScanRange(raw: unknown, field = 'range'): Checked<{ text: string; range: Ipv4Range }> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return err(`${field} is required: a CIDR block like 10.0.0.0/24 or a range like 10.0.0.10-10.0.0.50`);
  }
  try {
    const text = raw.trim().replace(/\s*-\s*/, '-');
    return ok({ text, range: parseIpv4Range(text, MAX_WEB_SCAN_ADDRESSES) });
  } catch (cause) {
    return err(`${field}: ${(cause as Error).message}`);
  }
}
