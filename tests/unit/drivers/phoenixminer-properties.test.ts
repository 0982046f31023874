/**
 * Property tests of the JSON-RPC transport's pure parts and of PhoenixMiner's parse entry (what poll()
 * runs: parseJsonRpcReply then parsePhoenixMiner). Random bytes, random JSON, every truncation of the
 * capture and the capture with values replaced give a sane reading or a DeviceError, nothing else; the
 * end-of-reply scanner finds the end of any JSON value however it is split.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { JsonValueScanner, parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { parsePhoenixMiner } from '../../../collectors/drivers/phoenixminer/parse';

const CAPTURE = 'phoenixminer-miner_getstat1.json';
const entry = (raw: string) => saneOrDeviceError(() => parsePhoenixMiner(parseJsonRpcReply(raw, 'miner_getstat1', '10.0.0.9:3333')));

/** Feeds `text` to a fresh scanner in the given piece sizes; the end index, or null. */
function scan(text: string, cuts: number[]): number | null {
  const s = new JsonValueScanner();
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length)].sort((a, b) => a - b)) {
    if (s.feed(text.slice(at, cut))) return s.end;
    at = cut;
  }
  s.feed(text.slice(at));
  return s.end;
}

describe('JsonValueScanner', () => {
  const container = fc.oneof(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.array(fc.jsonValue({ maxDepth: 3 })));

  it('finds the end of any JSON object or array, split anywhere, with anything after it', () => {
    fc.assert(
      fc.property(
        container,
        fc.array(fc.nat({ max: 400 }), { maxLength: 8 }),
        fc.constantFrom('', '\n', '\u0000', '\n{"id":1}'),
        (v, cuts, tail) => {
          const json = JSON.stringify(v);
          expect(scan(`  ${json}${tail}`, cuts)).toBe(json.length + 2);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never ends early inside a value: every proper prefix is incomplete', () => {
    const json = gpuFixtureText(CAPTURE).trimEnd();
    for (let n = 0; n < json.length; n++) expect(scan(json.slice(0, n), [])).toBeNull();
    expect(scan(json, [])).toBe(json.length);
  });

  it('gives up on text that does not start a JSON value (only the close ends such a reply)', () => {
    const s = new JsonValueScanner();
    expect(s.feed('\u00fe garbage }')).toBe(false);
    expect(s.notJson).toBe(true);
  });
});

describe('PhoenixMiner parse entry never throws anything but a DeviceError', () => {
  it('random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void entry(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void entry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
  });

  it('random JSON, and result arrays of random ";"-joined strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void entry(JSON.stringify(v) ?? 'null')),
      { numRuns: 400 },
    );
    const field = fc
      .array(fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('off', '', 'x', '1e400')), { maxLength: 10 })
      .map((p) => p.join(';'));
    fc.assert(
      fc.property(fc.array(field, { maxLength: 10 }), (result) => void entry(JSON.stringify({ id: 0, jsonrpc: '2.0', result }))),
      { numRuns: 500 },
    );
  });

  it('every truncation of the capture is a DeviceError until the closing bracket', () => {
    const text = gpuFixtureText(CAPTURE);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(entry(text.slice(0, n)));
    expect(outcomes.slice(0, text.trimEnd().length).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it('the capture with values anywhere replaced by random JSON', () => {
    const base: unknown = JSON.parse(gpuFixtureText(CAPTURE));
    fc.assert(
      fc.property(replacementsIn(base), (patches) => void entry(JSON.stringify(withReplaced(base, patches)))),
      { numRuns: 500 },
    );
  });

  it('truncation errors say "truncated", junk says "garbage"', () => {
    const text = gpuFixtureText(CAPTURE);
    expect(() => parseJsonRpcReply(text.slice(0, 100), 'miner_getstat1')).toThrow(/cut short after 100 bytes/);
    try {
      parseJsonRpcReply('\u00fe\u0001junk', 'miner_getstat1');
      expect.unreachable();
    } catch (err) {
      expect((err as { kind: string }).kind).toBe('garbage');
    }
  });
});
