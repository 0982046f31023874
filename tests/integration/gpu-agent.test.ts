/**
 * `hashwatt gpu-agent` as a GPU host runs it, with the fake nvidia-smi answering from each real capture,
 * polled by the gpu-agent driver over HTTP (values read off the captures by hand); nvidia-smi failures
 * as 503s while the agent keeps serving; the command line's errors and clean stop; and the simulated
 * gpu-agent family against sim.truth(). Subnet 127.0.113 only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_NVIDIA_SMI, gpuFixtureText, NVIDIA_SMI_CSV_CAPTURES } from '../support/gpu-fixtures';
import { gpuAgentDriver, identifyGpuAgent } from '../../collectors/drivers/gpu-agent';
import { identifyAxeos } from '../../collectors/drivers/axeos';
import { deviceHttp } from '../../collectors/drivers/http/client';
import { DeviceError, type PollTarget, type ProbeReplies } from '../../collectors/drivers/types';
import { startSimulator, type RunningSimulator } from '../../collectors/simulator/simulator';
import type { MinerStatus } from '../../lib/domain/reading';

const SUBNET = '127.0.113';
const BIN = fileURLToPath(new URL('../../bin/hashwatt.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'hashwatt-gpu-agent-'));
const CSV = join(dir, 'current.csv');
const LIST = join(dir, 'list.txt');
const LOG = join(dir, 'runs.log');
const ENV = { ...process.env, FAKE_NVIDIA_SMI_CSV: CSV, FAKE_NVIDIA_SMI_LIST: LIST, FAKE_NVIDIA_SMI_LOG: LOG };

interface Agent {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `hashwatt gpu-agent` and waits for the line that says where it listens. */
async function startAgent(host: string, nvidiaSmi: string): Promise<Agent> {
  const child = spawn(process.execPath, [BIN, 'gpu-agent', '--listen', `${host}:0`, '--nvidia-smi', nvidiaSmi], { env: ENV });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let waited = 0; waited < 30_000; waited += 50) {
    const m = /gpu-agent: listening on http:\/\/[^:]+:(\d+)\/api\/v1\/gpus/.exec(out);
    if (m) return { child, port: Number(m[1]), stdout: () => out, stderr: () => err, exited };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`gpu-agent did not start: ${out} ${err}`);
}

const useCapture = (name: string, list = '') => {
  writeFileSync(CSV, gpuFixtureText(name));
  writeFileSync(LIST, list);
};
/** The agent reuses a sample for 1 s; wait that out after changing what the fake prints. */
const pastCache = () => sleep(1100);

let agent: Agent;
const HOST = `${SUBNET}.100`;
const target = (): PollTarget => ({ address: HOST, port: agent.port, timeoutMs: 5000 });

beforeAll(async () => {
  useCapture('nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv');
  agent = await startAgent(HOST, FAKE_NVIDIA_SMI);
});
afterAll(async () => {
  agent?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Per capture, read by hand: GPU name, utilization -> status, power.draw [W], temperature.gpu. */
const EXPECTED: Record<(typeof NVIDIA_SMI_CSV_CAPTURES)[number], { model: string; status: MinerStatus; powerW: number; tempC: number }> = {
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-idle.csv': {
    model: '1x NVIDIA GeForce RTX 4080 SUPER',
    status: 'sleeping',
    powerW: 26.2,
    tempC: 43,
  },
  'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv': {
    model: '1x NVIDIA GeForce RTX 4080 SUPER',
    status: 'mining',
    powerW: 84.24,
    tempC: 46,
  },
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-idle.csv': {
    model: '1x NVIDIA H100 80GB HBM3',
    status: 'sleeping',
    powerW: 69.85,
    tempC: 41,
  },
  'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv': {
    model: '1x NVIDIA H100 80GB HBM3',
    status: 'mining',
    powerW: 631.95,
    tempC: 59,
  },
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-idle.csv': {
    model: '1x NVIDIA H100 80GB HBM3',
    status: 'sleeping',
    powerW: 71.15,
    tempC: 42,
  },
  'nvidia-smi-h100-mig-590.48.01-linux-query-gpu-csv-load.csv': {
    model: '1x NVIDIA H100 80GB HBM3',
    status: 'mining',
    powerW: 433.78,
    tempC: 53,
  },
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-idle.csv': {
    model: '1x NVIDIA GeForce RTX 2080 SUPER',
    status: 'sleeping',
    powerW: 39.25,
    tempC: 40,
  },
  'nvidia-smi-rtx2080super-610.62-windows-query-gpu-csv-load.csv': {
    model: '1x NVIDIA GeForce RTX 2080 SUPER',
    status: 'mining',
    powerW: 97.99,
    tempC: 44,
  },
};

