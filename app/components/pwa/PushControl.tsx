'use client';
/**
 * "Notifications on this device": asks for permission, subscribes through the service worker's
 * PushManager with the server's VAPID key, saves the subscription for the signed-in user, and undoes it.
 * Explains instead when this browser cannot (no https, iPhone outside the Home Screen app, blocked).
 */
import { useCallback, useEffect, useState } from 'react';
import { applicationServerKey, pushSupport, type PushSupport } from '../../../lib/pwa/push-support';
import { callApi } from '../alerts/api-client';
import './pwa.css';

type Phase = 'checking' | 'off' | 'on' | 'working';

function detectSupport(): PushSupport {
  const nav = navigator as Navigator & { standalone?: boolean };
  return pushSupport({
    secureContext: window.isSecureContext,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: 'PushManager' in window,
    hasNotification: 'Notification' in window,
    permission: 'Notification' in window ? Notification.permission : null,
    iOS: /iPad|iPhone|iPod/.test(navigator.userAgent),
    standalone: nav.standalone === true || window.matchMedia('(display-mode: standalone)').matches,
  });
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
}

export function PushControl() {
  const [support, setSupport] = useState<PushSupport | null>(null);
  const [phase, setPhase] = useState<Phase>('checking');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const s = detectSupport();
    setSupport(s);
    if (!s.supported) return;
    const reg = await navigator.serviceWorker.getRegistration('/');
    const sub = reg ? await reg.pushManager.getSubscription() : null;
    setPhase(sub ? 'on' : 'off');
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads the browser's push support and subscription, known only after hydration
    void refresh().catch((err: unknown) => setError(String(err)));
  }, [refresh]);

  const turnOn = async () => {
    setError(null);
    setPhase('working');
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setError('Notifications were not allowed on this device.');
        return void (await refresh());
      }
      const key = await callApi<{ publicKey: string }>('GET', '/api/push/vapid-public-key');
      if (!key.ok) throw new Error(key.error);
      const reg = await registration();
      const sub = await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(key.data.publicKey),
      });
      const saved = await callApi('POST', '/api/push/subscriptions', sub.toJSON());
      if (!saved.ok) {
        await sub.unsubscribe();
        throw new Error(saved.error);
      }
      setPhase('on');
    } catch (err) {
      setError(`Could not turn notifications on: ${err instanceof Error ? err.message : String(err)}`);
      await refresh();
    }
  };

  const turnOff = async () => {
    setError(null);
    setPhase('working');
    try {
      const reg = await navigator.serviceWorker.getRegistration('/');
      const sub = reg ? await reg.pushManager.getSubscription() : null;
      if (sub) {
        const removed = await callApi('DELETE', '/api/push/subscriptions', { endpoint: sub.endpoint });
        await sub.unsubscribe();
        if (!removed.ok && removed.status !== 404) throw new Error(removed.error);
      }
      setPhase('off');
    } catch (err) {
      setError(`Could not turn notifications off: ${err instanceof Error ? err.message : String(err)}`);
      await refresh();
    }
  };

  return (
    <div className="push-control" data-testid="push-control">
      {support && !support.supported ? (
        <p className="muted" data-testid="push-unsupported">
          {support.reason}
        </p>
      ) : (
        <>
          <p className="push-state" aria-live="polite">
            {phase === 'on'
              ? 'This device receives alerts from every Web Push channel that includes you.'
              : phase === 'off'
                ? 'This device gets no alert notifications.'
                : 'Checking…'}
          </p>
          {phase === 'on' ? (
            <button type="button" className="ctl-button" onClick={() => void turnOff()}>
              Turn off on this device
            </button>
          ) : (
            <button type="button" className="ctl-button" disabled={phase !== 'off'} onClick={() => void turnOn()}>
              Turn on notifications
            </button>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
