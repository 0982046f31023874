/**
 * A poll's own deadline: the per-request timeout times the requests its driver may send
 * (Driver.maxRequestsPerPoll). Every request is already bounded by the timeout, so a slow but valid device
 * finishes within it; the deadline is what guarantees it, also for a driver that ignores its timeouts, and
 * it ends the poll's I/O (sockets closed) instead of leaving it running behind a result already given.
 */
import type { Reading } from '../../lib/domain/reading';
import { describeTarget } from './tcp-exchange';
import { DeviceError, type Driver, type PollTarget } from './types';

/** How long one poll of `driver` may take: the per-request timeout times its most requests per poll. */
export function pollDeadlineMs(driver: Pick<Driver, 'maxRequestsPerPoll'>, timeoutMs: number): number {
  return timeoutMs * Math.max(1, driver.maxRequestsPerPoll);
}

/**
 * driver.poll(target), cut at pollDeadlineMs: past it the poll's requests are aborted and it fails with a
 * 'timeout' DeviceError naming the deadline and how it is made up. target.signal still aborts it sooner.
 */
export async function pollWithDeadline(driver: Driver, target: PollTarget): Promise<Reading> {
  const deadlineMs = pollDeadlineMs(driver, target.timeoutMs);
  const controller = new AbortController();
  const outer = target.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const requests = Math.max(1, driver.maxRequestsPerPoll);
      reject(
        new DeviceError(
          'timeout',
          `poll of ${describeTarget(target)} (${driver.name}) did not finish within ${deadlineMs} ms (${requests} requests x ${target.timeoutMs} ms)`,
        ),
      );
      controller.abort(); // after the rejection, so the race reports the deadline, not the abort it causes
    }, deadlineMs);
  });
  try {
    return await Promise.race([driver.poll({ ...target, signal: controller.signal }), deadline]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
