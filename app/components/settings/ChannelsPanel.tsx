'use client';
/**
 * Notification channels: each with its delivery health (queued, failed, last delivered, last error), an
 * on/off switch, "Send test" (the collector sends it; the row reports delivered or the receiver's error),
 * edit and delete; and the form to add one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelView } from '../../../lib/realtime/alert-contracts';
import { callApi, requestAndWait, type RequestOutcome } from '../alerts/api-client';
import { When } from '../alerts/When';
import { ChannelForm } from './ChannelForm';
import { KIND_LABEL } from './channel-fields';
import { scrollRegion } from '../table/scroll-region';

/** How often the list re-reads delivery counters while the page is open. */
const REFRESH_MS = 10_000;

type TestState = { status: 'pending' } | RequestOutcome;

/** Props of ChannelsPanel. */
export interface ChannelsPanelProps {
  /** Channels as the server page read them; null to load them here. */
  initial: ChannelView[] | null;
  nowMs: number | null;
}

/** The channels list and the add form. */
export function ChannelsPanel({ initial, nowMs }: ChannelsPanelProps) {
  const [channels, setChannels] = useState<ChannelView[] | null>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<number, TestState>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});
  const aborts = useRef(new Set<AbortController>());

  const reload = useCallback(async () => {
    const res = await callApi<{ channels: ChannelView[] }>('GET', '/api/alerts/channels');
    if (res.ok) {
      setChannels(res.data.channels);
      setLoadError(null);
    } else setLoadError(res.error);
  }, []);

  useEffect(() => {
    if (initial === null) void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    const set = aborts.current;
    return () => {
      clearInterval(timer);
      set.forEach((c) => c.abort());
    };
  }, [initial, reload]);

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
    if (!res.ok) setRowError((e) => ({ ...e, [c.id]: res.error }));
    else setRowError(({ [c.id]: _drop, ...rest }) => rest);
    void reload();
  };

  const remove = async (id: number) => {
    const res = await callApi<{ ok: true }>('DELETE', `/api/alerts/channels/${id}`);
    setConfirmDelete(null);
    if (!res.ok) setRowError((e) => ({ ...e, [id]: res.error }));
    void reload();
  };

  return (
    <div className="channels">
      {loadError && (
        <p className="form-error" role="alert">
          Could not load channels: {loadError}
        </p>
      )}
      {channels === null && !loadError && <p className="empty-note">Loading channels…</p>}
      {channels !== null && channels.length === 0 && <p className="empty-note">No channels yet: alerts only show on screen. Add one below.</p>}
      {channels !== null && channels.length > 0 && (
        <div className="data-table-wrap" {...scrollRegion('Channels table')}>
          <table className="data-table settings-table channels-table" data-testid="channels">
            <caption className="visually-hidden">Notification channels</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Enabled</th>
                <th scope="col" className="cell-num">Queued</th>
                <th scope="col" className="cell-num">Failed</th>
                <th scope="col">Last delivered</th>
                <th scope="col">Last error</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => {
                const test = tests[c.id];
                return [
                  <tr key={c.id} data-testid="channel-row" data-channel-id={c.id} data-kind={c.kind} data-channel-name={c.name} className={c.enabled ? undefined : 'is-disabled'}>
                    <th scope="row" className="cell-name">
                      {c.name}
                      <span className="cell-sub">{KIND_LABEL[c.kind as keyof typeof KIND_LABEL] ?? c.kind}</span>
                    </th>
                    <td data-label="Enabled">
                      <label className="switch">
                        <input type="checkbox" checked={c.enabled} onChange={(e) => void setEnabled(c, e.target.checked)} data-testid="channel-enabled" />
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
                      <div className="row-actions">
                        <button
                          type="button"
                          className="ctl-button"
                          data-testid="channel-test-button"
                          disabled={test?.status === 'pending'}
                          onClick={() => void sendTest(c.id)}
                        >
                          Send test
                        </button>
                        <button type="button" className="ctl-button" data-testid="channel-edit-button" onClick={() => setEditing(editing === c.id ? null : c.id)}>
                          {editing === c.id ? 'Close' : 'Edit'}
                        </button>
                        {confirmDelete === c.id ? (
                          <>
                            <button type="button" className="ctl-button ctl-button--danger" data-testid="channel-delete-confirm" onClick={() => void remove(c.id)}>
                              Delete {c.name}?
                            </button>
                            <button type="button" className="ctl-button" onClick={() => setConfirmDelete(null)}>
                              Keep
                            </button>
                          </>
                        ) : (
                          <button type="button" className="ctl-button" data-testid="channel-delete-button" onClick={() => setConfirmDelete(c.id)}>
                            Delete
                          </button>
                        )}
                      </div>
                      {test && (
                        <p className={`request-state is-${test.status}`} data-testid="channel-test-result" data-status={test.status} role={test.status === 'failed' ? 'alert' : 'status'}>
                          {test.status === 'pending' ? 'Test requested…' : test.status === 'done' ? 'Test delivered' : `Test failed: ${test.error}`}
                        </p>
                      )}
                      {rowError[c.id] && (
                        <p className="form-error" role="alert">
                          {rowError[c.id]}
                        </p>
                      )}
                    </td>
                  </tr>,
                  editing === c.id ? (
                    <tr key={`${c.id}-edit`} className="edit-row">
                      <td colSpan={7}>
                        <ChannelForm
                          channel={c}
                          onSaved={() => {
                            setEditing(null);
                            void reload();
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="sub-title">Add a channel</h3>
      <ChannelForm onSaved={() => void reload()} />
    </div>
  );
}
