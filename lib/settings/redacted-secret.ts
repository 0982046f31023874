/**
 * The one rule for "<redacted>" sent back in an edit (alert channels, pool accounts, the bitcoind source):
 * it keeps the stored secret only while the secret would still go where it went: the same URL origin
 * (scheme, host, port), SMTP host and port, pool API base, or bitcoind URL. A changed destination needs the
 * secret typed again, so whoever can edit settings (a leaked admin token, say) cannot point a stored
 * secret at a server of their own and collect it. Pure.
 */
import { err, ok, type Result } from '../util/result';

/** What the API and the settings screens show in place of a stored secret. */
export const REDACTED = '<redacted>';

/** Where a secret is sent, comparable with ===: a URL's origin, or "host:port". Null when unknown. */
export type SecretDestination = string | null;

/** The origin of `url` ("https://hooks.example:8443"), lower-cased with default ports dropped; null when not a URL. */
export function urlDestination(url: unknown): SecretDestination {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const origin = new URL(url.trim()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** "smtp.example.com:587" for a host and port. */
export function hostPortDestination(host: unknown, port: unknown): SecretDestination {
  if (typeof host !== 'string' || host.trim() === '') return null;
  return `${host.trim().toLowerCase().replace(/\.$/, '')}:${String(port)}`;
}

/** One secret field of an edit. */
export interface SecretEdit {
  /** Named in the message, e.g. "secret" or "bitcoind.password". */
  field: string;
  /** What the edit sent. */
  given: unknown;
  /** The stored secret (undefined or null: none). */
  stored: string | null | undefined;
  /** Where the edit would send the secret. */
  destination: SecretDestination;
  /** Where the stored secret has been going. */
  storedDestination: SecretDestination;
}

/**
 * What the edit means for the secret: what was sent, or the stored secret when "<redacted>" came back for
 * an unchanged destination; an error when "<redacted>" came back for a new destination or with nothing
 * stored to keep.
 */
export function keepRedactedSecret(edit: SecretEdit): Result<unknown, string> {
  if (edit.given !== REDACTED) return ok(edit.given);
  if (edit.stored === null || edit.stored === undefined) {
    return err(`${edit.field} must be entered: "${REDACTED}" stands for a stored secret, and none is stored for these settings`);
  }
  if (edit.destination === null || edit.destination !== edit.storedDestination) {
    const from = edit.storedDestination ?? 'its old destination';
    const to = edit.destination ?? 'a new destination';
    return err(`${edit.field} must be entered again: the stored one was sent to ${from}, and these settings send it to ${to}`);
  }
  return ok(edit.stored);
}
