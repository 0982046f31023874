/**
 * Secrets sealed at rest: AES-256-GCM from node:crypto with a random 96-bit nonce per value, written as
 * `enc:v1:<nonce base64>:<ciphertext and 128-bit tag, base64>`. The version prefix lets a later release
 * change the cipher and still read what this one wrote; a value without the prefix is plain text (stored
 * before secrets were sealed). Pure apart from the random nonce.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Every sealed value starts with this. */
export const SEALED_PREFIX = 'enc:v1:';
/** Bytes of a key (AES-256). */
export const SECRET_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^enc:v1:([A-Za-z0-9+/]{16}):([A-Za-z0-9+/]+={0,2})$/;

/** A sealed value that this key cannot open: another key sealed it, or it was damaged. */
export class SecretUnreadableError extends Error {}

/** True when `value` is a sealed secret (of any key). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/**
 * A key written as 64 hex digits or as base64 of 32 bytes (a trailing newline is fine), or null when the
 * text is neither.
 */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(t)) {
    const key = Buffer.from(t, 'base64');
    return key.length === SECRET_KEY_BYTES ? key : null;
  }
  return null;
}

/** A new random key. */
export function generateSecretKey(): Buffer {
  return randomBytes(SECRET_KEY_BYTES);
}

/** Seals and opens secrets with one key. */
export interface SecretBox {
  /** `plain` sealed with a fresh nonce; a value already sealed is returned as it is (never sealed twice). */
  seal(plain: string): string;
  /** The plain text of a sealed value; a value that is not sealed is returned as it is. Throws SecretUnreadableError. */
  open(value: string): string;
}

/** A box for `key` (32 bytes). */
export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) throw new RangeError(`a secret key has ${SECRET_KEY_BYTES} bytes, not ${key.length}`);
  const k = Buffer.from(key);
  return {
    seal(plain) {
      if (isSealed(plain)) return plain;
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${SEALED_PREFIX}${nonce.toString('base64')}:${body.toString('base64')}`;
    },
    open(value) {
      if (!isSealed(value)) return value;
      const m = SEALED.exec(value);
      const body = m ? Buffer.from(m[2], 'base64') : null;
      if (!m || !body || body.length < TAG_BYTES) throw new SecretUnreadableError('the sealed value is malformed');
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(m[1], 'base64'));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError('the sealed value does not open with this key (another key sealed it, or it was damaged)');
      }
    },
  };
}
