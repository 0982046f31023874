/**
 * The delivery worker, in the collector (the only process that sends): every tick it acts on the web
 * app's requests (acknowledge, snooze, test send), queues re-notifications, and sends what the plan says
 * is due, recording each outcome in the queue. A failed send is retried with backoff; a receiver that
 * refuses for good marks the delivery failed. Nothing leaves the queue before the receiver accepted it.
 */
import { alertMessage, testMessage } from '../lib/alerts/message';
import type { Db } from '../lib/db/client';
import { finishAlertRequest, pendingAlertRequests, type AlertRequest } from '../lib/db/mutations/alert-requests';
import {
  acknowledgeAlert,
  alertRowsByIds,
  deferDeliveries,
  dueDeliveries,
  lastSentByGroup,
  markAttemptFailed,
  markDelivered,
  pruneDeliveryQueue,
  queueRenotifications,
  snoozeAlert,
  type DueDelivery,
} from '../lib/db/mutations/delivery-queue';
import { pushSubscriptionStore } from '../lib/db/mutations/push-subscriptions';
import { getOrCreateVapidKeys } from '../lib/db/mutations/vapid-keys';
import { getChannelRow, listChannelRows } from '../lib/db/queries/alert-channels';
import { getNotifyPolicy } from '../lib/db/queries/alert-settings';
import { channelSecretPaths, unreadableSecretPaths, unreadableSecretText } from '../lib/db/secret-fields';
import { createChannel, NotifyError, nextRetryDelayMs, parseChannelConfig, type ChannelConfig, type ChannelDeps } from '../lib/notify';
import { notifyNet, type NotifyNet } from '../lib/notify/net';
import { planDeliveries, type PlannedAction } from '../lib/notify/plan';
import type { AlertMessage, NotificationAudience } from '../lib/notify/types';
import { audienceOfAlerts } from '../lib/notify/audience';
import { createOnceLog, type OnceLog } from '../lib/util/once-log';
import { sleep } from '../lib/util/sleep';

export interface NotifyLoopOptions {
  db: Db;
  now?: () => number;
  random?: () => number;
  /** How often the worker looks at the queue. Default 1 s. */
  tickMs?: number;
  /** The dashboard's public URL, linked from notifications (HASHWATT_PUBLIC_URL). */
  dashboardUrl?: string | null;
  /** Delivered rows and handled requests are kept this long. Default 30 days. */
  keepMs?: number;
  log?: (line: string) => void;
  /** Failures logged once per distinct error (runNotifyLoop makes one on `log`; a lone tick uses a fresh one). */
  problems?: OnceLog;
  /** Where channels may connect (main.ts: public addresses plus HASHWATT_NOTIFY_PRIVATE_HOSTS); default public only. */
  net?: NotifyNet;
}

/** What one tick did (for logs and tests). */
export interface TickResult {
  requests: number;
  sent: number;
  failed: number;
  deferred: number;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A stored channel config, parsed and checked; never throws (a row may hold anything). */
function storedChannelConfig(configJson: string): ReturnType<typeof parseChannelConfig> {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(configJson) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, error: [`not JSON (${errorText(err)})`] };
  }
  // A secret still sealed would be sent as the credential itself: name it instead.
  const unreadable = typeof config === 'object' && config !== null ? unreadableSecretPaths(config, channelSecretPaths(config)) : [];
  if (unreadable.length > 0) return { ok: false, error: [unreadableSecretText(unreadable.join(', '))] };
  return parseChannelConfig(config);
}

/** The enabled channels with a valid stored config (an invalid one is reported once and skipped). */
export function enabledChannels(db: Db, problems: OnceLog): Map<number, { name: string; config: ChannelConfig }> {
  const out = new Map<number, { name: string; config: ChannelConfig }>();
  const invalid = new Map<string, string>();
  for (const row of listChannelRows(db)) {
    if (!row.enabled) continue;
    const parsed = storedChannelConfig(row.configJson);
    if (parsed.ok) out.set(row.id, { name: row.name, config: parsed.value });
    else invalid.set(`notify: channel "${row.name}"`, `has an invalid stored config, skipped: ${parsed.error.join('; ')}`);
  }
  problems.round('notify: channel', invalid);
  return out;
}

/** What channels need from the database: Web Push's subscriptions and the VAPID keys. */
export function channelDeps(opts: NotifyLoopOptions): ChannelDeps {
  const now = opts.now ?? Date.now;
  return {
    webPush: {
      store: pushSubscriptionStore(opts.db),
      vapidKeys: () => getOrCreateVapidKeys(opts.db, now()),
      publicUrl: opts.dashboardUrl ?? null,
      now,
    },
    net: opts.net ?? notifyNet(),
  };
}

async function sendTest(db: Db, channelId: number, nowMs: number, deps: ChannelDeps, signal?: AbortSignal): Promise<string | null> {
  const row = getChannelRow(db, channelId);
  if (!row) return `no channel ${channelId}`;
  const parsed = storedChannelConfig(row.configJson);
  if (!parsed.ok) return `invalid channel config: ${parsed.error.join('; ')}`;
  try {
    await createChannel(parsed.value, deps).send(
      { groupKey: 'test', siteName: 'Hashwatt', alerts: [testMessage(row.name, nowMs)], audience: 'everyone' },
      signal,
    );
    return null;
  } catch (err) {
    return errorText(err);
  }
}

async function handleRequest(
  db: Db,
  request: AlertRequest,
  nowMs: number,
  deps: ChannelDeps,
  signal?: AbortSignal,
): Promise<string | null> {
  switch (request.kind) {
    case 'ack':
      return acknowledgeAlert(db, request.alertId, request.by, nowMs);
    case 'snooze':
      return snoozeAlert(db, request.alertId, request.untilMs, nowMs);
    case 'test':
      return sendTest(db, request.channelId, nowMs, deps, signal);
  }
}

