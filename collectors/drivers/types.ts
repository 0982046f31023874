import type { Reading } from '../../lib/domain/reading';
import { DRIVER_KINDS, type DriverKindInfo, type DriverName } from '../../lib/domain/driver-kinds';

/** Username and password for a device's authenticated API (Antminer web UI: digest, default root/root). */
export interface DeviceCredentials {
  username: string;
  password: string;
}

/** Called by every transport with each raw reply it received (probe --raw, unrecognised devices). */
export type RawRecorder = (label: string, raw: string) => void;

/** Where and how to poll one device. */
export interface PollTarget {
  /** IPv4/IPv6 address or host name. */
  address: string;
  port: number;
  /** Per-request timeout; a poll of several commands may take up to commands x timeoutMs. */
  timeoutMs: number;
  /** Aborts every request of the poll (collector shutdown). */
  signal?: AbortSignal;
  /** Model as registered (nameplate lookup when the firmware does not name it). */
  modelHint?: string | null;
  /**
   * HTTP port of the device's web UI when it is not 80. The stock Antminer driver falls back to the web
   * UI's CGIs on this port when its cgminer API refuses connections (API switched off).
   */
  webPort?: number;
  /** Credentials for APIs that need them; each driver has its family's factory default. */
  credentials?: DeviceCredentials | null;
  /** Receives every raw reply of the poll, labelled by request (e.g. "stats", "GET /summary"). */
  recorder?: RawRecorder;
  /**
   * Called with the size of each piece of a reply as it arrives, complete or not: detection tells a slow
   * or misbehaving device (it sent something) from a silent one by it.
   */
  onReplyBytes?: (bytes: number) => void;
}

export type { DriverProtocol } from '../../lib/domain/driver-kinds';

/** The descriptor of the driver `name` (lib/domain/driver-kinds.ts): each driver spreads its own into itself. */
export function driverKind(name: DriverName): DriverKindInfo {
  const kind = DRIVER_KINDS.find((d) => d.name === name);
  if (!kind) throw new Error(`no driver descriptor named "${name}"`); // unreachable: DriverName is one of them
  return kind;
}

/** What a device is, as identified from its replies. */
export interface Identity {
  driver: string;
  make: string;
  model: string;
  firmware: string;
}

/**
 * The replies the scanner collects before asking the drivers who a device is. Bodies are parsed JSON
 * (null when the request failed or the reply was not JSON). `http` is keyed by path ("/api/system/info").
 */
export interface ProbeReplies {
  /** cgminer protocol: replies to version, stats, devdetails, summary (lenient-parsed bodies). */
  cgminer?: { version: object | null; stats: object | null; devdetails: object | null; summary: object | null };
  /** http protocol: the reply to each driver's probePath GET (absent when the request failed). */
  http?: Record<string, HttpProbeReply>;
  /** btminer-v3: reply to get.device.info. */
  btminerV3?: object | null;
  /** jsonrpc: reply to miner_getstat1. */
  jsonrpc?: object | null;
}

/** One probe GET as the scanner saw it: status, the auth challenge if any, the JSON body if it was JSON. */
export interface HttpProbeReply {
  status: number;
  /** WWW-Authenticate header (Antminer's web UI answers 401 with a Digest challenge). */
  wwwAuthenticate: string | null;
  json: unknown;
  text: string;
}

/**
 * One protocol family: what the collector needs of its descriptor (name, label, protocol, default port:
 * lib/domain/driver-kinds.ts, which each driver spreads into itself) and the code; poll() does the I/O,
 * the family's parse functions are pure.
 */
export interface Driver extends Pick<DriverKindInfo, 'name' | 'label' | 'protocol' | 'defaultPort'> {
  /**
   * The most requests one poll sends, fallbacks and auth challenges included. Each is bounded by the
   * per-request timeout, so a poll never takes longer than this many timeouts: that is its deadline.
   */
  maxRequestsPerPoll: number;
  /** http drivers: the path whose GET reply identify() needs (the scanner fetches each once). */
  probePath?: string;
  /**
   * Pure: this family's identity when the probe replies are from one of its devices, else null. The
   * scanner asks drivers in registry order, so a generic family (stock Antminer) comes after the
   * specific ones whose replies look alike (Braiins, LuxOS, Vnish).
   */
  identify?(probe: ProbeReplies): Identity | null;
  /** Polls the device and returns its normalized reading, or throws a DeviceError. */
  poll(target: PollTarget): Promise<Reading>;
}

/** Defined apart (collectors/device-error.ts) so the gpu-agent's nvidia-smi parsers throw it without importing the drivers. */
export { DeviceError, isGoneQuiet, type DeviceErrorKind } from '../device-error';
