import type { Reading } from '../../lib/domain/reading';

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

/**
 * How a driver talks to its device; the scanner groups probes by it:
 * - 'cgminer': JSON over TCP, one connection per request, reply ends at FIN (+ NUL), protocols.md §1.1.
 * - 'btminer-v3': Whatsminer API v3, uint32-LE length-prefixed JSON frames on 4433, §1.7.
 * - 'http': JSON over HTTP GET (AxeOS, GPU miners, the gpu-agent, Antminer web CGI).
 * - 'jsonrpc': Claymore/PhoenixMiner JSON-RPC over TCP, §2.3.
 */
export type DriverProtocol = 'cgminer' | 'btminer-v3' | 'http' | 'jsonrpc';

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

/** One protocol family: poll() does the I/O, the family's parse functions are pure. */
export interface Driver {
  /** Stable name stored in rigs.driver, e.g. "antminer". */
  name: string;
  /** Human name for tables, e.g. "Antminer (stock cgminer API)". */
  label: string;
  protocol: DriverProtocol;
  /** Default API port of the family. */
  defaultPort: number;
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
