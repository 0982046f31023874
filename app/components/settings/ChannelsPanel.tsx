'use client';
/**
 * Notification channels: each with its delivery health (queued, failed, last delivered, last error), an
 * on/off switch, "Send test" (the collector sends it; the row reports delivered or the receiver's error),
 * edit and delete; and the form to add one.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChannelView } from '../../../lib/views/alert-contracts';
import { callApi, requestAndWait, type RequestOutcome } from '../alerts/api-client';
import { When } from '../alerts/When';
import { ChannelForm } from './ChannelForm';
import { useSettingsList } from './use-settings-list';
import { channelDescriptor } from '../../../lib/notify/descriptors';
import { EditRow, RowActions, RowError } from './RowActions';
import { SettingsTable, type Column } from './SettingsTable';
import { useRowEditing } from './use-row-editing';

/** How often the list re-reads delivery counters while the page is open. */
const REFRESH_MS = 10_000;

type TestState = { status: 'pending' } | RequestOutcome;

const COLUMNS: readonly Column[] = [
  'Channel',
  'Enabled',
  { label: 'Queued', num: true },
  { label: 'Failed', num: true },
  'Last delivered',
  'Last error',
  'Actions',
];
const CHANNEL_TEST_IDS = { edit: 'channel-edit-button', ask: 'channel-delete-button', confirm: 'channel-delete-confirm' };

/** Props of ChannelsPanel. */
export interface ChannelsPanelProps {
  /** Channels as the server page read them; null to load them here. */
  initial: ChannelView[] | null;
  nowMs: number | null;
}

/** The channels list and the add form. */
export function ChannelsPanel({ initial, nowMs }: ChannelsPanelProps) {
  const {
    items: channels,
    setItems: setChannels,
    loadError,
    reload,
  } = useSettingsList<ChannelView>('/api/alerts/channels', 'channels', initial, REFRESH_MS);
  const [tests, setTests] = useState<Record<number, TestState>>({});
  const rows = useRowEditing();
  const aborts = useRef(new Set<AbortController>());

  // Test sends still waiting when the page goes away are abandoned.
  useEffect(() => {
    const set = aborts.current;
    return () => set.forEach((c) => c.abort());
  }, []);

  const sendTest = async (id: number) => {
    const ctl = new AbortController();
    aborts.current.add(ctl);
    setTests((t) => ({ ...t, [id]: { status: 'pending' } }));
    try {
      const outcome = await requestAndWait(`/api/alerts/channels/${id}/test`, {}, ctl.signal);
      setTests((t) => ({ ...t, [id]: outcome }));
      void reload();
    } catch {
      // Aborted: the page is going away.
    } finally {
      aborts.current.delete(ctl);
    }
  };

  const setEnabled = async (c: ChannelView, enabled: boolean) => {
    setChannels((list) => list?.map((x) => (x.id === c.id ? { ...x, enabled } : x)) ?? null);
    const res = await callApi<{ channel: ChannelView }>('PUT', `/api/alerts/channels/${c.id}`, { enabled });
    if (!res.ok) rows.fail(c.id, res.error);
    else rows.clearError(c.id);
    void reload();
  };

  const remove = async (id: number) => {
    const res = await callApi<{ ok: true }>('DELETE', `/api/alerts/channels/${id}`);
    rows.settle(id, res);
    void reload();
  };

  return (
    <div className="channels">
      <RowError message={loadError && `Could not load channels: ${loadError}`} />
      {channels === null && !loadError && <p className="empty-note">Loading channels…</p>}
      {channels !== null && channels.length === 0 && (
        <p className="empty-note">No channels yet: alerts only show on screen. Add one below.</p>
      )}
      {channels !== null && channels.length > 0 && (
        <SettingsTable
          className="channels-table"
          testId="channels"
          caption="Notification channels"
          scrollLabel="Channels table"
          columns={COLUMNS}
        >
          {channels.map((c) => {
            const test = tests[c.id];
            const testButton = (
              <button
                type="button"
                className="ctl-button"
                data-testid="channel-test-button"
                disabled={test?.status === 'pending'}
                onClick={() => void sendTest(c.id)}
              >
                Send test
              </button>
            );
            return [
              <tr
                key={c.id}
                data-testid="channel-row"
                data-channel-id={c.id}
                data-kind={c.kind}
                data-channel-name={c.name}
                className={c.enabled ? undefined : 'is-disabled'}
              >
                <th scope="row" className="cell-name">
                  {c.name}
                  <span className="cell-sub">{channelDescriptor(c.kind)?.label ?? c.kind}</span>
                  {c.config.allowPlaintext === true && (
                    <span
                      className="cell-sub warn-text"
                      data-testid="channel-plaintext-warning"
                      title="This channel may send its password and alerts in clear text"
                    >
                      without TLS
                    </span>
                  )}
                </th>
                <td data-label="Enabled">
                  <label className="switch">
                    <input
                      type="checkbox"
                      checked={c.enabled}
                      onChange={(e) => void setEnabled(c, e.target.checked)}
                      data-testid="channel-enabled"
                    />
                    <span>{c.enabled ? 'On' : 'Off'}</span>
                  </label>
                </td>
                <td className="cell-num" data-label="Queued" data-testid="channel-queued">
                  {c.queued}
                </td>
                <td className={`cell-num${c.failed > 0 ? ' is-warn' : ''}`} data-label="Failed" data-testid="channel-failed">
                  {c.failed}
                </td>
                <td data-label="Last delivered">
                  <When tsMs={c.lastDeliveredAtMs} nowMs={nowMs} />
                </td>
                <td data-label="Last error" className="cell-error">
                  {c.lastError ? (
                    <span className="warn-text" title={c.lastError}>
                      {c.lastError}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="cell-actions" data-label="Actions">
                  <RowActions
                    rows={rows}
                    id={c.id}
                    name={c.name}
                    verb="Delete"
                    testIds={CHANNEL_TEST_IDS}
                    onConfirm={() => void remove(c.id)}
                    extra={testButton}
                  />
                  {test && (
                    <p
                      className={`request-state is-${test.status}`}
                      data-testid="channel-test-result"
                      data-status={test.status}
                      role={test.status === 'failed' ? 'alert' : 'status'}
                    >
                      {test.status === 'pending'
                        ? 'Test requested…'
                        : test.status === 'done'
                          ? 'Test delivered'
                          : `Test failed: ${test.error}`}
                    </p>
                  )}
                  <RowError message={rows.rowError[c.id]} />
                </td>
              </tr>,
              rows.editing === c.id ? (
                <EditRow key={`${c.id}-edit`} colSpan={COLUMNS.length}>
                  <ChannelForm channel={c} onSaved={rows.closeEditThen(() => void reload())} onCancel={rows.closeEdit} />
                </EditRow>
              ) : null,
            ];
          })}
        </SettingsTable>
      )}

      <h3 className="sub-title">Add a channel</h3>
      <ChannelForm onSaved={() => void reload()} />
    </div>
  );
}
