/**
 * Property tests of gminerFromReply (HTTP reply -> JSON -> parseGminer, what poll() runs): random bytes,
 * random JSON, every truncation of each capture and captures with values replaced anywhere by random
 * JSON give a sane reading or a DeviceError, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { httpReply, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { gminerFromReply } from '../../../collectors/drivers/gminer/parse';

const CAPTURES = ['gminer-1.18-stat.json', 'gminer-1.34-stat.json'];
const viaHttp = (text: string) => saneOrDeviceError(() => gminerFromReply(httpReply(text), 'http://rig:4070/stat'));

describe('GMiner parse entry never throws anything but a DeviceError', () => {
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

  it('random JSON bodies and random devices', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void viaHttp(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
    const device = fc.record(
      {
        name: fc.jsonValue({ maxDepth: 0 }),
        speed: fc.jsonValue({ maxDepth: 0 }),
        power_usage: fc.double(),
        temperature: fc.jsonValue({ maxDepth: 0 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(device, { maxLength: 4 }), fc.option(fc.string({ maxLength: 8 })), (devices, unit) => {
        viaHttp(JSON.stringify({ miner: 'GMiner 2.0', devices, ...(unit === null ? {} : { speedUnit: unit }) }));
      }),
      { numRuns: 400 },
    );
  });

  it.each(CAPTURES)('every truncation of %s', (name) => {
    const text = gpuFixtureText(name);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(viaHttp(text.slice(0, n)));
    expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it.each(CAPTURES)('%s with values anywhere replaced by random JSON', (name) => {
    const base: unknown = JSON.parse(gpuFixtureText(name));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void viaHttp(JSON.stringify(withReplaced(base, patches)))),
      {
        numRuns: 500,
      },
    );
  });
});
