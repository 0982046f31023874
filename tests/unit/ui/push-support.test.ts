/** Whether a browser can take Web Push, and the words that say why not; the VAPID key as bytes. */
import { describe, expect, it } from 'vitest';
import { applicationServerKey, pushSupport, type PushEnvironment } from '../../../lib/pwa/push-support';

const CHROME: PushEnvironment = {
  secureContext: true,
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  permission: 'default',
  iOS: false,
  standalone: false,
};

describe('pushSupport', () => {
  it('a current browser over https can', () => {
    expect(pushSupport(CHROME)).toEqual({ supported: true });
    expect(pushSupport({ ...CHROME, permission: 'granted' })).toEqual({ supported: true });
  });

  it.each<[string, Partial<PushEnvironment>, string]>([
    [
      'plain http',
      { secureContext: false },
      'Notifications need a secure connection: open Hashwatt at its https:// address (browsers allow push over plain http only on localhost).',
    ],
    [
      'iPhone Safari outside the Home Screen',
      { iOS: true, hasPushManager: false },
      'On iPhone and iPad, add Hashwatt to the Home Screen (Share, then Add to Home Screen) and open it from there to turn on notifications.',
    ],
    [
      'no Push API',
      { hasPushManager: false },
      'This browser cannot receive Web Push notifications. Try a current Chrome, Edge, Firefox or Safari.',
    ],
    [
      'no service workers',
      { hasServiceWorker: false },
      'This browser cannot receive Web Push notifications. Try a current Chrome, Edge, Firefox or Safari.',
    ],
    [
      'blocked',
      { permission: 'denied' },
      "Notifications are blocked for this site. Allow them in the browser's site settings, then reload.",
    ],
  ])('%s', (_name, env, reason) => {
    expect(pushSupport({ ...CHROME, ...env })).toEqual({ supported: false, reason });
  });

  it('an installed iPhone app with the Push API can', () => {
    expect(pushSupport({ ...CHROME, iOS: true, standalone: true })).toEqual({ supported: true });
  });
});

describe('applicationServerKey', () => {
  it('decodes unpadded base64url with - and _', () => {
    expect([...applicationServerKey('-_8A')]).toEqual([0xfb, 0xff, 0x00]);
    expect([...applicationServerKey('AQID')]).toEqual([1, 2, 3]);
    expect(applicationServerKey('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4')).toHaveLength(
      65,
    );
  });
});
