/**
 * A real full disk for tests: a small tmpfs mounted on a fresh temp folder (needs root, as the test
 * machines run), and a filler file that takes every byte left on it; deleting the filler frees the space.
 * Tests that must also run unprivileged fall back to SQLite's `PRAGMA max_page_count` where they use this.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp';

/** True when this process may mount a tmpfs. */
export const CAN_MOUNT = process.getuid?.() === 0;

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk is full (ENOSPC). */
  fill(): void;
  /** Deletes the filler file. */
  free(): void;
  cleanup(): void;
}

/** Mounts a tmpfs of `sizeKiB` on a new temp folder. */
export function smallDisk(sizeKiB: number): SmallDisk {
  const t = tempDir('hashwatt-disk-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', t.dir]);
  const filler = join(t.dir, 'filler');
  return {
    dir: t.dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 0x5a);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    cleanup() {
      try {
        execFileSync('umount', ['-l', t.dir]);
      } finally {
        t.cleanup();
      }
    },
  };
}
