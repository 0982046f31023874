/**
 * Reads a file someone named (a tariff file, a feed file, a cookie file), refusing one larger than its
 * use allows before it is held in memory. At most `maxBytes + 1` bytes are read, so a FIFO, a device
 * (/dev/zero) or a file still growing is bounded too. Errors opening or reading it are thrown as they come.
 */
import { open } from 'node:fs/promises';
import { err, ok, type Result } from './result';

/** The text, or the fact that the file is larger than `maxBytes`. */
export type CappedFile = Result<string, 'too-large'>;

/** The file's UTF-8 text when it is at most `maxBytes` long. */
export async function readFileCapped(path: string, maxBytes: number): Promise<CappedFile> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await file.read(buf, filled, buf.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) return err('too-large');
    }
    return ok(buf.subarray(0, filled).toString('utf8'));
  } finally {
    await file.close();
  }
}
