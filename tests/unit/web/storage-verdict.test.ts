/** The storage banner's decision: low space by the documented thresholds, and what outranks it. */
import { describe, expect, it } from 'vitest';
import { isLowSpace, LOW_FREE_BYTES, storageVerdict, type StorageFacts } from '../../../lib/web/storage-verdict';

const GiB = 1024 ** 3;
const facts = (over: Partial<StorageFacts> = {}): StorageFacts => ({
  dbPath: '/srv/hashwatt/hashwatt.db',
  freeBytes: 50 * GiB,
  totalBytes: 100 * GiB,
  notWritable: null,
  replaced: null,
  recentFault: null,
  ...over,
});

describe('isLowSpace', () => {
  it.each([
    ['1 GiB free of 20 GiB (5 %): not low', GiB, 20 * GiB, false],
    ['1 byte under 1 GiB of 20 GiB: low', GiB - 1, 20 * GiB, true],
    ['5 % of a 1 TiB disk (51.2 GiB): not low', 0.05 * 1024 * GiB, 1024 * GiB, false],
    ['4.9 % of a 1 TiB disk: low', 0.049 * 1024 * GiB, 1024 * GiB, true],
    ['nothing free: low', 0, 8 * GiB, true],
    ['an unknown size, plenty free: not low', 10 * GiB, 0, false],
  ])('%s', (_what, free, total, low) => {
    expect(isLowSpace(free, total)).toBe(low);
  });
});

describe('storageVerdict', () => {
  it('says nothing while all is well', () => {
    expect(storageVerdict(facts())).toEqual({ level: 'ok', message: null });
  });

  it('low space names the free bytes, the share, the disk size and the database', () => {
    expect(storageVerdict(facts({ freeBytes: 512 * 1024 ** 2, totalBytes: 8 * GiB }))).toEqual({
      level: 'low',
      message:
        "Low disk space: 512.0 MiB (6.3 %) free of 8.0 GiB on the disk holding /srv/hashwatt/hashwatt.db. When it is full, new readings wait in the collector's memory.",
    });
    expect(LOW_FREE_BYTES).toBe(GiB);
  });

  it('a replaced file outranks a read-only one, which outranks a failing one, which outranks low space', () => {
    const all = facts({
      freeBytes: 1,
      replaced: 'database file X was deleted',
      notWritable: 'EROFS: read-only file system',
      recentFault: 'X: disk I/O error',
    });
    expect(storageVerdict(all)).toEqual({ level: 'replaced', message: 'database file X was deleted' });
    expect(storageVerdict({ ...all, replaced: null }).level).toBe('read-only');
    expect(storageVerdict({ ...all, replaced: null }).message).toBe(
      'The database /srv/hashwatt/hashwatt.db is read-only (EROFS: read-only file system): nothing new is stored.',
    );
    expect(storageVerdict({ ...all, replaced: null, notWritable: null })).toEqual({
      level: 'failing',
      message: 'Storing data is failing: X: disk I/O error.',
    });
    expect(storageVerdict({ ...all, replaced: null, notWritable: null, recentFault: null }).level).toBe('low');
  });

  it('without statfs figures there is no low-space verdict', () => {
    expect(storageVerdict(facts({ freeBytes: null, totalBytes: null })).level).toBe('ok');
  });
});
