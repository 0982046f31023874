/**
 * identifyAvalon on probe replies built from the captures: it claims every Avalon capture and none of the
 * other cgminer-speaking firmware (Antminer stock and aftermarket, Whatsminer, LuxOS, BOSminer, TeamRedMiner).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureBody as body } from '../../support/driver-fixtures';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { identifyAvalon } from '../../../collectors/drivers/avalon';
import { splitJoinedReply } from '../../../collectors/drivers/avalon/parse';
import { identifyAntminer } from '../../../collectors/drivers/antminer';
import { identifyWhatsminer } from '../../../collectors/drivers/whatsminer';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import type { ProbeReplies } from '../../../collectors/drivers/types';

const probe = (p: Partial<NonNullable<ProbeReplies['cgminer']>>): ProbeReplies => ({
  cgminer: { version: null, stats: null, devdetails: null, summary: null, ...p },
});

const joined = () => splitJoinedReply(body('avalon-1047-pools+summary+stats.json')) as Record<string, object>;

describe('identifyAvalon', () => {
  it.each([
    [
      'A1566 version + stats',
      () => probe({ version: body('avalon-a1566-version.json'), stats: body('avalon-a1566-stats.json') }),
      'Avalon A1566',
      '24102401_25462b2_9ddf522, cgminer 4.11.1',
    ],
    [
      'A1566 version alone (PROD)',
      () => probe({ version: body('avalon-a1566-version.json') }),
      'Avalon A1566',
      '24102401_25462b2_9ddf522, cgminer 4.11.1',
    ],
    [
      'A1566 stats alone (STATS ID AVA100, MM ID0)',
      () => probe({ stats: body('avalon-a1566-stats.json') }),
      'Avalon A1566',
      '24102401_25462b2_9ddf522, cgminer 4.11.1',
    ],
    [
      'A1047 stats + summary',
      () => probe({ stats: joined().stats, summary: joined().summary }),
      'Avalon A1047',
      '20051101_85dc6f0_0332654, cgminer 4.11.1',
    ],
    ['Avalon 7 stats (AV70)', () => probe({ stats: body('avalon-7xx-stats.json') }), 'Avalon A741', '7411706-3162860, cgminer 4.10.0'],
    ['Avalon 8 stats (AV80)', () => probe({ stats: body('avalon-8xx-stats.json') }), 'Avalon A841', '8411803-14b0f10, cgminer 4.10.0'],
  ])('%s', (_what, make, model, firmware) => {
    expect(identifyAvalon(make())).toEqual({ driver: 'avalon', make: 'Canaan', model, firmware });
  });

  it('an MM ID blob is enough even under an unknown STATS ID', () => {
    const stats = {
      STATUS: [{ STATUS: 'S' }],
      STATS: [{ STATS: 0, ID: 'XYZ0', 'MM ID0': 'Ver[1047-20051101_85dc6f0_0332654] GHSmm[37470.98]' }],
    };
    expect(identifyAvalon(probe({ stats }))?.model).toBe('Avalon A1047');
  });

  it('the cgminer 4.11.1 Description alone is not Avalon', () => {
    expect(identifyAvalon(probe({ summary: joined().summary }))).toBeNull();
    expect(identifyAvalon({})).toBeNull();
    expect(identifyAvalon({ http: {} })).toBeNull();
  });

  const others = readdirSync(new URL('../../fixtures/asic/', import.meta.url))
    .filter((f) => f.endsWith('.json') && !f.startsWith('avalon-'))
    .flatMap((f) => {
      try {
        return [[f, body(f)] as const];
      } catch {
        return []; // captures that are not even lenient JSON (truncated quotes) are no probe reply
      }
    });

  it('claims no other capture in any probe slot', () => {
    expect(others.length).toBeGreaterThan(20);
    for (const [name, b] of others) {
      expect(identifyAvalon(probe({ version: b, stats: b, devdetails: b, summary: b })), name).toBeNull();
    }
  });

  it('does not claim TeamRedMiner, which speaks cgminer too', () => {
    const devs = parseCgminerReply(gpuFixtureText('teamredminer-0.3.8-devs.json'), 'devs').body;
    expect(identifyAvalon(probe({ version: devs, stats: devs, devdetails: devs, summary: devs }))).toBeNull();
  });

  it('the Antminer and Whatsminer drivers do not claim Avalon probes', () => {
    const p = probe({
      version: body('avalon-a1566-version.json'),
      stats: body('avalon-a1566-stats.json'),
      summary: joined().summary,
      devdetails: body('avalon-a1566-devs.json'),
    });
    expect(identifyAntminer(p)).toBeNull();
    expect(identifyWhatsminer(p)).toBeNull();
    const old = probe({ stats: body('avalon-7xx-stats.json') });
    expect(identifyAntminer(old)).toBeNull();
    expect(identifyWhatsminer(old)).toBeNull();
  });
});
