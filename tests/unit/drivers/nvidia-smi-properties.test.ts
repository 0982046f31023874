/**
 * Property tests of the gpu-agent's nvidia-smi parsers: random text and every truncation of every capture
 * give GPU rows or a DeviceError with a message; any GPU rows written in the agent's form read back as
 * written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuFixtureText, NVIDIA_SMI_CSV_CAPTURES } from '../../support/gpu-fixtures';
import { GPU_QUERY_FIELDS, parseNvidiaSmiCsv, type NvidiaGpu } from '../../../collectors/gpu-agent/nvidia-smi';
import { parseNvidiaSmiDmon } from '../../../collectors/gpu-agent/nvidia-smi-dmon';
import { parseNvidiaSmiList } from '../../../collectors/gpu-agent/nvidia-smi-list';
import { DeviceError } from '../../../collectors/drivers/types';

/** Runs a parser; returns its result, or null after checking the error is a DeviceError with a message. */
function outcome<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
    return null;
  }
}

function checkRows(gpus: NvidiaGpu[] | null): void {
  for (const g of gpus ?? []) {
    expect(Number.isInteger(g.index) && g.index >= 0).toBe(true);
    expect(g.name.length).toBeGreaterThan(0);
    for (const v of [g.tempC, g.powerW, g.powerLimitW, g.utilizationPct, g.fanPct, g.clocksEventReasons]) {
      expect(v === null || Number.isFinite(v)).toBe(true);
    }
  }
}

const ARBITRARY_TEXT = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
  fc
    .array(fc.constantFrom('0', ', ', '\n', '[N/A]', 'index', 'name', ' W', '12.5', 'GPU 0: ', '#', 'MIG ', '-'), { maxLength: 60 })
    .map((a) => a.join('')),
);

describe('nvidia-smi parsers never throw anything but a DeviceError', () => {
  it('random text through the CSV, -L and dmon parsers', () => {
    fc.assert(
      fc.property(ARBITRARY_TEXT, (text) => {
        checkRows(outcome(() => parseNvidiaSmiCsv(text)));
        outcome(() => parseNvidiaSmiList(text));
        outcome(() => parseNvidiaSmiDmon(text));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(NVIDIA_SMI_CSV_CAPTURES)('every truncation of %s', (name) => {
    const text = gpuFixtureText(name);
    let errors = 0;
    for (let n = 0; n <= text.length; n++) {
      const gpus = outcome(() => parseNvidiaSmiCsv(text.slice(0, n)));
      checkRows(gpus);
      if (gpus === null) errors++;
    }
    expect(errors).toBeGreaterThan(0); // the data row cut anywhere but its end
  });

  it.each(['nvidia-smi-h100-mig-590.48.01-linux-list-L.txt', 'nvidia-smi-rtx4080super-595.71.05-linux-dmon-load.txt'])(
    'every truncation of %s',
    (name) => {
      const text = gpuFixtureText(name);
      for (let n = 0; n <= text.length; n++) {
        outcome(() => parseNvidiaSmiList(text.slice(0, n)));
        outcome(() => parseNvidiaSmiDmon(text.slice(0, n)));
        checkRows(outcome(() => parseNvidiaSmiCsv(text.slice(0, n))));
      }
    },
  );
});

const SENTINEL = fc.constantFrom('[N/A]', 'N/A', '[Not Supported]', '[Unknown Error]');
const num = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 100 }).map((n) => ({ text: (n / 100).toFixed(2), value: n / 100 })),
    SENTINEL.map((text) => ({ text, value: null })),
  );

describe('GPU rows in the agent form read back as written', () => {
  it('any values, sentinels included', () => {
    const row = fc.record({
      index: fc.integer({ min: 0, max: 64 }),
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,30}[A-Za-z0-9]$/),
      temp: num(120),
      power: num(1000),
      util: num(100),
      reasons: fc.oneof(
        fc.integer({ min: 0, max: 0x1ff }).map((n) => ({ text: `0x${n.toString(16).padStart(16, '0')}`, value: n })),
        SENTINEL.map((text) => ({ text, value: null })),
      ),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows
          .map((r) => {
            const v: Record<string, string> = {
              index: String(r.index),
              uuid: 'GPU-1',
              name: r.name,
              'pci.bus_id': '00000000:01:00.0',
              'temperature.gpu': r.temp.text,
              'power.draw': r.power.text,
              'power.limit': '320.00',
              'utilization.gpu': r.util.text,
              'fan.speed': '[N/A]',
              'clocks.current.graphics': '2805',
              'clocks.current.memory': '11251',
              'memory.used': '1',
              'memory.total': '2',
              pstate: 'P2',
              'clocks_event_reasons.active': r.reasons.text,
            };
            return GPU_QUERY_FIELDS.map((f) => v[f]).join(', ');
          })
          .join('\n');
        const gpus = parseNvidiaSmiCsv(text);
        expect(gpus.map((g) => [g.index, g.name, g.tempC, g.powerW, g.utilizationPct, g.clocksEventReasons])).toEqual(
          rows.map((r) => [r.index, r.name, r.temp.value, r.power.value, r.util.value, r.reasons.value]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
