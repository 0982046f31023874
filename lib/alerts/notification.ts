/**
 * What a notification carries, as the alert engine hands it to the channels (lib/notify). Pure types: they
 * live here, below both, so that lib/alerts never imports lib/notify.
 *
 * A notification carries one or more alerts of one site (grouping by site is the sender's noise control);
 * every alert keeps its stable `alertId` so receivers can de-duplicate at-least-once deliveries: the pair
 * (alertId, state) identifies one transition.
 */

/** Which transition a message announces. */
export type AlertState = 'firing' | 'resolved';
/** How bad an alert is. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** One alert transition, rendered for people. */
export interface AlertMessage {
  /** Stable across retries, restarts and both transitions (firing, then resolved) of one alert. */
  alertId: string;
  state: AlertState;
  /** The rule kind, e.g. "unprofitable-rig". */
  rule: string;
  severity: AlertSeverity;
  /** One short line, e.g. "S19-07 is losing money". */
  title: string;
  /** A longer explanation; may be empty. */
  body: string;
  siteName: string;
  /** The rig, pool or site the alert is about. */
  subject: string;
  /** The measured figure, null when unknown. */
  value: number | null;
  /** One line with the figure and the threshold, e.g. "profit -0.012/kWh below margin 0/kWh". */
  detail: string;
  startedAtMs: number;
  /** Set when state is "resolved". */
  resolvedAtMs?: number;
  /** A link to the alert on the dashboard. */
  dashboardUrl?: string;
}

/**
 * Whose data a notification carries, for channels that reach individual people (Web Push): one site's
 * alerts reach only those who see that site; fleet-wide ones (no site: pools, network and price feeds)
 * only those who see every site; 'everyone' is for messages about no site's data (a channel's test, the
 * storage notices every role sees on screen too).
 */
export type NotificationAudience = { siteId: number } | 'fleet' | 'everyone';

/** One delivery: alerts of one site sent together. `alerts` is never empty. */
export interface AlertNotification {
  /** Identifies the group (e.g. "site:3"); the same for every notification of that group. */
  groupKey: string;
  siteName: string;
  alerts: readonly AlertMessage[];
  /** Who may read it; absent: 'fleet' (the narrowest that still reaches someone). */
  audience?: NotificationAudience;
}
