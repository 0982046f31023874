/**
 * Web Push message encryption (RFC 8291) in the aes128gcm content coding (RFC 8188): one record, a fresh
 * ephemeral P-256 key pair and salt per message. Pure apart from the randomness, which tests can fix
 * (salt and sender key) to reproduce RFC 8291's worked example byte for byte.
 */
import { createCipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';

/** The record size written in the header: one record holds the whole message. */
export const RECORD_SIZE_BYTES = 4096;
/** salt (16) + record size (4) + key id length (1) + the sender's uncompressed public key (65). */
export const HEADER_BYTES = 86;
/** AES-GCM tag (16) and the last-record delimiter (1). */
const RECORD_OVERHEAD_BYTES = 17;
/** Push services accept at most 4096 bytes of body (RFC 8030 section 7.2), so 3993 bytes of plaintext. */
export const MAX_PLAINTEXT_BYTES = 4096 - HEADER_BYTES - RECORD_OVERHEAD_BYTES;

/** The browser's keys of a subscription, decoded: its uncompressed P-256 public key and auth secret. */
export interface ReceiverKeys {
  p256dh: Buffer;
  auth: Buffer;
}

/** Fixed randomness, for test vectors only. */
export interface EncryptOptions {
  /** 16 bytes. */
  salt?: Buffer;
  /** The sender's ephemeral private key (32 bytes). */
  senderPrivateKey?: Buffer;
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, bytes: number) => Buffer.from(hkdfSync('sha256', ikm, salt, info, bytes));

/** The aes128gcm body that only the holder of `keys` can read. Throws when the plaintext is too long. */
export function encryptPushPayload(plaintext: Buffer, keys: ReceiverKeys, opts: EncryptOptions = {}): Buffer<ArrayBuffer> {
  if (plaintext.length > MAX_PLAINTEXT_BYTES) {
    throw new Error(`a push message holds at most ${MAX_PLAINTEXT_BYTES} bytes (got ${plaintext.length})`);
  }
  const salt = opts.salt ?? randomBytes(16);
  if (salt.length !== 16) throw new Error(`the salt must be 16 bytes (got ${salt.length})`);
  const sender = createECDH('prime256v1');
  if (opts.senderPrivateKey) sender.setPrivateKey(opts.senderPrivateKey);
  else sender.generateKeys();
  const senderPublic = sender.getPublicKey(); // uncompressed, 65 bytes
  const shared = sender.computeSecret(keys.p256dh);

  // RFC 8291 section 3.4: the auth secret and both public keys bind the input keying material.
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), keys.p256dh, senderPublic]);
  const ikm = hkdf(shared, keys.auth, keyInfo, 32);
  // RFC 8188 section 2.2 and 2.3: content encryption key and nonce from the salt.
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0', 'latin1'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0', 'latin1'), 12);

  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const sealed = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([0x02])])), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE_BYTES, 16);
  header[20] = senderPublic.length;
  // Buffer.concat allocates a fresh (never shared) ArrayBuffer, which fetch() takes as a body.
  return Buffer.concat([header, senderPublic, sealed]) as Buffer<ArrayBuffer>;
}
