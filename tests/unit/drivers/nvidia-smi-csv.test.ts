/**
 * The gpu-agent's pure nvidia-smi parsers over every real capture: the `--format=csv` query captures
 * (header and units) parsed directly, the noheader/nounits form, `nvidia-smi -L` with MIG devices, and
 * dmon. Expected values were read off each capture by hand.
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText, NVIDIA_SMI_CSV_CAPTURES } from '../../support/gpu-fixtures';
import { GPU_QUERY_FIELDS, parseNvidiaSmiCsv, type NvidiaGpu } from '../../../collectors/gpu-agent/nvidia-smi';
import { parseNvidiaSmiDmon } from '../../../collectors/gpu-agent/nvidia-smi-dmon';
import { parseNvidiaSmiList } from '../../../collectors/gpu-agent/nvidia-smi-list';
import { DeviceError } from '../../../collectors/drivers/types';

const MASKED_UUID = 'GPU-00000000-0000-0000-0000-000000000000'; // the capturer masked serials and UUIDs

const gpu = (
  name: string,
  busId: string,
  tempC: number,
  powerW: number,
  powerLimitW: number,
  utilizationPct: number | null,
  fanPct: number | null,
  clocks: [number, number],
  memory: [number, number],
  pstate: string,
  clocksEventReasons: number,
): NvidiaGpu => ({
  index: 0,
  uuid: MASKED_UUID,
  name,
  busId,
  tempC,
  powerW,
  powerLimitW,
  utilizationPct,
  fanPct,
  clocks: { graphicsMhz: clocks[0], memoryMhz: clocks[1] },
  memory: { usedMiB: memory[0], totalMiB: memory[1] },
  pstate,
  clocksEventReasons,
});

const RTX4080S = 'NVIDIA GeForce RTX 4080 SUPER';
const H100 = 'NVIDIA H100 80GB HBM3';
const RTX2080S = 'NVIDIA GeForce RTX 2080 SUPER';

/** Per capture: the one GPU row, read by hand ("26.20 W" -> 26.2, "0x0000000000000001" -> 1, "[N/A]" -> null). */
const EXPECTED: Record<(typeof NVIDIA_SMI_CSV_CAPTURES)[number], NvidiaGpu> = {
  // idle: fan 0 % is zero-RPM mode, not an error; gpu_idle reason (0x1) active
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-idle.csv': gpu(
    RTX4080S,
    '00000000:01:00.0',
    43,
    26.2,
    320,
    0,
    0,
    [210, 405],
    [596, 16376],
    'P8',
    1,
  ),
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv': gpu(
    RTX4080S,
    '00000000:01:00.0',
    46,
    84.24,
    320,
    7,
    0,
    [2805, 11251],
    [1474, 16376],
    'P2',
    0,
  ),
  // H100: fan.speed [N/A] (fanless)
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-idle.csv': gpu(
    H100,
    '00000000:00:09.0',
    41,
    69.85,
    700,
    0,
    null,
    [345, 2619],
    [0, 81559],
    'P0',
    1,
  ),
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv': gpu(
    H100,
    '00000000:00:09.0',
    59,
    631.95,
    700,
    100,
    null,
    [1980, 2619],
    [19818, 81559],
    'P0',
    0,
  ),
  // MIG: utilization.gpu [N/A] as well
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-idle.csv': gpu(
    H100,
    '00000000:00:09.0',
    42,
    71.15,
    700,
    null,
    null,
    [345, 2619],
    [59, 81559],
    'P0',
    1,
  ),
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-load.csv': gpu(
    H100,
    '00000000:00:09.0',
    53,
    433.78,
    700,
    null,
    null,
    [1980, 2619],
    [11125, 81559],
    'P0',
    0,
  ),
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-idle.csv': gpu(
    RTX2080S,
    '00000000:0C:00.0',
    40,
    39.25,
    250,
    0,
    38,
    [300, 405],
    [797, 8192],
    'P8',
    1,
  ),
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-load.csv': gpu(
    RTX2080S,
    '00000000:0C:00.0',
    44,
    97.99,
    250,
    7,
    38,
    [2040, 7500],
    [1366, 8192],
    'P2',
    0,
  ),
};

describe('parseNvidiaSmiCsv on the --format=csv captures (header + units, 202-239 columns)', () => {
  it.each(NVIDIA_SMI_CSV_CAPTURES)('%s', (name) => {
    expect(parseNvidiaSmiCsv(gpuFixtureText(name))).toEqual([EXPECTED[name]]);
  });
});

// The agent's own form: GPU_QUERY_FIELDS in order, no header, no units. Typed from the H100 load capture.
const H100_LOAD_NOHEADER =
  '0, GPU-00000000-0000-0000-0000-000000000000, NVIDIA H100 80GB HBM3, 00000000:00:09.0, 59, 631.95, 700.00, 100, [N/A], 1980, 2619, 19818, 81559, P0, 0x0000000000000000\n';

