/**
 * Probe and scan requests as the web app records them and the collector answers them (table
 * device_requests): the payloads, the progress and the results, shared by the worker, the API and the
 * settings screen.
 */

/** Identify one device: `port` null tries the usual ports (4028, 4433, 80). */
export interface ProbePayload {
  address: string;
  port: number | null;
  siteId: number;
}

/** Find the devices of an IPv4 range ("10.0.0.0/24" or "10.0.0.10-10.0.0.50") on these ports. */
export interface ScanPayload {
  range: string;
  ports: number[];
  siteId: number;
}

/** A request with its kind. */
export type DeviceRequestInput = ({ kind: 'probe' } & ProbePayload) | ({ kind: 'scan' } & ScanPayload);

/** Scan progress: addresses checked of the total, devices recognised so far. */
export interface ScanProgress {
  done: number;
  total: number;
  found: number;
}

/** One recognised device, as the screen lists it and POST /api/rigs takes it back. */
export interface FoundDevice {
  address: string;
  port: number;
  /** The driver that recognised it (rigs.driver). */
  driver: string;
  make: string | null;
  model: string | null;
  firmware: string | null;
  /** 'sha256' for Bitcoin ASICs, the coin algorithm of a GPU rig. */
  algorithm: string;
  /** From the one poll after detection; null when that poll failed. */
  hashrateThs: number | null;
  /** Why the poll after detection failed (the device was still recognised). */
  pollError: string | null;
  /** The rig already registered at this address and port, if any. */
  knownRig: { id: number; name: string } | null;
}

/** A device that answered but that no driver recognises (its replies are kept in unrecognised_devices). */
export interface UnrecognisedDevice {
  address: string;
  port: number;
  protocol: string;
}

/** What a probe found: one recognised device. An unreachable or unrecognised one fails the request. */
export interface ProbeResult {
  kind: 'probe';
  siteId: number;
  device: FoundDevice;
}

/** What a scan found. */
export interface ScanResult {
  kind: 'scan';
  siteId: number;
  range: string;
  ports: number[];
  addresses: number;
  /** Recognised devices, in address order. */
  hits: FoundDevice[];
  unrecognised: UnrecognisedDevice[];
  /** Addresses where nothing answered on any port. */
  silentAddresses: number;
  durationMs: number;
}

export type DeviceRequestStatus = 'pending' | 'running' | 'done' | 'failed';

/** A request as GET /api/rigs/requests/:id shows it. */
export interface DeviceRequestView {
  id: number;
  kind: 'probe' | 'scan';
  /** The site found devices are for (null for a row written without one). */
  siteId: number | null;
  status: DeviceRequestStatus;
  createdAtMs: number;
  handledAtMs: number | null;
  progress: ScanProgress | null;
  result: ProbeResult | ScanResult | null;
  error: string | null;
}
