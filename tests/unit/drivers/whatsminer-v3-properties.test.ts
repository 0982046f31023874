/**
 * Property tests of the Whatsminer API v3 parse entry the driver uses (frame bytes -> FrameDecoder ->
 * parseV3Frame -> parseWhatsminerV3): random bytes, random JSON, every truncation of each capture and
 * captures with fields replaced give a reading with a finite non-negative hash rate or a DeviceError with
 * a message, nothing else; and frames survive any segmentation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { deviceInfoDocAsJson } from '../../support/whatsminer-v3-fixtures';
import { FrameDecoder, encodeFrame } from '../../../collectors/drivers/btminer-v3/client';
import { parseV3Frame } from '../../../collectors/drivers/btminer-v3/envelope';
import { parseWhatsminerV3 } from '../../../collectors/drivers/whatsminer-v3/parse';
import { DeviceError } from '../../../collectors/drivers/types';

const SUMMARY = fixtureText('whatsminer-apiv3-docs-get.miner.status-summary.json');
const CAPTURES: Record<string, string> = {
  summary: SUMMARY,
  'device info (doc, made JSON)': deviceInfoDocAsJson(),
  'device info (doc, as is)': fixtureText('whatsminer-apiv3-docs-get.device.info.jsonc'),
  'fan setting': fixtureText('whatsminer-apiv3-docs-get.fan.setting.json'),
  'set ok': fixtureText('whatsminer-apiv3-docs-set-ok.json'),
};

function expectDeviceError(err: unknown): 'error' {
  expect(err).toBeInstanceOf(DeviceError);
  expect((err as DeviceError).message.length).toBeGreaterThan(0);
  return 'error';
}

/** The driver's path for one summary frame text (plus optional other replies' texts). */
function viaDriverEntry(summaryText: string, others: { deviceInfo?: string; pools?: string; edevs?: string } = {}): 'reading' | 'error' {
  try {
    const body = (text: string | undefined, label: string) => (text === undefined ? null : parseV3Frame(text, label).body);
    const r = parseWhatsminerV3({
      summary: body(summaryText, 'get.miner.status summary')!,
      deviceInfo: body(others.deviceInfo, 'get.device.info'),
      pools: body(others.pools, 'get.miner.status pools'),
      edevs: body(others.edevs, 'get.miner.status edevs'),
    });
    expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
    expect(r.boards.every((b, i) => b.index === i && (b.hashrateThs === null || b.hashrateThs >= 0))).toBe(true);
    return 'reading';
  } catch (err) {
    return expectDeviceError(err);
  }
}

describe('API v3 parse entry never throws anything but a DeviceError', () => {
  it('random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void viaDriverEntry(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void viaDriverEntry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
  });

  it('random JSON in every reply slot', () => {
    const text = fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null');
    fc.assert(
      fc.property(text, text, text, text, (s, d, p, e) => void viaDriverEntry(s, { deviceInfo: d, pools: p, edevs: e })),
      { numRuns: 400 },
    );
  });

  it.each(Object.keys(CAPTURES))('every truncation of the %s capture, as summary and as device info', (name) => {
    const text = CAPTURES[name];
    const outcomes = new Set<string>();
    for (let n = 0; n <= text.length; n++) {
      outcomes.add(viaDriverEntry(text.slice(0, n)));
      outcomes.add(viaDriverEntry(SUMMARY, { deviceInfo: text.slice(0, n) }));
    }
    expect(outcomes.has('error')).toBe(true);
  });

  it('the summary and device info with any of their fields replaced by random JSON', () => {
    const summary = JSON.parse(SUMMARY) as { msg: { summary: Record<string, unknown> } };
    const info = JSON.parse(deviceInfoDocAsJson()) as { msg: Record<string, Record<string, unknown>> };
    const sKeys = Object.keys(summary.msg.summary);
    const iKeys = ['network', 'miner', 'system', 'power', 'salt', 'error-code'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...sKeys), fc.jsonValue(), { maxKeys: 6 }),
        fc.dictionary(fc.constantFrom(...iKeys), fc.jsonValue(), { maxKeys: 3 }),
        (sPatch, iPatch) => {
          const s = JSON.stringify({ ...summary, msg: { summary: { ...summary.msg.summary, ...sPatch } } });
          const i = JSON.stringify({ ...info, msg: { ...info.msg, ...iPatch } });
          void viaDriverEntry(s, { deviceInfo: i });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('FrameDecoder', () => {
  const texts = Object.values(CAPTURES);

  it('reassembles frames however the stream is cut, the length prefix included; heartbeats are skipped', () => {
    const stream = Buffer.concat([encodeFrame(texts[0]), Buffer.alloc(4), encodeFrame(texts[3]), encodeFrame(texts[4])]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 40 }), (cuts) => {
        const decoder = new FrameDecoder();
        const frames: string[] = [];
        let at = 0;
        for (const cut of [...cuts.sort((a, b) => a - b), stream.length]) {
          frames.push(...decoder.push(stream.subarray(at, cut)).map((f) => f.toString('utf8')));
          at = cut;
        }
        expect(frames).toEqual([texts[0], texts[3], texts[4]]);
        expect(decoder.pendingBytes).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('one byte at a time', () => {
    const decoder = new FrameDecoder();
    const bytes = encodeFrame(texts[1]);
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(...decoder.push(bytes.subarray(i, i + 1)));
    expect(out.map((b) => b.toString('utf8'))).toEqual([texts[1]]);
  });

  it('a length above 1 MiB is too large, refused at its header; 1 MiB exactly is waited for', () => {
    const head = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(n, 0);
      return b;
    };
    expect(new FrameDecoder().push(head(1024 * 1024))).toEqual([]);
    expect(() => new FrameDecoder().push(head(1024 * 1024 + 1))).toThrow(expect.objectContaining({ kind: 'too-large' }));
    expect(() => new FrameDecoder().push(head(0xffffffff))).toThrow(expect.objectContaining({ kind: 'too-large' }));
  });

  it('random bytes: frames or a too-large DeviceError (the length prefix), nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const decoder = new FrameDecoder(4096);
        try {
          for (const c of chunks) for (const f of decoder.push(Buffer.from(c))) expect(f.length).toBeGreaterThan(0);
        } catch (err) {
          expectDeviceError(err);
          expect((err as DeviceError).kind).toBe('too-large');
        }
      }),
      { numRuns: 500 },
    );
  });
});
