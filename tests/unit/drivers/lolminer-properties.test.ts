/**
 * Property tests of lolminerFromReply (HTTP reply -> JSON -> parseLolminer, what poll() runs): random
 * bytes, random JSON, every truncation of the capture and the capture with values replaced anywhere by
 * random JSON give a sane reading or a DeviceError, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { httpReply, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { lolminerFromReply } from '../../../collectors/drivers/lolminer/parse';

const CAPTURE = 'lolminer-1.0-summary.json';
const viaHttp = (text: string) => saneOrDeviceError(() => lolminerFromReply(httpReply(text), 'http://rig:4069/summary'));

describe('lolMiner parse entry never throws anything but a DeviceError', () => {
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

  it('random JSON bodies, and random Session/GPUs or Algorithms/Workers objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void viaHttp(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
    const rows = fc.array(fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), rows, rows, (session, a, b) => {
        viaHttp(JSON.stringify({ Session: session, GPUs: a }));
        viaHttp(JSON.stringify({ Session: session, Algorithms: a, Workers: b }));
      }),
      { numRuns: 300 },
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