describe('hashwatt gpu-agent with the fake nvidia-smi, polled by the gpu-agent driver', () => {
  it.each(NVIDIA_SMI_CSV_CAPTURES)('%s', async (name) => {
    const mig = name.includes('-mig-');
    useCapture(name, mig ? gpuFixtureText('nvidia-smi-h100-mig-590.48.01-linux-list-L.txt') : '');
    await pastCache();
    const e = EXPECTED[name];
    const r = await gpuAgentDriver.poll(target());
    expect(r).toMatchObject({
      driver: 'gpu-agent',
      make: 'NVIDIA',
      model: e.model,
      status: e.status,
      powerW: e.powerW,
      powerSource: 'firmware',
      tempMaxC: e.tempC,
    });
    expect(r.boards).toEqual([{ index: 0, hashrateThs: null, chips: null, tempC: e.tempC }]);
    expect([r.hashrateThs, r.algorithm, r.fansRpm]).toEqual([0, null, []]);
    const body = JSON.parse((await deviceHttp(target(), { path: '/api/v1/gpus' })).text);
    expect(body.gpus[0].mig?.map((m: { profile: string }) => m.profile)).toEqual(
      mig ? ['3g.40gb', '2g.20gb', '1g.10gb', '1g.10gb'] : undefined,
    );
  });

  it('answers the documented JSON and identify() names the host from it', async () => {
    useCapture('nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv');
    await pastCache();
    const reply = await deviceHttp(target(), { path: '/api/v1/gpus' });
    const body = JSON.parse(reply.text);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(Object.keys(body)).toEqual(['agent', 'version', 'hostname', 'sampledAtMs', 'gpus']);
    expect(body.agent).toBe('hashwatt-gpu-agent');
    expect(body.gpus[0]).toMatchObject({
      index: 0,
      name: 'NVIDIA H100 80GB HBM3',
      powerW: 631.95,
      powerLimitW: 700,
      utilizationPct: 100,
      fanPct: null,
    });
    const probe: ProbeReplies = { http: { '/api/v1/gpus': { status: reply.status, wwwAuthenticate: null, json: body, text: reply.text } } };
    expect(identifyGpuAgent(probe)).toMatchObject({ driver: 'gpu-agent', make: 'NVIDIA', model: '1x NVIDIA H100 80GB HBM3' });
    expect(identifyAxeos({ http: { '/api/system/info': probe.http!['/api/v1/gpus'] } })).toBeNull();
  });

  it('runs nvidia-smi at most once a second however many requests come', async () => {
    await pastCache();
    const before = readFileSync(LOG, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('--query-gpu')).length;
    const replies = await Promise.all(Array.from({ length: 12 }, () => deviceHttp(target(), { path: '/api/v1/gpus' })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const after = readFileSync(LOG, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('--query-gpu')).length;
    expect(after - before).toBe(1);
  });

  it('/healthz is ok, anything else is 404', async () => {
    const health = await deviceHttp(target(), { path: '/healthz' });
    expect([health.status, health.text]).toEqual([200, 'ok\n']);
    expect((await deviceHttp(target(), { path: '/api/v1/other' })).status).toBe(404);
    expect((await deviceHttp(target(), { method: 'POST', path: '/api/v1/gpus', body: '{}' })).status).toBe(404);
  });

  it('nvidia-smi printing garbage is a 503 with the reason, and the agent keeps serving', async () => {
    writeFileSync(CSV, Buffer.from([0xfe, 0x13, 0x37, 0x2c, 0x20, 0x0a, 0x4e, 0x4f, 0x50, 0x45]));
    await pastCache();
    const raw = await deviceHttp(target(), { path: '/api/v1/gpus' });
    expect(raw.status).toBe(503);
    expect(JSON.parse(raw.text).error).toMatch(
      /^".*fake-nvidia-smi\.mjs" printed output that is not the GPU CSV asked for: nvidia-smi output line 1 has 2 comma-separated values, expected 15/,
    );
    const err = await gpuAgentDriver.poll(target()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe('api-error');
    expect((err as DeviceError).message).toMatch(/answered HTTP 503: .*printed output that is not the GPU CSV asked for/);
    expect((await deviceHttp(target(), { path: '/healthz' })).status).toBe(200);
    useCapture('nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-idle.csv');
    await pastCache();
    expect((await gpuAgentDriver.poll(target())).powerW).toBe(26.2);
    expect(agent.child.exitCode).toBeNull();
  });
});

describe('hashwatt gpu-agent command line', () => {
  it('a missing nvidia-smi: a warning at start, 503 with a clear reason, still serving, stops cleanly on SIGTERM', async () => {
    const missing = join(dir, 'no-such', 'nvidia-smi');
    const a = await startAgent(`${SUBNET}.101`, missing);
    try {
      const t: PollTarget = { address: `${SUBNET}.101`, port: a.port, timeoutMs: 5000 };
      const err = await gpuAgentDriver.poll(t).catch((e: unknown) => e);
      expect((err as DeviceError).kind).toBe('api-error');
      expect((err as DeviceError).message).toContain(
        `answered HTTP 503: nvidia-smi not found at "${missing}" (is the NVIDIA driver installed? pass --nvidia-smi PATH)`,
      );
      expect((await deviceHttp(t, { path: '/healthz' })).status).toBe(200);
      for (let i = 0; i < 40 && !a.stderr().includes('warning'); i++) await sleep(50);
      expect(a.stderr()).toBe(
        `gpu-agent: warning: nvidia-smi not found at "${missing}" (is the NVIDIA driver installed? pass --nvidia-smi PATH); answering 503 until it works\n`,
      );
    } finally {
      a.child.kill('SIGTERM');
    }
    expect(await a.exited).toBe(0);
    expect(a.stdout()).toMatch(/gpu-agent: stopped \(SIGTERM\)\n$/);
  });

  it('stops cleanly on SIGINT and frees its port', async () => {
    const a = await startAgent(`${SUBNET}.102`, FAKE_NVIDIA_SMI);
    a.child.kill('SIGINT');
    expect(await a.exited).toBe(0);
    expect(a.stdout()).toMatch(/gpu-agent: stopped \(SIGINT\)\n$/);
    const free = createServer();
    await new Promise<void>((resolve, reject) => free.once('error', reject).listen({ host: `${SUBNET}.102`, port: a.port }, resolve));
    await new Promise<void>((resolve) => free.close(() => resolve()));
  });

  it.each([
    [['--listen', 'nowhere'], /^hashwatt gpu-agent: --listen "nowhere" is not HOST:PORT \(e\.g\. 0\.0\.0\.0:9105/],
    [['--listen', '127.0.0.1:99999'], /^hashwatt gpu-agent: --listen "127\.0\.0\.1:99999" is not HOST:PORT/],
    [[], /^hashwatt gpu-agent: gpu-agent needs --listen HOST:PORT, e\.g\. --listen 0\.0\.0\.0:9105\n$/],
    [['--listen', '127.0.0.1:9105', '--bogus'], /^hashwatt gpu-agent: Unknown option '--bogus'/],
  ])('%j is one line on stderr and exit 2', (args, message) => {
    const res = spawnSync(process.execPath, [BIN, 'gpu-agent', ...args], { encoding: 'utf8', env: ENV, timeout: 30_000 });
    const stderr = res.stderr.replace(/^npm warn.*\n/gm, '');
    expect(res.status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an address it cannot listen on is one line and exit 1', () => {
    const res = spawnSync(process.execPath, [BIN, 'gpu-agent', '--listen', `${HOST}:${agent.port}`], {
      encoding: 'utf8',
      env: ENV,
      timeout: 30_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr.replace(/^npm warn.*\n/gm, '')).toBe(`hashwatt gpu-agent: cannot listen on ${HOST}:${agent.port} (EADDRINUSE)\n`);
  });
});

describe('the simulated gpu-agent family', () => {
  let sim: RunningSimulator;
  const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
  beforeAll(async () => {
    sim = await startSimulator({ miners: 2, mix: ['gpu-agent-rtx4080s'], subnet: SUBNET, httpPort: null, seed: 7, now: () => T0 });
  });
  afterAll(() => sim.stop());
  const simTarget = (i: number): PollTarget => ({ address: sim.manifest.rigs[i].address, port: sim.manifest.rigs[i].port, timeoutMs: 800 });

  it.each([0, 1])("rig %i reads as the simulator's truth", async (i) => {
    const rig = sim.manifest.rigs[i];
    expect([rig.driver, rig.port]).toEqual(['gpu-agent', 9105]);
    const truth = sim.truth(rig.name);
    const r = await gpuAgentDriver.poll(simTarget(i));
    expect([r.model, r.status, r.boards.length, r.hashrateThs, r.algorithm]).toEqual([
      '6x NVIDIA GeForce RTX 4080 SUPER',
      truth.status,
      6,
      0,
      null,
    ]);
    expect(Math.abs((r.powerW ?? NaN) - truth.powerW)).toBeLessThanOrEqual(0.05); // 6 GPUs, 2 decimals each
    expect(r.tempMaxC).toBe(truth.tempMaxC);
  });

  it("renders the real agent's JSON shape (same reply code) and identify() names it", async () => {
    const simulated = await deviceHttp(simTarget(0), { path: '/api/v1/gpus' });
    const real = await deviceHttp(target(), { path: '/api/v1/gpus' });
    const [s, r] = [JSON.parse(simulated.text), JSON.parse(real.text)];
    expect(Object.keys(s)).toEqual(Object.keys(r));
    expect(Object.keys(s.gpus[0])).toEqual(Object.keys(r.gpus[0]));
    const probe: ProbeReplies = { http: { '/api/v1/gpus': { status: 200, wwwAuthenticate: null, json: s, text: simulated.text } } };
    expect(identifyGpuAgent(probe)).toMatchObject({ driver: 'gpu-agent', model: '6x NVIDIA GeForce RTX 4080 SUPER' });
    expect((await deviceHttp(simTarget(0), { path: '/healthz' })).text).toBe('ok\n');
  });

  it.each([
    ['offline', 'refused'],
    ['silent', 'timeout'],
    ['garbage', 'garbage'],
    ['half', 'truncated'],
  ] as const)('%s gives a %s DeviceError within the timeout', async (fault, kind) => {
    const rig = sim.manifest.rigs[1];
    await sim.setFault(rig.name, fault);
    try {
      const started = Date.now();
      const err = await gpuAgentDriver.poll(simTarget(1)).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1800);
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).kind).toBe(kind);
    } finally {
      await sim.setFault(rig.name, null);
    }
    expect((await gpuAgentDriver.poll(simTarget(1))).boards).toHaveLength(6);
  });
});
