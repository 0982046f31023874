/**
 * Reads a byte stream (a request or a reply body) as UTF-8 text, counting bytes as they arrive and
 * stopping at a cap, so no body is ever held past it however it was sent.
 */
import { err, ok, type Result } from './result';

/** The text and its size, or how far the body got (bytes) before it passed the cap. */
export type CappedText = Result<{ text: string; bytes: number }, { bytes: number }>;

/** How long the rest of a refused request body is read and thrown away before the connection is cut. */
export const LINGER = { maxBytes: 16 * 1024 * 1024, maxMs: 5_000 } as const;

/**
 * Reads and discards what is left of `reader` in the background, then cancels it once LINGER's bytes
 * or time run out. Closing a connection while the client still sends makes its kernel reset it, and
 * the client may lose the refusal it was about to read: reading on a while lets it see the answer
 * (what web servers call a lingering close). Nothing read is kept.
 */
function linger(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  let bytes = 0;
  const until = Date.now() + LINGER.maxMs;
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), LINGER.maxMs);
  timer.unref?.();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > LINGER.maxBytes || Date.now() > until) {
          await reader.cancel();
          break;
        }
      }
    } catch {
      // The client went away or the timer cancelled the read: nothing to do.
    } finally {
      clearTimeout(timer);
    }
  })();
}

/**
 * Reads `stream` to its end, or stops once more than `maxBytes` arrived. `onOverflow`: 'cancel' drops
 * the rest at once (a reply we fetched: its connection is closed); 'linger' reads the rest for a short
 * while and throws it away (a request we answer with a refusal, see `linger`).
 */
export async function readCappedText(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  onOverflow: 'cancel' | 'linger' = 'cancel',
  /** Kept up to date as bytes arrive, so a caller whose read fails can say how far it got. */
  progress: { bytes: number } = { bytes: 0 },
): Promise<CappedText> {
  if (stream === null) return ok({ text: '', bytes: 0 });
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    progress.bytes = bytes;
    if (bytes > maxBytes) {
      if (onOverflow === 'cancel') await reader.cancel().catch(() => undefined);
      else linger(reader);
      return err({ bytes });
    }
    chunks.push(value);
  }
  reader.releaseLock();
  return ok({ text: new TextDecoder().decode(Buffer.concat(chunks)), bytes });
}