describe("parseNvidiaSmiCsv on the agent's noheader,nounits form", () => {
  it('reads the fields in the order asked', () => {
    expect(parseNvidiaSmiCsv(H100_LOAD_NOHEADER)).toEqual([EXPECTED['nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv']]);
  });

  it('reads several GPUs, one per line, CRLF too (Windows)', () => {
    const two = H100_LOAD_NOHEADER.trim() + '\r\n' + H100_LOAD_NOHEADER.trim().replace(/^0, /, '1, ') + '\r\n';
    expect(parseNvidiaSmiCsv(two).map((g) => g.index)).toEqual([0, 1]);
  });

  it('takes another field order when told', () => {
    expect(parseNvidiaSmiCsv('NVIDIA A100, 3, 250.5\n', ['name', 'index', 'power.draw'])).toEqual([
      expect.objectContaining({ name: 'NVIDIA A100', index: 3, powerW: 250.5, tempC: null, uuid: null }),
    ]);
  });

  it('blank output is no GPU', () => {
    expect(parseNvidiaSmiCsv('')).toEqual([]);
    expect(parseNvidiaSmiCsv('\n\n')).toEqual([]);
  });

  it('the query asks for the minimal collector list of protocols.md §2.1', () => {
    expect(GPU_QUERY_FIELDS.join(',')).toBe(
      'index,uuid,name,pci.bus_id,temperature.gpu,power.draw,power.limit,utilization.gpu,fan.speed,clocks.current.graphics,clocks.current.memory,memory.used,memory.total,pstate,clocks_event_reasons.active',
    );
  });
});

