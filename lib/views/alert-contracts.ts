/**
 * Typed contracts of the alerts screens and REST API: alerts as shown, channels (secrets redacted), rules
 * and the notification policy, and the requests the web process records for the collector. No runtime code.
 */
import type { AlertThresholds, ThresholdOverride } from '../alerts/thresholds';
import type { AlertScope, RuleKind } from '../alerts/types';
import type { NotifyPolicy } from '../alerts/policy';

export type AlertSeverityView = 'info' | 'warning' | 'critical';

/** One alert (active while resolvedAtMs is null). */
export interface AlertView {
  /** Stable id: the same in the UI, the API and every notification of this alert. */
  id: string;
  rule: RuleKind;
  scope: AlertScope;
  subjectId: number;
  subjectName: string;
  siteId: number | null;
  siteName: string | null;
  severity: AlertSeverityView;
  /** One line for people, e.g. "S19-07 is losing money". */
  title: string;
  /** The figure against the threshold, e.g. "profit -0.0120 USD/kWh, margin 0 USD/kWh ...". */
  detail: string;
  value: number | null;
  /** When the breach began (pending), and when it started firing. */
  startedAtMs: number;
  firingAtMs: number;
  resolvedAtMs: number | null;
  /** 'cleared' or 'maintenance'. */
  resolveReason: string | null;
  ackedAtMs: number | null;
  ackedBy: string | null;
  /** Notifications (re-notify) and the banner hold back until then. */
  snoozedUntilMs: number | null;
}

/** A notification channel as the API and settings screen show it: secret fields read "<redacted>". */
export interface ChannelView {
  id: number;
  name: string;
  kind: string;
  enabled: boolean;
  config: Record<string, unknown>;
  createdAtMs: number;
  updatedAtMs: number;
  /** Deliveries waiting (including retries). */
  queued: number;
  /** Deliveries the receiver refused for good. */
  failed: number;
  lastDeliveredAtMs: number | null;
  /** The last error of a delivery still queued or failed, null when the channel is healthy. */
  lastError: string | null;
}

/** Everything the rules part of the settings screen shows. */
export interface RulesView {
  defaults: AlertThresholds;
  global: ThresholdOverride;
  /** Overrides by site id and by rig id. */
  sites: Record<number, ThresholdOverride>;
  rigs: Record<number, ThresholdOverride>;
  maintenance: MaintenanceView[];
  policy: NotifyPolicy;
}

export interface MaintenanceView {
  rigId: number;
  rigName: string;
  siteId: number;
  sinceMs: number;
  /** Null: until ended by hand. */
  untilMs: number | null;
  note: string;
}

/** A request the collector acts on (acknowledge, snooze, test send), and its outcome. */
export interface AlertRequestView {
  id: number;
  kind: 'ack' | 'snooze' | 'test';
  status: 'pending' | 'done' | 'failed';
  createdAtMs: number;
  handledAtMs: number | null;
  error: string | null;
}
