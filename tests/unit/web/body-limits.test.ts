/** Request and reply bodies are counted as they arrive and refused at a cap that depends on the route. */
import { describe, expect, it } from 'vitest';
import { readCappedText } from '../../../lib/util/read-capped';
import { bodyLimitFor, declaredBodyTooLarge } from '../../../lib/web/body-limits';

describe('readCappedText', () => {
  /** A stream of `chunks` chunks of 64 KiB, counting how many were pulled. */
  function stream(chunks: number) {
    const counter = { pulled: 0, cancelled: false };
    const s = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (counter.pulled++ >= chunks) controller.close();
          else controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        },
        cancel() {
          counter.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { s, counter };
  }

  it('reads a body within the cap', async () => {
    const { s } = stream(2);
    expect(await readCappedText(s, 1024 * 1024)).toEqual({ ok: true, value: { text: 'a'.repeat(128 * 1024), bytes: 128 * 1024 } });
  });

  it('stops at the cap: a fetched reply is cancelled at once', async () => {
    const big = stream(3200); // 200 MiB
    expect(await readCappedText(big.s, 1024 * 1024)).toEqual({ ok: false, error: { bytes: 1024 * 1024 + 64 * 1024 } });
    expect(big.counter.pulled).toBe(17);
    expect(big.counter.cancelled).toBe(true);
  });

  it('stops at the cap: a refused request is read on briefly and dropped, then cut (LINGER)', async () => {
    const big = stream(3200);
    expect((await readCappedText(big.s, 1024 * 1024, 'linger')).ok).toBe(false);
    for (let i = 0; i < 100 && !big.counter.cancelled; i++) await new Promise((r) => setTimeout(r, 20));
    expect(big.counter.cancelled).toBe(true);
    // 1 MiB read, then at most LINGER's 16 MiB thrown away: never the whole 200 MiB.
    expect(big.counter.pulled).toBeLessThanOrEqual((1 + 16) * 16 + 3);
  });
});

describe('body caps', () => {
  it('are 1 MiB except where a route says otherwise', () => {
    expect(bodyLimitFor('PUT', '/api/sites/1/tariff')).toBe(1024 * 1024);
    expect(bodyLimitFor('POST', '/api/rigs')).toBe(4 * 1024 * 1024);
    expect(bodyLimitFor('post', '/api/auth/login')).toBe(8 * 1024);
  });

  it('refuse a declared length over the cap, naming the cap', () => {
    expect(declaredBodyTooLarge('POST', '/api/sites', String(200 * 1024 * 1024))).toBe(
      'the request body is larger than 1.0 MiB (1048576 bytes), the most this route accepts',
    );
    expect(declaredBodyTooLarge('POST', '/api/sites', '1048576')).toBeNull();
    expect(declaredBodyTooLarge('POST', '/api/rigs', String(2 * 1024 * 1024))).toBeNull();
    expect(declaredBodyTooLarge('POST', '/api/sites', undefined)).toBeNull();
  });
});
