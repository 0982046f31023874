/**
 * Tells the alert channels that storage is failing, and that it recovered, straight from memory: the
 * database cannot take an alert, nor a delivery row. The enabled channels are read while storage works
 * (at most once a minute) and kept, so they are known when it fails. One "storage failing" per episode,
 * no more often than `minGapMs` however often storage flaps, and one "storage recovered" for each
 * "failing" that went out. Deliveries are best-effort: a failed send is logged, not queued.
 */
import type { AlertMessage, AlertNotification, ChannelConfig, ChannelDeps } from '../lib/notify';
import { createChannel } from '../lib/notify';
import type { StorageListener } from './sweep-writer';

export interface StorageNoticesOptions {
  /** The database file, named in every notice. */
  dbPath: string;
  /** The enabled channels (read from the database while it works). */
  loadChannels: () => ReadonlyMap<number, { name: string; config: ChannelConfig }>;
  channelDeps?: ChannelDeps;
  /** Sends one notification to one channel; default createChannel(config, deps).send. */
  send?: (config: ChannelConfig, notification: AlertNotification) => Promise<void>;
  /** Least time between two "storage failing" notices. Default 15 min. */
  minGapMs?: number;
  /** How often the channel list is read again while storage works. Default 1 min. */
  reloadEveryMs?: number;
  log?: (line: string) => void;
}

const GROUP = 'storage';

function message(path: string, state: 'firing' | 'resolved', text: string, sinceMs: number, nowMs: number): AlertMessage {
  return {
    alertId: `storage:${path}:${sinceMs}`,
    state,
    rule: 'storage',
    severity: 'critical',
    title: state === 'firing' ? `storage failing: ${text}` : `storage recovered: ${path}`,
    body:
      state === 'firing'
        ? 'The collector holds new readings in memory (the oldest are dropped when it is full) and writes them when storage works again. They are lost if it restarts before then.'
        : `Storage works again; the readings held since ${new Date(sinceMs).toISOString()} were written.`,
    siteName: 'Hashwatt',
    subject: path,
    value: null,
    detail: text,
    startedAtMs: sinceMs,
    ...(state === 'resolved' ? { resolvedAtMs: nowMs } : {}),
  };
}

/** The listener the sweep writer calls. */
export function createStorageNotices(opts: StorageNoticesOptions): StorageListener {
  const log = opts.log ?? console.error;
  const minGapMs = opts.minGapMs ?? 15 * 60_000;
  const reloadEveryMs = opts.reloadEveryMs ?? 60_000;
  const send = opts.send ?? ((config, n) => createChannel(config, opts.channelDeps).send(n));
  let channels: ReadonlyMap<number, { name: string; config: ChannelConfig }> = new Map();
  let loadedAtMs = -Infinity;
  let lastFailingSentMs = -Infinity;
  /** The episode (its start) whose "failing" went out, so its "recovered" goes out too. */
  let announcedSinceMs: number | null = null;

  const deliver = (notification: AlertNotification) => {
    for (const { name, config } of channels.values()) {
      send(config, notification).catch((err: unknown) =>
        log(`collector: could not tell channel "${name}" about storage: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  };

  const load = (nowMs: number) => {
    try {
      channels = opts.loadChannels();
      loadedAtMs = nowMs;
    } catch (err) {
      log(`collector: could not read the alert channels: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return {
    healthy(nowMs) {
      if (nowMs - loadedAtMs >= reloadEveryMs) load(nowMs);
    },
    failing(nowMs, text, sinceMs) {
      if (announcedSinceMs === sinceMs || nowMs - lastFailingSentMs < minGapMs) return;
      // Failing since the start: reading usually still works when writing does not (a full or read-only disk).
      if (loadedAtMs === -Infinity) load(nowMs);
      announcedSinceMs = sinceMs;
      lastFailingSentMs = nowMs;
      log(`collector: telling ${channels.size} alert channel(s): storage failing: ${text}`);
      deliver({
        groupKey: GROUP,
        siteName: 'Hashwatt',
        alerts: [message(opts.dbPath, 'firing', text, sinceMs, nowMs)],
        audience: 'everyone',
      });
    },
    recovered(nowMs, text, sinceMs) {
      if (announcedSinceMs !== sinceMs) return;
      announcedSinceMs = null;
      deliver({
        groupKey: GROUP,
        siteName: 'Hashwatt',
        alerts: [message(opts.dbPath, 'resolved', text, sinceMs, nowMs)],
        audience: 'everyone',
      });
    },
  };
}
