/**
 * Running nvidia-smi (the fake one, tests/support/fake-nvidia-smi.mjs, answering from real captures): the
 * agent's query in noheader,nounits form, MIG devices from -L, and the clear errors for a missing binary,
 * a non-zero exit, a hang, and output that is not the CSV asked for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_NVIDIA_SMI, gpuFixtureText } from '../../support/gpu-fixtures';
import { NvidiaSmiError, queryGpus, runNvidiaSmi } from '../../../collectors/gpu-agent/nvidia-smi';
import { sampleNvidiaGpus } from '../../../collectors/gpu-agent/server';

const dir = mkdtempSync(join(tmpdir(), 'hashwatt-nvsmi-'));
const csv = join(dir, 'current.csv');
const list = join(dir, 'list.txt');
process.env.FAKE_NVIDIA_SMI_CSV = csv;
process.env.FAKE_NVIDIA_SMI_LIST = list;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => writeFileSync(list, ''));

const use = (capture: string) => writeFileSync(csv, gpuFixtureText(capture));

async function failure(run: () => Promise<unknown>): Promise<NvidiaSmiError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(NvidiaSmiError);
    return err as NvidiaSmiError;
  }
  throw new Error('expected an NvidiaSmiError');
}

describe('queryGpus through the fake nvidia-smi', () => {
  it('asks for the minimal field list and reads the RTX 4080 SUPER load capture', async () => {
    use('nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv');
    const [g] = await queryGpus(FAKE_NVIDIA_SMI);
    expect(g).toMatchObject({ index: 0, name: 'NVIDIA GeForce RTX 4080 SUPER', tempC: 46, powerW: 84.24, utilizationPct: 7, fanPct: 0 });
  });

  it('adds the MIG devices from -L when utilization is [N/A]', async () => {
    use('nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-load.csv');
    writeFileSync(list, gpuFixtureText('nvidia-smi-h100-mig-590.48.01-linux-list-L.txt'));
    const [g] = await sampleNvidiaGpus(FAKE_NVIDIA_SMI);
    expect(g.utilizationPct).toBeNull();
    expect(g.mig?.map((m) => m.profile)).toEqual(['3g.40gb', '2g.20gb', '1g.10gb', '1g.10gb']);
  });

  it('does not run -L for GPUs that report utilization, and a failing -L costs only the MIG list', async () => {
    use('nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv');
    writeFileSync(list, gpuFixtureText('nvidia-smi-h100-mig-590.48.01-linux-list-L.txt'));
    expect((await sampleNvidiaGpus(FAKE_NVIDIA_SMI))[0].mig).toBeUndefined();
    use('nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-idle.csv');
    writeFileSync(list, 'garbage that is not a list\n');
    const [g] = await sampleNvidiaGpus(FAKE_NVIDIA_SMI);
    expect([g.powerW, g.mig]).toEqual([71.15, undefined]);
  });
});

describe('nvidia-smi failures are clear', () => {
  it('a missing binary', async () => {
    const err = await failure(() => queryGpus(join(dir, 'no-such-nvidia-smi')));
    expect(err.message).toBe(
      `nvidia-smi not found at "${join(dir, 'no-such-nvidia-smi')}" (is the NVIDIA driver installed? pass --nvidia-smi PATH)`,
    );
  });

  it('a non-zero exit, with what it printed', async () => {
    use('nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-idle.csv');
    const err = await failure(() => runNvidiaSmi(FAKE_NVIDIA_SMI, ['--query-gpu=index,bogus.field', '--format=csv,noheader,nounits']));
    expect(err.message).toBe(`"${FAKE_NVIDIA_SMI}" exited with code 2: Field "bogus.field" is not a valid field to query.`);
  });

  it('a binary that hangs', async () => {
    const err = await failure(() => runNvidiaSmi(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], 300));
    expect(err.message).toBe(`"${process.execPath}" did not finish within 300 ms`);
  });

  it('a binary that is not executable', async () => {
    const file = join(dir, 'not-executable');
    writeFileSync(file, '#!/bin/sh\necho hi\n', { mode: 0o644 });
    expect((await failure(() => runNvidiaSmi(file, []))).message).toBe(`cannot run "${file}" (permission denied)`);
  });

  it('output that is not the CSV asked for (the dmon capture, garbage bytes)', async () => {
    writeFileSync(csv, gpuFixtureText('nvidia-smi-rtx4080super-595.71.05-linux-dmon-load.txt'));
    expect((await failure(() => queryGpus(FAKE_NVIDIA_SMI))).message).toMatch(
      /printed output that is not the GPU CSV asked for: nvidia-smi output line 1 has 1 comma-separated values, expected 15/,
    );
    writeFileSync(csv, Buffer.from([0xfe, 0x01, 0x2c, 0x20, 0x0a, 0x41]));
    expect((await failure(() => queryGpus(FAKE_NVIDIA_SMI))).message).toMatch(/is not the GPU CSV asked for/);
  });
});
