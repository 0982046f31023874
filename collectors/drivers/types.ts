import type { Reading } from '../../lib/domain/reading';

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
}

/** One protocol family: poll() does the I/O, the family's parse functions are pure. */
export interface Driver {
  /** Stable name stored in rigs.driver, e.g. "antminer". */
  name: string;
  /** Default API port of the family. */
  defaultPort: number;
  /** Polls the device and returns its normalized reading, or throws a DeviceError. */
  poll(target: PollTarget): Promise<Reading>;
}

/** Why a device could not be read; kept in rig_status.last_error as "<kind>: <message>". */
export type DeviceErrorKind =
  | 'timeout' // no complete reply within the timeout
  | 'refused' // connection refused / host unreachable / reset
  | 'garbage' // bytes that are not a reply, even after the lenient repairs
  | 'truncated' // a reply cut short (server closed mid-JSON)
  | 'api-error' // a well-formed reply with STATUS E/F
  | 'unexpected' // well-formed but missing the fields the driver needs
  | 'aborted'; // the poll was cancelled

/** A clear, specific error about one device; never a crash of the sweep. */
export class DeviceError extends Error {
  constructor(
    readonly kind: DeviceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
  }

  /** One line for rig_status.last_error and CLI stderr. */
  toLine(): string {
    return `${this.kind}: ${this.message}`;
  }
}
