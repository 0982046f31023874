/**
 * Properties of the Innosilicon parse path (fast-check): HTTP bodies through parseJsonReply, then
 * parseInnosiliconOverview / parseInnosilicon, as in the driver; only readings with a finite, non-negative
 * hash rate or DeviceErrors with a message come out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { parseInnosilicon, parseInnosiliconOverview } from '../../../collectors/drivers/innosilicon/parse';
import { DeviceError } from '../../../collectors/drivers/types';

function holds(run: () => object): void {
  let out: { hashrateThs?: number };
  try {
    out = run();
  } catch (err) {
    if (!(err instanceof DeviceError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  if (out.hashrateThs !== undefined) {
    expect(Number.isFinite(out.hashrateThs)).toBe(true);
    expect(out.hashrateThs).toBeGreaterThanOrEqual(0);
  }
}

const json = (text: string, path: string, status = 200) =>
  parseJsonReply({ status, headers: {}, text }, `POST ${path}`, `http://127.0.110.9:80${path}`);
const SUMMARY = JSON.parse(fixtureText('dragonmint-t1-http-api-summary.json')) as unknown;
const OVERVIEW = JSON.parse(fixtureText('innosilicon-t2-http-api-overview.json')) as unknown;

describe('Innosilicon parse properties', () => {
  it('random text as the /api/overview and /api/summary bodies', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
      fc.json(),
    );
    fc.assert(
      fc.property(textArb, fc.constantFrom(200, 401, 500), (t, status) => {
        holds(() => parseInnosiliconOverview(json(t, '/api/overview', status)));
        holds(() => parseInnosilicon({ overview: json(t, '/api/overview', status), summary: SUMMARY }));
        holds(() => parseInnosilicon({ overview: OVERVIEW, summary: json(t, '/api/summary', status) }));
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of the overview capture', () => {
    const full = fixtureText('innosilicon-t2-http-api-overview.json');
    let whole = 0;
    for (let i = 0; i <= full.length; i++) {
      holds(() => {
        const r = parseInnosilicon({ overview: json(full.slice(0, i), '/api/overview'), summary: SUMMARY });
        whole++;
        return r;
      });
    }
    expect(whole).toBe(1);
  });

  it('random JSON values as overview and summary', () => {
    const overviewArb = fc.oneof(
      fc.anything(),
      fc.record({
        success: fc.anything(),
        type: fc.oneof(fc.string(), fc.anything()),
        hardware: fc.oneof(fc.record({ status: fc.string() }), fc.anything()),
        version: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(overviewArb, fc.anything(), (overview, summary) => {
        holds(() => parseInnosiliconOverview(overview));
        holds(() => parseInnosilicon({ overview, summary }));
        holds(() => parseInnosilicon({ overview: OVERVIEW, summary }));
      }),
      { numRuns: 500 },
    );
  });
});