describe('nvidia-smi quirks (protocols.md §2.1)', () => {
  const row = (overrides: Partial<Record<(typeof GPU_QUERY_FIELDS)[number], string>>) => {
    const base: Record<string, string> = {
      index: '0',
      uuid: 'GPU-1',
      name: 'NVIDIA GeForce RTX 4080 SUPER',
      'pci.bus_id': '00000000:01:00.0',
      'temperature.gpu': '46',
      'power.draw': '84.24',
      'power.limit': '320.00',
      'utilization.gpu': '7',
      'fan.speed': '0',
      'clocks.current.graphics': '2805',
      'clocks.current.memory': '11251',
      'memory.used': '1474',
      'memory.total': '16376',
      pstate: 'P2',
      'clocks_event_reasons.active': '0x0000000000000000',
      ...overrides,
    };
    return GPU_QUERY_FIELDS.map((f) => base[f]).join(', ');
  };

  it.each([
    '[N/A]',
    'N/A',
    '[Not Supported]',
    '[Requested functionality has been deprecated]',
    '[Unknown Error]',
    '[Insufficient Permissions]',
  ])('sentinel %j is null', (token) => {
    const [g] = parseNvidiaSmiCsv(row({ 'power.draw': token, 'fan.speed': token, 'clocks_event_reasons.active': token, uuid: token }));
    expect([g.powerW, g.fanPct, g.clocksEventReasons, g.uuid]).toEqual([null, null, null, null]);
  });

  it('values keep or drop their units ("631.95 W" and "631.95" alike)', () => {
    const [g] = parseNvidiaSmiCsv(row({ 'power.draw': '631.95 W', 'utilization.gpu': '100 %', 'memory.used': '19818 MiB' }));
    expect([g.powerW, g.utilizationPct, g.memory.usedMiB]).toEqual([631.95, 100, 19818]);
  });

  it('fan 0 % (zero-RPM mode at idle) is 0, not null', () => {
    expect(parseNvidiaSmiCsv(row({ 'fan.speed': '0' }))[0].fanPct).toBe(0);
  });

  it('MIG: utilization [N/A] is null, the rest of the row stands', () => {
    const [g] = parseNvidiaSmiCsv(row({ 'utilization.gpu': '[N/A]' }));
    expect([g.utilizationPct, g.powerW]).toEqual([null, 84.24]);
  });

  it('the throttle bitmask is hex', () => {
    expect(parseNvidiaSmiCsv(row({ 'clocks_event_reasons.active': '0x00000000000000A4' }))[0].clocksEventReasons).toBe(0xa4);
  });

  it('the header form maps names with their unit brackets stripped, whatever the column order', () => {
    const text = 'power.draw [W], name, index, temperature.gpu\n245.12 W, NVIDIA A10, 2, 51\n';
    expect(parseNvidiaSmiCsv(text)).toEqual([expect.objectContaining({ index: 2, name: 'NVIDIA A10', powerW: 245.12, tempC: 51 })]);
  });

  it.each([
    ['a row cut short', row({}).slice(0, 60), 'truncated', /has 5 comma-separated values, expected 15 \(cut short/],
    ['a row with extra columns', `${row({})}, 42`, 'garbage', /has 16 comma-separated values, expected 15/],
    ['a number that is not one', row({ 'temperature.gpu': 'hot' }), 'garbage', /temperature\.gpu "hot" is not a number/],
    ['a GPU without index', row({ index: 'x' }), 'garbage', /index "x" is not a GPU index/],
    ['a GPU without name', row({ name: '[N/A]' }), 'garbage', /GPU 0 has no name/],
    ['a bad bitmask', row({ 'clocks_event_reasons.active': '0xZZ' }), 'garbage', /is not a bitmask/],
    [
      "nvidia-smi's driver failure text",
      "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
      'garbage',
      /line 1 has 1 comma-separated values, expected 15 \(not the --query-gpu CSV/,
    ],
  ])('%s is a clear DeviceError', (_what, text, kind, message) => {
    expect(() => parseNvidiaSmiCsv(text)).toThrow(message);
    try {
      parseNvidiaSmiCsv(text);
    } catch (err) {
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).kind).toBe(kind);
    }
  });

  it('dmon text is not the query CSV: a clear garbage error', () => {
    expect(() => parseNvidiaSmiCsv(gpuFixtureText('nvidia-smi-rtx4080super-595.71.05-linux-dmon-load.txt'))).toThrow(
      /line 1 has 1 comma-separated values, expected 15 \(not the --query-gpu CSV; starts "# gpu/,
    );
  });
});

describe('parseNvidiaSmiList (nvidia-smi -L)', () => {
  it('lists the MIG devices of the H100 capture', () => {
    expect(parseNvidiaSmiList(gpuFixtureText('nvidia-smi-h100-mig-590.48.01-linux-list-L.txt'))).toEqual([
      {
        index: 0,
        name: 'NVIDIA H100 80GB HBM3',
        uuid: 'GPU-00000000-0000-0000-0000-000000000000',
        mig: [
          { profile: '3g.40gb', device: 0, uuid: 'MIG-00000000-0000-0000-0000-000000000000' },
          { profile: '2g.20gb', device: 1, uuid: 'MIG-00000001-0000-0000-0000-000000000001' },
          { profile: '1g.10gb', device: 2, uuid: 'MIG-00000002-0000-0000-0000-000000000002' },
          { profile: '1g.10gb', device: 3, uuid: 'MIG-00000003-0000-0000-0000-000000000003' },
        ],
      },
    ]);
  });

  it('reads plain GPUs without MIG and rejects other text clearly', () => {
    expect(
      parseNvidiaSmiList('GPU 0: NVIDIA GeForce RTX 4080 SUPER (UUID: GPU-1)\nGPU 1: NVIDIA GeForce RTX 4080 SUPER (UUID: GPU-2)\n'),
    ).toHaveLength(2);
    expect(() => parseNvidiaSmiList('No devices were found')).toThrow(/line 1 is neither a GPU nor a MIG device: "No devices were found"/);
    expect(() => parseNvidiaSmiList('  MIG 1g.10gb Device 0: (UUID: MIG-1)')).toThrow(DeviceError);
  });
});

describe('parseNvidiaSmiDmon', () => {
  it('reads the RTX 4080 SUPER dmon capture: 5 samples of GPU 0, "-" as null', () => {
    const out = parseNvidiaSmiDmon(gpuFixtureText('nvidia-smi-rtx4080super-595.71.05-linux-dmon-load.txt'));
    expect(out.columns).toEqual(['gpu', 'pwr', 'gtemp', 'mtemp', 'sm', 'mem', 'enc', 'dec', 'jpg', 'ofa', 'mclk', 'pclk']);
    expect(out.units).toEqual(['Idx', 'W', 'C', 'C', '%', '%', '%', '%', '%', '%', 'MHz', 'MHz']);
    expect(out.samples.map((s) => s.values.pwr)).toEqual([83, 84, 84, 84, 84]);
    expect(out.samples.map((s) => s.values.enc)).toEqual([69, 68, 71, 70, 70]);
    expect(out.samples[0]).toEqual({
      gpu: 0,
      values: { pwr: 83, gtemp: 46, mtemp: null, sm: 7, mem: 2, enc: 69, dec: 0, jpg: 0, ofa: 0, mclk: 11251, pclk: 2805 },
    });
  });

  it('rejects CSV and rows that do not fit the header', () => {
    expect(() => parseNvidiaSmiDmon(H100_LOAD_NOHEADER)).toThrow(/no "# gpu \.\.\." header line/);
    expect(() => parseNvidiaSmiDmon('# gpu pwr\n# Idx W\n0 83 12\n')).toThrow(/row 1 does not fit its 2 columns/);
  });
});
