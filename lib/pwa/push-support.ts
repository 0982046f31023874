/**
 * Whether this browser can receive Web Push from Hashwatt, and if not, why in words a person can act on.
 * Pure: the component passes in what it found on `window` and `navigator`.
 */

export interface PushEnvironment {
  /** window.isSecureContext: https, or http on localhost. */
  secureContext: boolean;
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  /** Notification.permission, null when there is no Notification API. */
  permission: 'default' | 'granted' | 'denied' | null;
  /** iPhone or iPad (push only from an app added to the Home Screen). */
  iOS: boolean;
  /** Opened as an installed app (display-mode: standalone). */
  standalone: boolean;
}

export type PushSupport = { supported: true } | { supported: false; reason: string };

export function pushSupport(env: PushEnvironment): PushSupport {
  if (!env.secureContext) {
    return {
      supported: false,
      reason:
        'Notifications need a secure connection: open Hashwatt at its https:// address (browsers allow push over plain http only on localhost).',
    };
  }
  if (env.iOS && !env.standalone && !env.hasPushManager) {
    return {
      supported: false,
      reason:
        'On iPhone and iPad, add Hashwatt to the Home Screen (Share, then Add to Home Screen) and open it from there to turn on notifications.',
    };
  }
  if (!env.hasServiceWorker || !env.hasPushManager || !env.hasNotification) {
    return {
      supported: false,
      reason: 'This browser cannot receive Web Push notifications. Try a current Chrome, Edge, Firefox or Safari.',
    };
  }
  if (env.permission === 'denied') {
    return { supported: false, reason: "Notifications are blocked for this site. Allow them in the browser's site settings, then reload." };
  }
  return { supported: true };
}

/** A base64url VAPID key as the bytes PushManager.subscribe({ applicationServerKey }) takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const text = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
