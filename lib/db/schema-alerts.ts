/** Alert tables: engine states, alerts, channels, the delivery queue, overrides, maintenance, settings, requests. */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The alert engine's state per (rule, subject) between sweeps, so a restart neither re-fires nor forgets. */
export const alertStates = sqliteTable('alert_states', {
  /** `${rule}:${scope}:${subjectId}`. */
  key: text('key').primaryKey(),
  phase: text('phase').notNull(),
  pendingSinceMs: integer('pending_since_ms'),
  firingSinceMs: integer('firing_since_ms'),
  clearSinceMs: integer('clear_since_ms'),
  alertId: text('alert_id'),
  value: real('value'),
  detail: text('detail').notNull(),
});

/** Every alert that fired: active while resolved_at_ms is null, history after. */
export const alerts = sqliteTable(
  'alerts',
  {
    /** Stable alert id (`${key}:${pendingSinceMs}`), the same in every notification of this alert. */
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    rule: text('rule').notNull(),
    scope: text('scope').notNull(),
    subjectId: integer('subject_id').notNull(),
    /** Rig, site or pool name when it fired (kept if the subject is renamed or removed). */
    subjectName: text('subject_name').notNull(),
    siteId: integer('site_id'),
    siteName: text('site_name'),
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull(),
    value: real('value'),
    startedAtMs: integer('started_at_ms').notNull(),
    firingAtMs: integer('firing_at_ms').notNull(),
    resolvedAtMs: integer('resolved_at_ms'),
    resolveReason: text('resolve_reason'),
    ackedAtMs: integer('acked_at_ms'),
    ackedBy: text('acked_by'),
    snoozedUntilMs: integer('snoozed_until_ms'),
    /** When a firing notification of this alert was last queued (re-notify counts from here). */
    notifiedAtMs: integer('notified_at_ms'),
  },
  (t) => [index('alerts_resolved_idx').on(t.resolvedAtMs), index('alerts_firing_idx').on(t.firingAtMs)],
);

/** A configured notification destination (lib/notify), its config as validated JSON. */
export const alertChannels = sqliteTable('alert_channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  configJson: text('config_json').notNull(),
  createdAtMs: integer('created_at_ms').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/**
 * The persistent delivery queue: one row per (channel, alert transition). Rows stay 'pending' until the
 * receiver accepts them (retried with backoff), so nothing is lost across restarts; at-least-once.
 */
export const alertDeliveries = sqliteTable(
  'alert_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id').notNull(),
    alertId: text('alert_id').notNull(),
    /** 'firing' or 'resolved'. */
    state: text('state').notNull(),
    /** 'transition' (fired or resolved) or 'renotify' (still firing, not acknowledged). */
    reason: text('reason').notNull(),
    /** Grouping: deliveries of one group and channel go out in one notification ("site:3", "fleet"). */
    groupKey: text('group_key').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    /** 'pending', 'delivered' or 'failed' (the receiver refused it for good). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptMs: integer('next_attempt_ms').notNull(),
    deliveredAtMs: integer('delivered_at_ms'),
    lastError: text('last_error'),
  },
  (t) => [index('alert_deliveries_due_idx').on(t.status, t.nextAttemptMs), index('alert_deliveries_alert_idx').on(t.alertId)],
);

/** Threshold overrides (lib/alerts thresholds): scope 'global' (id 0), 'site' or 'rig'. */
export const alertOverrides = sqliteTable(
  'alert_overrides',
  {
    scope: text('scope').notNull(),
    scopeId: integer('scope_id').notNull(),
    overrideJson: text('override_json').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId] })],
);

/** Rigs in maintenance: no alerts until it ends (until_ms null: until ended by hand). */
export const rigMaintenance = sqliteTable('rig_maintenance', {
  rigId: integer('rig_id').primaryKey(),
  sinceMs: integer('since_ms').notNull(),
  untilMs: integer('until_ms'),
  note: text('note').notNull().default(''),
});

/** Small settings documents by key (e.g. 'notify-policy'), validated JSON. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAtMs: integer('updated_at_ms').notNull(),
});

/**
 * What the web process asks the collector to do (acknowledge, snooze, send a test): only the collector
 * sends and changes alert state. The web app polls the row for the outcome.
 */
export const alertRequests = sqliteTable(
  'alert_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'ack', 'snooze' or 'test'. */
    kind: text('kind').notNull(),
    payloadJson: text('payload_json').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    /** 'pending', 'done' or 'failed'. */
    status: text('status').notNull().default('pending'),
    handledAtMs: integer('handled_at_ms'),
    error: text('error'),
  },
  (t) => [index('alert_requests_status_idx').on(t.status)],
);

export type AlertStateRow = typeof alertStates.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertChannelRow = typeof alertChannels.$inferSelect;
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;
export type AlertRequestRow = typeof alertRequests.$inferSelect;
