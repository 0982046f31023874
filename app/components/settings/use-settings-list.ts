'use client';
/**
 * A settings list read from its API: the rows (starting from what the server page read, or loaded here
 * when it passed null), the last load error, `reload()` after a change, and optionally a refresh every
 * `refreshMs` while the tab is visible (for lists whose status columns the collector updates).
 */
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../alerts/api-client';

export function useSettingsList<T>(url: string, key: string, initial: T[] | null, refreshMs?: number) {
  const [items, setItems] = useState<T[] | null>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const res = await callApi<Record<string, T[]>>('GET', url);
    if (res.ok) {
      setItems(res.data[key]);
      setLoadError(null);
    } else setLoadError(res.error);
  }, [url, key]);

  const loadedByServer = initial !== null;
  useEffect(() => {
    if (!loadedByServer) void reload();
    if (refreshMs === undefined) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [loadedByServer, refreshMs, reload]);

  return { items, setItems, loadError, setLoadError, reload };
}