/**
 * The messages of one group, one per (alert, state): a transition and a re-notify of the same alert send
 * once; with who may read them (their site's people, or for fleet-wide alerts those of every site).
 */
function groupMessages(
  rows: readonly DueDelivery[],
  db: Db,
  dashboardUrl: string | null,
): { messages: AlertMessage[]; audience: NotificationAudience } {
  const stored = alertRowsByIds(db, [...new Set(rows.map((r) => r.alertId))]);
  const seen = new Set<string>();
  const messages: AlertMessage[] = [];
  const siteIds: (number | null)[] = [];
  for (const r of rows) {
    const alert = stored.get(r.alertId);
    const key = `${r.alertId}\u0000${r.state}`;
    if (!alert || seen.has(key)) continue;
    seen.add(key);
    messages.push(alertMessage(alert, r.state, r.reason === 'renotify', dashboardUrl));
    siteIds.push(alert.siteId);
  }
  return { messages, audience: audienceOfAlerts(siteIds) };
}

/** One pass of the worker. */
export async function notifyTick(opts: NotifyLoopOptions, signal?: AbortSignal): Promise<TickResult> {
  const { db } = opts;
  const now = opts.now ?? Date.now;
  const problems = opts.problems ?? createOnceLog(opts.log ?? console.log);
  const result: TickResult = { requests: 0, sent: 0, failed: 0, deferred: 0 };
  const deps = channelDeps(opts);

  for (const { id, request } of pendingAlertRequests(db)) {
    // One request that cannot be carried out fails alone: the queue behind it goes on.
    let outcome: string | null;
    try {
      outcome = await handleRequest(db, request, now(), deps, signal);
    } catch (err) {
      outcome = `unexpected: ${errorText(err)}`;
    }
    finishAlertRequest(db, id, now(), outcome);
    result.requests++;
  }

  const channels = enabledChannels(db, problems);
  const policy = getNotifyPolicy(db);
  queueRenotifications(db, [...channels.keys()], policy.renotifyMs, now());

  const nowMs = now();
  const due = dueDeliveries(db, nowMs);
  const byId = new Map(due.map((d) => [d.id, d]));
  const lastSent = lastSentByGroup(db);
  const plan = planDeliveries(
    due,
    new Map([...channels].map(([id, c]) => [id, { quietHours: c.config.quietHours }])),
    (channelId, groupKey) => lastSent.get(`${channelId}\u0000${groupKey}`) ?? null,
    policy,
    nowMs,
  );
  const sendOne = async (action: Extract<PlannedAction, { kind: 'send' }>) => {
    const rows = action.deliveryIds.map((id) => byId.get(id)!);
    const channel = channels.get(action.channelId)!;
    const key = `notify: "${channel.name}"`;
    try {
      // Inside the try: a message that cannot be built is a failed attempt of this group, not of the tick.
      const { messages, audience } = groupMessages(rows, db, opts.dashboardUrl ?? null);
      if (messages.length === 0) return markDelivered(db, action.deliveryIds, now()); // their alerts were pruned
      await createChannel(channel.config, deps).send(
        { groupKey: action.groupKey, siteName: messages[0].siteName, alerts: messages, audience },
        signal,
      );
      markDelivered(db, action.deliveryIds, now());
      result.sent += action.deliveryIds.length;
      problems.ok(key);
    } catch (err) {
      if (signal?.aborted) return; // shutting down: the rows stay pending and go out after the restart
      const retryable = !(err instanceof NotifyError) || err.retryable;
      const attempt = Math.max(...rows.map((r) => r.attempts)) + 1;
      const retryAfterMs = err instanceof NotifyError ? err.retryAfterMs : undefined;
      const next = retryable ? now() + nextRetryDelayMs(attempt, { random: opts.random ?? Math.random, retryAfterMs }) : null;
      markAttemptFailed(db, action.deliveryIds, errorText(err), next);
      result.failed += action.deliveryIds.length;
      problems.fail(
        key,
        `${action.groupKey}: ${errorText(err)}${next === null ? ' (gave up: not retryable)' : `; retry in ${Math.round((next - now()) / 1000)} s`}`,
      );
    }
  };
  const sends: Promise<void>[] = [];
  for (const action of plan) {
    if (action.kind === 'send') sends.push(sendOne(action));
    else if (action.kind === 'defer') {
      deferDeliveries(db, action.deliveryIds, action.untilMs);
      result.deferred += action.deliveryIds.length;
    }
  }
  await Promise.all(sends);
  return result;
}

/** Runs the worker until `signal` aborts. */
export async function runNotifyLoop(opts: NotifyLoopOptions, signal: AbortSignal): Promise<void> {
  const now = opts.now ?? Date.now;
  const tickMs = opts.tickMs ?? 1000;
  const problems = opts.problems ?? createOnceLog(opts.log ?? console.log);
  let lastPruneMs = 0;
  while (!signal.aborted) {
    try {
      await notifyTick({ ...opts, problems }, signal);
      if (now() - lastPruneMs > 3_600_000) {
        pruneDeliveryQueue(opts.db, now(), opts.keepMs ?? 30 * 24 * 3_600_000);
        lastPruneMs = now();
      }
      problems.ok('notify');
    } catch (err) {
      // The database failing, say: logged once, tried again next tick.
      problems.fail('notify', errorText(err));
    }
    await sleep(tickMs, signal);
  }
}
