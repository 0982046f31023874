/** Deterministic junk for the 'garbage' fault: never starts with "{" or "H", so it is neither JSON nor HTTP. */
import { mulberry32 } from '../prng';

/** 64..1023 seeded random bytes, different per connection number. */
export function garbageBytes(seed: number, connection: number): Buffer {
  const next = mulberry32(seed ^ (connection * 0x9e3779b1));
  const length = 64 + Math.floor(next() * 960);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  bytes[0] = 0xfe;
  return bytes;
}
