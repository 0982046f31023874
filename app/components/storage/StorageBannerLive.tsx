'use client';
/** The storage banner's browser part: shows the verdict, asking GET /api/storage again every 30 s. */
import type { StorageLevel, StorageVerdict } from '../../../lib/web/storage-verdict';
import { usePolledJson } from '../rig-detail/use-polled-json';
import './storage-banner.css';

const STATUS_URL = '/api/storage';
const LEVELS: readonly StorageLevel[] = ['ok', 'low', 'read-only', 'failing', 'replaced'];

function parseVerdict(json: unknown): StorageVerdict | null {
  const v = json as Partial<StorageVerdict> | null;
  if (!v || !LEVELS.includes(v.level as StorageLevel) || !(v.message === null || typeof v.message === 'string')) return null;
  return { level: v.level as StorageLevel, message: v.message };
}

/** Nothing while storage is fine; otherwise one line saying what is wrong and where. */
export function StorageBannerLive({ initial }: { initial: StorageVerdict }) {
  const { data } = usePolledJson(STATUS_URL, parseVerdict, 30_000, { url: STATUS_URL, data: initial });
  const verdict = data ?? initial;
  if (!verdict.message) return null;
  return (
    <div className={`storage-banner storage-banner--${verdict.level}`} role="alert" data-testid="storage-banner" data-level={verdict.level}>
      <span className="storage-banner-icon" aria-hidden="true">
        !
      </span>
      <p className="storage-banner-text">{verdict.message}</p>
    </div>
  );
}
