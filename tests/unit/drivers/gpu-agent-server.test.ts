/**
 * The gpu-agent HTTP server in-process (127.0.113.230, this task's subnet) on an injected clock: the
 * once-a-second sample cache, a slow nvidia-smi shared rather than stacked, and the 503 body.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FAKE_NVIDIA_SMI, gpuFixtureText } from '../../support/gpu-fixtures';
import { deviceHttp } from '../../../collectors/drivers/http/client';
import { GPU_AGENT_VERSION } from '../../../collectors/gpu-agent/reply';
import { startGpuAgent, type RunningGpuAgent } from '../../../collectors/gpu-agent/server';

const HOST = '127.0.113.230';
const dir = mkdtempSync(join(tmpdir(), 'hashwatt-agent-server-'));
const LOG = join(dir, 'runs.log');
process.env.FAKE_NVIDIA_SMI_CSV = join(dir, 'current.csv');
process.env.FAKE_NVIDIA_SMI_LOG = LOG;
writeFileSync(process.env.FAKE_NVIDIA_SMI_CSV, gpuFixtureText('nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv'));

let agent: RunningGpuAgent | null = null;
let clock = 1_000_000;
afterEach(async () => {
  await agent?.close();
  agent = null;
  writeFileSync(LOG, '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runs = () =>
  readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('--query-gpu')).length;
const get = (a: RunningGpuAgent) => deviceHttp({ address: HOST, port: a.port, timeoutMs: 5000 }, { path: '/api/v1/gpus' });

describe('gpu-agent server', () => {
  it('samples once per second of its clock, however many requests', async () => {
    writeFileSync(LOG, '');
    agent = await startGpuAgent({ host: HOST, port: 0, nvidiaSmi: FAKE_NVIDIA_SMI, now: () => clock, hostname: 'rig-7' });
    await agent.firstSample;
    for (let i = 0; i < 5; i++) expect((await get(agent)).status).toBe(200);
    expect(runs()).toBe(1);
    clock += 999;
    await get(agent);
    expect(runs()).toBe(1);
    clock += 1;
    const body = JSON.parse((await get(agent)).text);
    expect(runs()).toBe(2);
    expect([body.hostname, body.sampledAtMs, body.version, body.gpus[0].powerW]).toEqual(['rig-7', clock, GPU_AGENT_VERSION, 84.24]);
  });

  it('a slow nvidia-smi run is shared by every request that comes while it runs', async () => {
    const slow = join(dir, 'slow-nvidia-smi');
    writeFileSync(slow, `#!/bin/sh\nsleep 0.6\nexec "${FAKE_NVIDIA_SMI}" "$@"\n`);
    chmodSync(slow, 0o755);
    agent = await startGpuAgent({ host: HOST, port: 0, nvidiaSmi: slow, now: () => clock });
    const replies = [];
    for (let i = 0; i < 4; i++) {
      clock += 5000; // long past the cache interval: only the run in flight holds them together
      replies.push(get(agent));
    }
    expect((await Promise.all(replies)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(runs()).toBe(1);
  });

  it('a failing nvidia-smi is a 503 carrying the reason and no GPUs', async () => {
    agent = await startGpuAgent({ host: HOST, port: 0, nvidiaSmi: join(dir, 'missing'), now: () => clock, hostname: 'rig-8' });
    const reply = await get(agent);
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.text)).toEqual({
      agent: 'hashwatt-gpu-agent',
      version: GPU_AGENT_VERSION,
      hostname: 'rig-8',
      sampledAtMs: clock,
      gpus: [],
      error: `nvidia-smi not found at "${join(dir, 'missing')}" (is the NVIDIA driver installed? pass --nvidia-smi PATH)`,
    });
  });
});
