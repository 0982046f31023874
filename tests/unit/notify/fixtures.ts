/** Alerts and notifications shared by the notify tests. */
import type { AlertMessage, AlertNotification } from '../../../lib/notify';

// Mon 1 Jul 2024 05:00 UTC and twenty minutes later.
export const STARTED_MS = Date.UTC(2024, 6, 1, 5, 0);
export const RESOLVED_MS = Date.UTC(2024, 6, 1, 5, 20);

export const FIRING: AlertMessage = {
  alertId: 'a-101',
  state: 'firing',
  rule: 'unprofitable-rig',
  severity: 'warning',
  title: 'S19-07 is losing money',
  body: '',
  siteName: 'North Barn',
  subject: 'S19-07',
  value: -0.012,
  detail: 'profit -0.012/kWh below margin 0/kWh',
  startedAtMs: STARTED_MS,
  dashboardUrl: 'http://hashwatt.local/alerts/a-101',
};

export const RESOLVED: AlertMessage = {
  alertId: 'a-102',
  state: 'resolved',
  rule: 'temp-high',
  severity: 'critical',
  title: 'S21-02 runs hot',
  body: 'Chip temperature back under the limit.',
  siteName: 'North Barn',
  subject: 'S21-02',
  value: 78,
  detail: 'chip 78 C, limit 85 C',
  startedAtMs: STARTED_MS,
  resolvedAtMs: RESOLVED_MS,
};

export function single(alert: AlertMessage = FIRING): AlertNotification {
  return { groupKey: 'site:1', siteName: 'North Barn', alerts: [alert] };
}

export function group(alerts: AlertMessage[]): AlertNotification {
  return { groupKey: 'site:1', siteName: 'North Barn', alerts };
}

/** `count` firing alerts named S19-00, S19-01, ... with ids a-0, a-1, ... */
export function manyFiring(count: number): AlertMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    ...FIRING,
    alertId: `a-${i}`,
    subject: `S19-${String(i).padStart(2, '0')}`,
    title: `S19-${String(i).padStart(2, '0')} is losing money`,
  }));
}
