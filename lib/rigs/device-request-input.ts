/**
 * The body of POST /api/rigs/requests, also re-read by the collector from the stored payload: a probe
 * `{ kind: 'probe', address, port?, siteId }` or a scan `{ kind: 'scan', range, ports?, siteId }`. Pure;
 * each error names its field.
 */
import { checkAddress, checkPort, checkPortList, checkScanRange } from './address-input';
import type { DeviceRequestInput } from './device-request-types';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';

export type DeviceRequestParse = Parsed<DeviceRequestInput>;

const FIELDS = { probe: ['kind', 'address', 'port', 'siteId'], scan: ['kind', 'range', 'ports', 'siteId'] } as const;

/** A positive integer site id that `siteExists` knows. */
export function checkSiteId(raw: unknown, siteExists: (id: number) => boolean): string | null {
  const id = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (raw === undefined || raw === null || raw === '') return 'siteId is required: the site the rigs will belong to';
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return `siteId: ${describeValue(raw)} is not a site id`;
  if (!siteExists(id)) return `siteId: there is no site ${id}`;
  return null;
}

/** Validates a probe or scan request. */
export function parseDeviceRequestInput(body: unknown, siteExists: (id: number) => boolean): DeviceRequestParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return err(['the body must be a JSON object']);
  const b = body as Record<string, unknown>;
  if (b.kind !== 'probe' && b.kind !== 'scan') return err([`kind must be "probe" or "scan" (got ${describeValue(b.kind ?? null)})`]);
  const errors: string[] = [];
  const unknown = Object.keys(b).filter((k) => !(FIELDS[b.kind as 'probe' | 'scan'] as readonly string[]).includes(k));
  if (unknown.length) errors.push(`unknown field ${unknown.join(', ')} for a ${b.kind} (known: ${FIELDS[b.kind].join(', ')})`);
  const siteError = checkSiteId(b.siteId, siteExists);
  const siteId = Number(b.siteId);
  if (b.kind === 'probe') {
    const address = checkAddress(b.address);
    const port = checkPort(b.port, 'port', true);
    if (!address.ok) errors.push(address.error);
    if (!port.ok) errors.push(port.error);
    if (siteError) errors.push(siteError);
    if (errors.length || !address.ok || !port.ok) return err(errors);
    return ok({ kind: 'probe', address: address.value, port: port.value, siteId });
  }
  const range = checkScanRange(b.range);
  const ports = checkPortList(b.ports);
  if (!range.ok) errors.push(range.error);
  if (!ports.ok) errors.push(ports.error);
  if (siteError) errors.push(siteError);
  if (errors.length || !range.ok || !ports.ok) return err(errors);
  return ok({ kind: 'scan', range: range.value.text, ports: ports.value, siteId });
}
