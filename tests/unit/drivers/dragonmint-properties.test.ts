/**
 * Properties of the DragonMint parse path (fast-check): the HTTP body goes through parseJsonReply and then
 * parseDragonmint, as in the driver; whatever arrives, the result is a reading with a finite, non-negative
 * hash rate or a DeviceError with a message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { parseDragonmint } from '../../../collectors/drivers/dragonmint/parse';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

function holds(run: () => Reading): void {
  let reading: Reading;
  try {
    reading = run();
  } catch (err) {
    if (!(err instanceof DeviceError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  expect(Number.isFinite(reading.hashrateThs)).toBe(true);
  expect(reading.hashrateThs).toBeGreaterThanOrEqual(0);
}

const URL_ = 'http://127.0.110.9:80/api/summary';
const json = (text: string, status = 200) => parseJsonReply({ status, headers: {}, text }, 'POST /api/summary', URL_);

describe('DragonMint parse properties', () => {
  it('random text as the /api/summary body', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
      fc.json(),
    );
    fc.assert(
      fc.property(textArb, fc.constantFrom(200, 204, 401, 404, 500), (t, status) => {
        holds(() => parseDragonmint({ summary: json(t, status) }));
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of the capture', () => {
    const full = fixtureText('dragonmint-t1-http-api-summary.json');
    let readings = 0;
    for (let i = 0; i <= full.length; i++) {
      holds(() => {
        const r = parseDragonmint({ summary: json(full.slice(0, i)) });
        readings++;
        return r;
      });
    }
    expect(readings).toBe(1); // only the whole capture is JSON
  });

  it('random JSON values as summary and overview', () => {
    const rows = fc.array(
      fc.dictionary(
        fc.constantFrom(
          'ASC',
          'ID',
          'MHS 1m',
          'MHS 5s',
          'Hash Rate',
          'Temperature',
          'Enabled',
          'Name',
          'Device Elapsed',
          'Hardware Errors',
        ),
        fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer()),
      ),
      { maxLength: 5 },
    );
    const summaryArb = fc.oneof(
      fc.anything(),
      fc.record({ success: fc.oneof(fc.boolean(), fc.anything()), DEVS: fc.oneof(rows, fc.anything()), POOLS: fc.anything() }),
    );
    fc.assert(
      fc.property(summaryArb, fc.anything(), (summary, overview) => {
        holds(() => parseDragonmint({ summary, overview }));
      }),
      { numRuns: 500 },
    );
  });
});
