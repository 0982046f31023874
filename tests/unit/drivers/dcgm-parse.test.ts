/**
 * The dcgm-exporter parser over both captures (values read off them by hand), the Prometheus text-format
 * rules it must follow, identify(), and property tests of the parse entry the driver uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { identifyDcgm } from '../../../collectors/drivers/dcgm';
import { dcgmValue, parseDcgm } from '../../../collectors/drivers/dcgm/parse';
import { parsePrometheusText, parseSample } from '../../../collectors/drivers/dcgm/prometheus';
import { DeviceError, type HttpProbeReply } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const EXCERPT = 'dcgm-exporter-metrics-excerpt.txt';
const README = 'dcgm-exporter-metrics.readme.txt';
const UUID_EXCERPT = 'GPU-8c16e996-bd76-aa91-17e7-b48bcd0208ba';
const UUID_README = 'GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52';

const base = {
  driver: 'dcgm',
  make: 'NVIDIA',
  model: '1x NVIDIA GPU', // no modelName label in these (older) exporters
  firmware: 'dcgm-exporter',
  hashrateThs: 0,
  expectedHashrateThs: null,
  efficiencyJth: null,
  fansRpm: [],
  pools: [],
  uptimeS: null,
  hardwareErrors: null,
  algorithm: null,
} as const;

describe('parseDcgm on the captures', () => {
  it('excerpt: one GPU, 23.528 W, 41 degC, 0 % utilization', () => {
    const expected: Reading = {
      ...base,
      fansRpm: [],
      pools: [],
      status: 'sleeping', // DCGM_FI_DEV_GPU_UTIL 0
      powerW: 23.528,
      powerSource: 'firmware',
      boards: [{ index: 0, hashrateThs: null, chips: null, tempC: 41 }],
      tempMaxC: 41,
    };
    expect(parseDcgm(gpuFixtureText(EXCERPT))).toEqual(expected);
  });

  it('README: MEMORY_TEMP is the blank sentinel, no power or utilization, "..." lines skipped', () => {
    const expected: Reading = {
      ...base,
      fansRpm: [],
      pools: [],
      status: 'mining', // no utilization or throttle reasons: no evidence the GPU is idle
      powerW: null,
      powerSource: null,
      boards: [{ index: 0, hashrateThs: null, chips: null, tempC: null }],
      tempMaxC: null,
    };
    expect(parseDcgm(gpuFixtureText(README))).toEqual(expected);
  });

  it('the registered model names GPUs the exporter does not', () => {
    expect(parseDcgm(gpuFixtureText(EXCERPT), { modelHint: '8x RTX 4090' }).model).toBe('8x RTX 4090');
  });
});

describe('parsePrometheusText on the captures', () => {
  it('excerpt: nine samples with their labels (space after each comma), values as written', () => {
    const out = parsePrometheusText(gpuFixtureText(EXCERPT));
    expect(out.invalid).toEqual([]);
    expect(out.samples.map((s) => [s.name.replace('DCGM_FI_DEV_', ''), s.value])).toEqual([
      ['SM_CLOCK', 885],
      ['MEM_CLOCK', 2999],
      ['GPU_TEMP', 41],
      ['POWER_USAGE', 23.528],
      ['TOTAL_ENERGY_CONSUMPTION', 31035686671], // mJ counter
      ['PCIE_REPLAY_COUNTER', 0],
      ['GPU_UTIL', 0],
      ['MEM_COPY_UTIL', 0],
      ['ENC_UTIL', 0],
    ]);
    expect(out.samples[0].labels).toEqual({ gpu: '0', UUID: UUID_EXCERPT, device: 'nvidia0' });
  });

  it('README: HELP and TYPE read, the two "..." lines reported as invalid, the sentinel kept as written', () => {
    const out = parsePrometheusText(gpuFixtureText(README));
    expect(out.help).toEqual({
      DCGM_FI_DEV_SM_CLOCK: 'SM clock frequency (in MHz).',
      DCGM_FI_DEV_MEM_CLOCK: 'Memory clock frequency (in MHz).',
      DCGM_FI_DEV_MEMORY_TEMP: 'Memory temperature (in C).',
    });
    expect(out.types).toEqual({ DCGM_FI_DEV_SM_CLOCK: 'gauge', DCGM_FI_DEV_MEM_CLOCK: 'gauge', DCGM_FI_DEV_MEMORY_TEMP: 'gauge' });
    expect(out.invalid).toEqual([
      { line: 7, text: '...' },
      { line: 11, text: '...' },
    ]);
    expect(out.samples.map((s) => [s.name, s.labels.UUID, s.value])).toEqual([
      ['DCGM_FI_DEV_SM_CLOCK', UUID_README, 139],
      ['DCGM_FI_DEV_MEM_CLOCK', UUID_README, 405],
      // eslint-disable-next-line no-loss-of-precision -- DCGM's blank sentinel as the exporter writes it
      ['DCGM_FI_DEV_MEMORY_TEMP', UUID_README, 9223372036854775794],
    ]);
    expect(dcgmValue(out.samples[2].value)).toBeNull();
  });
});

describe('Prometheus text format rules', () => {
  it.each([
    [
      'escaped quote, backslash and newline in a label',
      'm{a="say \\"hi\\"",b="c:\\\\d",n="x\\ny"} 1',
      { a: 'say "hi"', b: 'c:\\d', n: 'x\ny' },
      1,
    ],
    ['spaces after commas and around braces', 'm { gpu="0", UUID="GPU-1" , } 2.5', { gpu: '0', UUID: 'GPU-1' }, 2.5],
    ['a comma and brace inside a label value', 'm{k="a,b}c"} 3', { k: 'a,b}c' }, 3],
    ['no labels, exponent value', 'm 1.5e3', {}, 1500],
    ['empty braces, negative value, timestamp', 'm{} -4 1700000000000', {}, -4],
  ])('%s', (_what, line, labels, value) => {
    expect(parseSample(line)).toMatchObject({ name: 'm', labels, value });
  });

  it('NaN and +Inf/-Inf are read, and then are no value', () => {
    expect([parseSample('m NaN')?.value, parseSample('m +Inf')?.value, parseSample('m -Inf')?.value]).toEqual([NaN, Infinity, -Infinity]);
    // eslint-disable-next-line no-loss-of-precision -- DCGM's blank sentinel as the exporter writes it
    expect([dcgmValue(NaN), dcgmValue(Infinity), dcgmValue(9.2e18), dcgmValue(9223372036854775794), dcgmValue(41)]).toEqual([
      null,
      null,
      null,
      null,
      41,
    ]);
  });

  it('the timestamp is kept', () => {
    expect(parseSample('m 1 1700000000000')?.timestampMs).toBe(1700000000000);
  });

  it.each(['m', 'm{a="1"}', 'm{a=1} 2', 'm{a="1" 2', 'm{a="1",a="2"} 3', '9m 1', 'm 1 2 3', 'm 1 soon', 'm{="x"} 1', 'm 0x10'])(
    'rejects %j',
    (line) => {
      expect(parseSample(line)).toBeNull();
    },
  );

  it('comments that are not HELP/TYPE are ignored, HELP escapes undone', () => {
    const out = parsePrometheusText('# a comment\n# HELP m line\\none \\\\ two\n# TYPE m counter\nm 1\n');
    expect(out).toEqual({
      samples: [{ name: 'm', labels: {}, value: 1, timestampMs: null }],
      help: { m: 'line\none \\ two' },
      types: { m: 'counter' },
      invalid: [],
    });
  });
});

describe('parseDcgm rules', () => {
  const line = (name: string, gpu: string, value: string, extra = '') =>
    `DCGM_FI_DEV_${name}{gpu="${gpu}", UUID="GPU-${gpu}"${extra}} ${value}`;

  it('several GPUs: power summed, hottest GPU, model from modelName labels, throttle bits', () => {
    const text = [
      line('POWER_USAGE', '0', '250.5', ', modelName="NVIDIA H100 80GB HBM3"'),
      line('POWER_USAGE', '1', '249.5', ', modelName="NVIDIA H100 80GB HBM3"'),
      line('GPU_TEMP', '0', '60'),
      line('GPU_TEMP', '1', '71'),
      line('GPU_UTIL', '0', '100'),
      line('GPU_UTIL', '1', '100'),
      line('CLOCK_THROTTLE_REASONS', '1', '64'), // 0x40 hw thermal slowdown
    ].join('\n');
    const r = parseDcgm(text);
    expect([r.model, r.powerW, r.tempMaxC, r.status]).toEqual(['2x NVIDIA H100 80GB HBM3', 500, 71, 'throttled']);
    expect(r.boards.map((b) => b.tempC)).toEqual([60, 71]);
  });

  it('not Prometheus text is "garbage"; Prometheus without DCGM metrics is "unexpected"', () => {
    const kind = (text: string) => {
      try {
        parseDcgm(text);
      } catch (err) {
        expect(err).toBeInstanceOf(DeviceError);
        return (err as DeviceError).kind;
      }
      return 'reading';
    };
    expect(kind('<html>Not found</html>')).toBe('garbage');
    expect(kind('node_load1 0.5\n')).toBe('unexpected');
    expect(kind('')).toBe('unexpected');
  });
});

const probe = (text: string, status = 200): { http: Record<string, HttpProbeReply> } => ({
  http: { '/metrics': { status, wwwAuthenticate: null, json: null, text } },
});

describe('identifyDcgm', () => {
  it('claims both captures', () => {
    for (const name of [EXCERPT, README]) {
      expect(identifyDcgm(probe(gpuFixtureText(name)))).toEqual({
        driver: 'dcgm',
        make: 'NVIDIA',
        model: '1x NVIDIA GPU',
        firmware: 'dcgm-exporter',
      });
    }
  });

  it('does not claim other exporters, errors or JSON', () => {
    expect(identifyDcgm(probe('# HELP node_load1 x\nnode_load1 0.5\n'))).toBeNull();
    expect(identifyDcgm(probe(gpuFixtureText(EXCERPT), 500))).toBeNull();
    expect(identifyDcgm(probe('{"agent":"hashwatt-gpu-agent"}'))).toBeNull();
    expect(identifyDcgm({})).toBeNull();
  });
});

function viaDriverEntry(text: string): void {
  try {
    const r = parseDcgm(text);
    expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
    expect(r.powerW === null || Number.isFinite(r.powerW)).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
  }
}

describe('dcgm parse entry never throws anything but a DeviceError', () => {
  it('random text, bytes and Prometheus-like lines', () => {
    const token = fc.constantFrom(
      'DCGM_FI_DEV_GPU_TEMP',
      'DCGM_FI_DEV_POWER_USAGE',
      '{',
      '}',
      'gpu="0"',
      ', ',
      '"',
      '\\',
      ' ',
      '\n',
      '# HELP ',
      '1.5',
      'NaN',
      '+Inf',
      '9223372036854775794',
      '=',
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => viaDriverEntry(s)),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => viaDriverEntry(Buffer.from(b).toString('utf8'))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (t) => viaDriverEntry(t.join(''))),
      { numRuns: 600 },
    );
  });

  it.each([EXCERPT, README])('every truncation of %s', (name) => {
    const text = gpuFixtureText(name);
    for (let n = 0; n <= text.length; n++) viaDriverEntry(text.slice(0, n));
    expect(parseDcgm(text).driver).toBe('dcgm');
  });
});
