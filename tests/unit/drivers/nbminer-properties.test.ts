/**
 * Property tests of nbminerFromReply (HTTP reply -> JSON -> parseNbminer, what poll() runs): random
 * bytes, random JSON, every truncation of the capture and the capture with values replaced anywhere by
 * random JSON give a sane reading or a DeviceError, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { httpReply, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { nbminerFromReply } from '../../../collectors/drivers/nbminer/parse';

const CAPTURE = 'nbminer-10.0-api-v1-status.json';
const NOW_MS = Date.UTC(2024, 0, 1);
const viaHttp = (text: string) =>
  saneOrDeviceError(() => nbminerFromReply(httpReply(text), 'http://rig:22333/api/v1/status', { nowMs: NOW_MS }));

describe('NBMiner parse entry never throws anything but a DeviceError', () => {
  it('random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void viaHttp(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void viaHttp(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
  });

  it('random JSON bodies and random miner objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void viaHttp(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
    const scalar = fc.oneof(
      fc.jsonValue({ maxDepth: 0 }),
      fc.string({ maxLength: 10 }).map((s) => `${s} M`),
    );
    const device = fc.record(
      { hashrate: scalar, hashrate_raw: scalar, power: scalar, temperature: scalar, info: scalar },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(device, { maxLength: 4 }), scalar, scalar, scalar, (devices, total, power, start) => {
        viaHttp(
          JSON.stringify({ miner: { devices, total_hashrate_raw: total, total_power_consume: power }, start_time: start, stratum: {} }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('every truncation of the capture', () => {
    const text = gpuFixtureText(CAPTURE);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(viaHttp(text.slice(0, n)));
    expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it('the capture with values anywhere replaced by random JSON', () => {
    const base: unknown = JSON.parse(gpuFixtureText(CAPTURE));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void viaHttp(JSON.stringify(withReplaced(base, patches)))),
      {
        numRuns: 500,
      },
    );
  });
});
