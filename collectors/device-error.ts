/**
 * The one error a device read fails with: a kind the collector stores and shows ("timeout", "garbage", ...)
 * and a message naming what and why. Below the drivers (collectors/drivers/types.ts re-exports it) and the
 * gpu-agent, whose nvidia-smi parsers fail the same way, so neither imports the other for it.
 */

/** Why a device could not be read; kept in rig_status.last_error as "<kind>: <message>". */
export type DeviceErrorKind =
  | 'timeout' // no complete reply within the timeout (the message says how many bytes had come)
  | 'refused' // connection refused: nothing listens on that port
  | 'unreachable' // no route to the host, or its name does not resolve
  | 'reset' // the device reset the connection (RST), before or during its reply
  | 'closed' // the device closed the connection without sending a byte
  | 'too-large' // a reply (or its headers, or a declared frame length) over the transport's byte cap
  | 'garbage' // bytes that are not a reply, even after the lenient repairs
  | 'truncated' // a reply cut short (server closed mid-JSON)
  | 'api-error' // a well-formed reply with STATUS E/F
  | 'auth' // the device wants credentials we do not have or that it refused
  | 'unexpected' // well-formed but missing the fields the driver needs
  | 'implausible' // parsed, but its hash rate or power is physically impossible (lib/domain/plausibility.ts)
  | 'aborted'; // the poll was cancelled

/**
 * True when the device has stopped answering (timed out, refused, unreachable): a poll's optional
 * commands after such an error are skipped instead of each waiting out its own timeout.
 */
export function isGoneQuiet(err: DeviceError): boolean {
  return err.kind === 'timeout' || err.kind === 'refused' || err.kind === 'unreachable';
}

/** A clear, specific error about one device; never a crash of the sweep. */
export class DeviceError extends Error {
  constructor(
    readonly kind: DeviceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
  }

  /** One line for rig_status.last_error and CLI stderr ("implausible reading: hashrateThs = -5 (must be >= 0)"). */
  toLine(): string {
    return `${this.kind === 'implausible' ? 'implausible reading' : this.kind}: ${this.message}`;
  }
}
