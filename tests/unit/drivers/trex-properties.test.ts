/**
 * Property tests of T-Rex's parse entries: trexFromReply (HTTP reply -> JSON -> parseTrex, what poll()
 * runs) and parseTrexCcminerSummary. Random bytes, random JSON, every truncation of each capture and
 * captures with values replaced anywhere by random JSON give a sane reading or a DeviceError, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { httpReply, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { trexFromReply } from '../../../collectors/drivers/trex/parse';
import { parseTrexCcminerSummary } from '../../../collectors/drivers/trex/ccminer-text';

const JSON_CAPTURES = ['trex-0.6.3-summary-8gpu.json', 'trex-0.9.1-summary.json'];
const TEXT_CAPTURE = 'trex-0.9.2-ccminer-api-summary.txt';

const viaHttp = (text: string, status = 200) => saneOrDeviceError(() => trexFromReply(httpReply(text, status), 'http://rig:4067/summary'));
const viaText = (text: string) => saneOrDeviceError(() => parseTrexCcminerSummary(text));

describe('T-Rex parse entries never throw anything but a DeviceError', () => {
  it('random strings and bytes, through both entries', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void (viaHttp(s), viaText(s))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const s = Buffer.from(b).toString('utf8');
        viaHttp(s);
        viaText(s);
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON bodies and HTTP statuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void viaHttp(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
    const body = gpuFixtureText(JSON_CAPTURES[1]);
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        expect(viaHttp(body, status)).toBe(status >= 200 && status <= 299 ? 'reading' : 'error');
      }),
      { numRuns: 100 },
    );
  });

  it('random KEY=VALUE records', () => {
    const pair = fc.tuple(fc.constantFrom('NAME', 'VER', 'KHS', 'ACC', 'REJ', 'UPTIME', 'GPUS', 'ALGO', 'X'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 10 }), fc.boolean(), (pairs, end) => {
        viaText(pairs.map(([k, v]) => `${k}=${v}`).join(';') + (end ? '|' : ''));
      }),
      { numRuns: 400 },
    );
  });

  it.each([...JSON_CAPTURES, TEXT_CAPTURE])('every truncation of %s', (name) => {
    const text = gpuFixtureText(name);
    const entry = name.endsWith('.txt') ? viaText : viaHttp;
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(entry(text.slice(0, n)));
    expect(outcomes[0]).toBe('error');
    expect(outcomes[text.length]).toBe('reading');
    // A JSON body cut anywhere before its closing brace is never read as a reading.
    if (name.endsWith('.json')) expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
  });

  it.each(JSON_CAPTURES)('%s with values anywhere replaced by random JSON', (name) => {
    const base: unknown = JSON.parse(gpuFixtureText(name));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void viaHttp(JSON.stringify(withReplaced(base, patches)))),
      {
        numRuns: 500,
      },
    );
  });
});
