/**
 * The simulator's manifest on a full disk (a small tmpfs filled up; unprivileged, the temp file is a link
 * to /dev/full, which answers every write with ENOSPC): the error names the manifest and the cause, and
 * no temp manifest is left behind (before, an anonymous ENOSPC and a 0-byte temp file).
 */
import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeManifest, type SimManifest } from '../../collectors/simulator/simulator';
import { CAN_MOUNT, smallDisk, type SmallDisk } from '../support/small-disk';
import { tempDir } from '../support/temp';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const manifest: SimManifest = {
  generatedAtMs: Date.UTC(2026, 0, 1),
  sites: [{ name: 'Rockdale TX', timeZone: 'America/Chicago', currency: 'USD' }],
  rigs: Array.from({ length: 200 }, (_, i) => ({
    name: `S19-${i}`,
    site: 'Rockdale TX',
    address: `127.0.1.${i + 1}`,
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S19 Pro',
    algorithm: 'sha256',
    nameplateHashrateThs: 110,
    nameplatePowerW: 3250,
    fault: null,
  })),
};

/** A folder where writing the manifest runs out of space. */
function fullFolder(): string {
  if (CAN_MOUNT) {
    const disk: SmallDisk = smallDisk(64);
    cleanups.push(() => disk.cleanup());
    disk.fill();
    return disk.dir;
  }
  const t = tempDir('hashwatt-manifest-');
  cleanups.push(() => t.cleanup());
  symlinkSync('/dev/full', join(t.dir, `simulator-manifest.json.${process.pid}.tmp`));
  return t.dir;
}

describe('the simulator manifest on a full disk', () => {
  it('fails naming the file and "disk is full", and leaves no temp manifest', async () => {
    const dir = fullFolder();
    const path = join(dir, 'simulator-manifest.json');
    await expect(writeManifest(path, manifest)).rejects.toThrow(
      `could not write the simulator manifest ${path}: the disk is full (ENOSPC)`,
    );
    expect(readdirSync(dir).filter((name) => name.startsWith('simulator-manifest'))).toEqual([]);
  });
});
