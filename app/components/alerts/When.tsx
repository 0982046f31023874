/**
 * A moment shown as a `<time>`: relative to now ("12 min ago") with the full date and time in the title,
 * or (absolute) a compact date and time with the full one and the relative one in the title. The viewer's
 * zone is only known in the browser, so until the clock is read (nowMs null) it shows a dash and no
 * title: server and first browser render agree.
 */
import { formatAbsolute, formatCompact, formatRelativeMs } from './alert-order';

/** Props of When. */
export interface WhenProps {
  tsMs: number | null;
  /** The ticking clock; null before mount. */
  nowMs: number | null;
  /** Show "Nov 24, 20:45" instead of "12 min ago". */
  absolute?: boolean;
  testId?: string;
}

/** `<time dateTime=ISO title=full>text</time>`, or "—" when there is no moment. */
export function When({ tsMs, nowMs, absolute = false, testId }: WhenProps) {
  if (tsMs === null) return <span className="when-none">—</span>;
  const iso = new Date(tsMs).toISOString();
  if (nowMs === null) {
    return (
      <time dateTime={iso} data-testid={testId}>
        —
      </time>
    );
  }
  const full = formatAbsolute(tsMs);
  const rel = formatRelativeMs(tsMs, nowMs);
  return (
    <time dateTime={iso} title={absolute ? `${full} (${rel})` : full} data-testid={testId}>
      {absolute ? formatCompact(tsMs, nowMs) : rel}
    </time>
  );
}
