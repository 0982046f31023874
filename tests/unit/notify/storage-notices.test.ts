/**
 * Storage notices from memory: the channels read while storage works are told once per failing episode
 * (rate-limited however often storage flaps), and told it recovered only after they were told it failed.
 */
import { describe, expect, it } from 'vitest';
import { createStorageNotices } from '../../../collectors/storage-notices';
import type { AlertNotification, ChannelConfig } from '../../../lib/notify';

const PATH = '/srv/hashwatt/hashwatt.db';
const hook = (n: number): ChannelConfig => ({
  kind: 'webhook',
  url: `http://127.0.0.1/${n}`,
  secret: 'sixteen-chars-secret',
  timeoutMs: 1000,
});

function setup(channelCount = 2) {
  const sent: { url: string; title: string; state: string }[] = [];
  let loads = 0;
  const notices = createStorageNotices({
    dbPath: PATH,
    loadChannels: () => {
      loads++;
      return new Map(Array.from({ length: channelCount }, (_, i) => [i + 1, { name: `hook ${i + 1}`, config: hook(i + 1) }]));
    },
    send: async (config, n: AlertNotification) => {
      sent.push({ url: (config as { url: string }).url, title: n.alerts[0].title, state: n.alerts[0].state });
    },
    minGapMs: 15 * 60_000,
    reloadEveryMs: 60_000,
    log: () => undefined,
  });
  return { notices, sent, loads: () => loads };
}

const FULL = `${PATH}: database or disk is full (SQLITE_FULL)`;
const MIN = 60_000;

describe('storage notices', () => {
  it('tells every channel loaded while storage worked, once per episode, then once that it recovered', async () => {
    const { notices, sent, loads } = setup();
    notices.healthy(0);
    notices.healthy(30_000); // within a minute: not read again
    expect(loads()).toBe(1);
    for (let s = 1; s <= 5; s++) notices.failing(MIN + s * 1000, FULL, MIN);
    notices.recovered(2 * MIN, FULL, MIN);
    await Promise.resolve();
    expect(sent).toEqual([
      { url: 'http://127.0.0.1/1', title: `storage failing: ${FULL}`, state: 'firing' },
      { url: 'http://127.0.0.1/2', title: `storage failing: ${FULL}`, state: 'firing' },
      { url: 'http://127.0.0.1/1', title: `storage recovered: ${PATH}`, state: 'resolved' },
      { url: 'http://127.0.0.1/2', title: `storage recovered: ${PATH}`, state: 'resolved' },
    ]);
  });

  it('a flapping disk is announced at most every 15 minutes, and "recovered" only follows an announced failure', async () => {
    const { notices, sent } = setup(1);
    notices.healthy(0);
    notices.failing(1 * MIN, FULL, 1 * MIN);
    notices.recovered(2 * MIN, FULL, 1 * MIN);
    notices.failing(3 * MIN, FULL, 3 * MIN); // 2 minutes after the last: held back
    notices.recovered(4 * MIN, FULL, 3 * MIN); // its failure was never told: nothing to resolve
    notices.failing(5 * MIN, FULL, 5 * MIN);
    notices.failing(16 * MIN + 1, FULL, 5 * MIN); // still failing, 15 minutes on: told now
    await Promise.resolve();
    expect(sent.map((s) => `${s.state} ${s.title}`)).toEqual([
      `firing storage failing: ${FULL}`,
      `resolved storage recovered: ${PATH}`,
      `firing storage failing: ${FULL}`,
    ]);
  });

  it('storage failing from the start: the channels are read then (reading usually still works)', async () => {
    const { notices, sent, loads } = setup(1);
    notices.failing(1000, FULL, 1000);
    await Promise.resolve();
    expect(loads()).toBe(1);
    expect(sent).toHaveLength(1);
  });
});
