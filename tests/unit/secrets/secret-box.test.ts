/** Sealing secrets: AES-256-GCM, a fresh nonce per value, a versioned text form; what a wrong key or a changed byte does. */
import { describe, expect, it } from 'vitest';
import { createSecretBox, generateSecretKey, isSealed, parseSecretKey, SecretUnreadableError } from '../../../lib/secrets/secret-box';

const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
const box = createSecretBox(KEY);

describe('secret box', () => {
  it('seals as enc:v1:<nonce>:<ciphertext+tag> and opens back, unicode and empty included', () => {
    for (const plain of ['hunter22', '', 'ключ 🔑 with spaces', 'x'.repeat(10_000)]) {
      const sealed = box.seal(plain);
      expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+={0,2}$/);
      expect(sealed).not.toContain(plain || '\u0000');
      expect(box.open(sealed)).toBe(plain);
    }
    // 12-byte nonce, 16-byte tag: the body is the plain text's length plus 16.
    expect(Buffer.from(box.seal('abc').split(':')[3], 'base64')).toHaveLength(3 + 16);
  });

  it('uses a new nonce every time: the same secret never seals to the same text', () => {
    const sealed = new Set(Array.from({ length: 200 }, () => box.seal('same secret')));
    expect(sealed.size).toBe(200);
    expect(new Set([...sealed].map((s) => s.split(':')[2])).size).toBe(200);
  });

  it('never seals twice, and passes plain text (stored before sealing) through open', () => {
    const sealed = box.seal('pw');
    expect(box.seal(sealed)).toBe(sealed);
    expect(box.open('plain from an earlier version')).toBe('plain from an earlier version');
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed('enc:v2:whatever')).toBe(false);
    expect(isSealed(42)).toBe(false);
  });

  it('refuses another key, a changed byte, a cut tag and a malformed value', () => {
    const sealed = box.seal('pool api key');
    expect(() => createSecretBox(generateSecretKey()).open(sealed)).toThrow(SecretUnreadableError);
    const [p, v, nonce, body] = sealed.split(':');
    const bytes = Buffer.from(body, 'base64');
    bytes[0] ^= 1;
    expect(() => box.open([p, v, nonce, bytes.toString('base64')].join(':'))).toThrow(SecretUnreadableError);
    const otherNonce = Buffer.from(nonce, 'base64');
    otherNonce[11] ^= 0x80;
    expect(() => box.open([p, v, otherNonce.toString('base64'), body].join(':'))).toThrow(SecretUnreadableError);
    expect(() => box.open([p, v, nonce, Buffer.from(body, 'base64').subarray(0, 15).toString('base64')].join(':'))).toThrow(/malformed/);
    expect(() => box.open('enc:v1:not-base64!:x')).toThrow(/malformed/);
  });

  it('reads a key as 64 hex digits or base64 of 32 bytes, nothing else', () => {
    expect(parseSecretKey(KEY.toString('hex'))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString('hex').toUpperCase())).toEqual(KEY);
    expect(parseSecretKey(`${KEY.toString('base64')}\n`)).toEqual(KEY);
    for (const bad of [
      '',
      'short',
      KEY.toString('hex').slice(2),
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
      `${KEY.toString('hex')}00`,
    ]) {
      expect(parseSecretKey(bad), bad).toBeNull();
    }
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(/32 bytes, not 16/);
    expect(generateSecretKey()).toHaveLength(32);
    expect(generateSecretKey()).not.toEqual(generateSecretKey());
  });
});
