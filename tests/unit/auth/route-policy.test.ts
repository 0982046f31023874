import { describe, expect, it } from 'vitest';
import { kioskMayReach, requirementFor } from '../../../lib/auth/route-policy';

describe('requirementFor', () => {
  it.each([
    ['GET', '/api/health', 'public'],
    ['GET', '/login', 'public'],
    ['POST', '/api/auth/login', 'public'],
    ['GET', '/_next/static/chunks/app.js', 'public'],
    ['GET', '/manifest.webmanifest', 'public'],
    ['GET', '/sw.js', 'public'],
    ['GET', '/', 'read'],
    ['GET', '/wall', 'read'],
    ['GET', '/api/rigs', 'read'],
    ['GET', '/api/rigs/page', 'read'],
    // The rig list as CSV carries every address: admins only, as the rig settings.
    ['GET', '/api/rigs/csv', 'configure'],
    ['POST', '/api/rigs/csv', 'configure'],
    ['GET', '/_next/data/x.json', 'read'],
    ['POST', '/api/health', 'configure'],
    ['POST', '/api/auth/logout', 'read'],
    ['POST', '/api/auth/password', 'read'],
    ['POST', '/api/auth/password/x', 'configure'],
    ['PATCH', '/api/users/3', 'configure'],
    ['DELETE', '/api/tokens/3', 'configure'],
    ['POST', '/api/push/subscriptions', 'read'],
    ['DELETE', '/api/push/subscriptions', 'read'],
    ['GET', '/api/push/vapid-public-key', 'read'],
    ['POST', '/api/alerts/offline:rig:3:1700000000000/ack', 'acknowledge'],
    ['POST', '/api/alerts/x/snooze', 'acknowledge'],
    ['PUT', '/api/rigs/12/maintenance', 'operate-rigs'],
    ['DELETE', '/api/rigs/12/maintenance', 'operate-rigs'],
    ['PUT', '/api/sites/1/tariff', 'configure'],
    ['POST', '/api/alerts/channels', 'configure'],
    ['POST', '/api/alerts/channels/1/test', 'configure'],
    ['DELETE', '/api/rigs/12', 'configure'],
    ['PATCH', '/api/unknown/route', 'configure'],
    ['GET', '/settings/alerts', 'configure'],
    ['GET', '/settings', 'configure'],
    ['GET', '/api/settings/storage', 'configure'],
    ['GET', '/api/alerts/channels', 'configure'],
    ['GET', '/api/users', 'configure'],
    ['GET', '/api/tokens', 'configure'],
    ['GET', '/api/rigs/requests/3', 'configure'],
    ['GET', '/settingsx', 'read'],
    ['GET', '/api/alerts', 'read'],
    ['POST', '/api/push/subscriptions', 'read'],
    ['DELETE', '/api/push/subscriptions', 'read'],
    ['POST', '/api/users', 'configure'],
  ])('%s %s needs %s', (method, path, expected) => {
    expect(requirementFor(method, path)).toBe(expected);
  });
});

describe('kioskMayReach', () => {
  it.each([
    ['GET', '/wall', true],
    ['GET', '/api/fleet', true],
    ['GET', '/api/alerts', true],
    ['GET', '/_next/data/x.json', true],
    ['GET', '/', false],
    ['GET', '/rigs', false],
    ['GET', '/settings/alerts', false],
    ['GET', '/api/rigs', false],
    ['GET', '/wall/x', false],
    ['POST', '/wall', false],
    ['POST', '/api/alerts/x/ack', false],
  ])('%s %s: %s', (method, path, expected) => {
    expect(kioskMayReach(method, path)).toBe(expected);
  });
});
