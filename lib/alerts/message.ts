/** An alert as a notification message (./notification.ts, what lib/notify delivers), and the test message. Pure. */
import type { AlertMessage, AlertSeverity } from './notification';

/** The stored alert fields a message needs (an `alerts` row). */
export interface StoredAlert {
  id: string;
  rule: string;
  severity: string;
  title: string;
  detail: string;
  value: number | null;
  subjectName: string;
  siteName: string | null;
  startedAtMs: number;
  resolvedAtMs: number | null;
}

/** The message of one queued transition; a re-notification says the alert is still firing. */
export function alertMessage(
  alert: StoredAlert,
  state: 'firing' | 'resolved',
  renotify: boolean,
  dashboardUrl: string | null,
): AlertMessage {
  return {
    alertId: alert.id,
    state,
    rule: alert.rule,
    severity: alert.severity as AlertSeverity,
    title: renotify ? `Still firing: ${alert.title}` : alert.title,
    body: renotify ? 'Not acknowledged yet.' : '',
    siteName: alert.siteName ?? 'Fleet',
    subject: alert.subjectName,
    value: alert.value,
    detail: alert.detail,
    startedAtMs: alert.startedAtMs,
    ...(state === 'resolved' && alert.resolvedAtMs !== null ? { resolvedAtMs: alert.resolvedAtMs } : {}),
    ...(dashboardUrl ? { dashboardUrl: `${dashboardUrl.replace(/\/+$/, '')}/alerts` } : {}),
  };
}

/** What "Send test" delivers: marked as a test so receivers can tell it from a real alert. */
export function testMessage(channelName: string, nowMs: number): AlertMessage {
  return {
    alertId: `test:${nowMs}`,
    state: 'firing',
    rule: 'test',
    severity: 'info',
    title: `Test notification for channel "${channelName}"`,
    body: 'Sent from the Hashwatt settings screen. If you can read this, the channel works.',
    siteName: 'Hashwatt',
    subject: channelName,
    value: null,
    detail: 'test',
    startedAtMs: nowMs,
  };
}
