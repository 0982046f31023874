/**
 * Rigs by state in one line: mining, throttled, sleeping, error, stale, offline, and the total they add up
 * to. Each count is written out with its word (never colour alone); a state with rigs in it that need a look
 * is drawn in its warning colour.
 */
import { RIG_STATES, type StateCounts as Counts } from '../../../lib/domain/rig-cell';

const WORD: Record<(typeof RIG_STATES)[number], string> = {
  mining: 'mining',
  throttled: 'throttled',
  sleeping: 'sleeping',
  error: 'error',
  stale: 'stale',
  offline: 'offline',
};

/** Props of StateCounts. */
export interface StateCountsProps {
  counts: Counts;
}

/** "10,000 rigs: 9,812 mining · 12 throttled · …"; the parts sum to the total shown. */
export function StateCounts({ counts }: StateCountsProps) {
  const total = RIG_STATES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <section className="state-counts" aria-label="Rigs by state" data-testid="state-counts" data-total={total}>
      <p className="state-counts-total">
        <span className="state-counts-n">{total.toLocaleString('en-US')}</span> {total === 1 ? 'rig' : 'rigs'}
      </p>
      <ul className="state-counts-list">
        {RIG_STATES.map((s) => (
          <li key={s} className={`state-count state-count--${s}${counts[s] > 0 ? ' is-nonzero' : ''}`}>
            <span className="state-count-n" data-testid={`count-${s}`} data-value={counts[s]}>
              {counts[s].toLocaleString('en-US')}
            </span>{' '}
            {WORD[s]}
          </li>
        ))}
      </ul>
    </section>
  );
}
