import { describe, expect, it } from 'vitest';
import { detectRigEvents, formatUptime } from '../../../lib/domain/rig-events';

const online = (uptimeS: number | null, status = 'mining') => ({ connectivity: 'online', status, uptimeS, lastError: null });

describe('detectRigEvents', () => {
  it('says nothing while a rig keeps mining with a growing uptime', () => {
    expect(detectRigEvents(online(100), online(110))).toEqual([]);
  });
  it('sees a restart when the uptime goes down, also without an offline poll in between', () => {
    expect(detectRigEvents(online(90_061), online(12))).toEqual([
      { kind: 'restart', title: 'restarted', detail: 'uptime 12 s (was 1 d 1 h)' },
    ]);
  });
  it('does not guess a restart when either uptime is unknown', () => {
    expect(detectRigEvents(online(null), online(5))).toEqual([]);
    expect(detectRigEvents(online(500), online(null))).toEqual([]);
  });
  it('reports a status change while answering, and a connectivity change with the error', () => {
    expect(detectRigEvents(online(1), online(2, 'throttled'))).toEqual([{ kind: 'state', title: 'mining → throttled', detail: '' }]);
    expect(detectRigEvents(online(1), { connectivity: 'stale', status: 'mining', uptimeS: 1, lastError: 'timeout: no reply' })).toEqual([
      { kind: 'state', title: 'online → stale', detail: 'timeout: no reply' },
    ]);
  });
});

describe('formatUptime', () => {
  it('uses the two largest units', () => {
    expect([formatUptime(40), formatUptime(125), formatUptime(7_500), formatUptime(3 * 86_400 + 4 * 3600 + 59)]).toEqual([
      '40 s',
      '2 min',
      '2 h 5 min',
      '3 d 4 h',
    ]);
  });
});
