/**
 * A real Prometheus for tests: Debian's binary (tests/support/ensure-prometheus.mjs), started on a free
 * loopback port with its own temporary config and data folder, scraping the jobs a test names with Bearer
 * tokens read from files (as an operator's config would). Also `promtool check metrics`. Never the
 * packaged service.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './system';
import { tempDir } from './temp';

export const PROMETHEUS = process.env.PROMETHEUS_PATH || '/usr/bin/prometheus';
export const PROMTOOL = process.env.PROMTOOL_PATH || '/usr/bin/promtool';

/** One scrape job: a target "host:port" and the API token it sends. */
export interface ScrapeJob {
  name: string;
  target: string;
  token: string;
}

/** One sample of an instant query: its labels and value. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
  tsS: number;
}

export interface RunningPrometheus {
  url: string;
  /** An instant query through the HTTP API (/api/v1/query). */
  query(promql: string): Promise<PromSample[]>;
  output(): string;
  stop(): Promise<void>;
}

/** The prometheus.yml a test runs with: every job scraped each `intervalS` at /metrics with its token file. */
export function scrapeConfig(jobs: readonly ScrapeJob[], tokenFile: (job: ScrapeJob) => string, intervalS: number): string {
  const lines = ['global:', `  scrape_interval: ${intervalS}s`, `  scrape_timeout: ${intervalS}s`, 'scrape_configs:'];
  for (const job of jobs) {
    lines.push(
      `  - job_name: ${JSON.stringify(job.name)}`,
      '    metrics_path: /metrics',
      '    authorization:',
      '      type: Bearer',
      `      credentials_file: ${JSON.stringify(tokenFile(job))}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(job.target)}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Starts Prometheus scraping `jobs` and resolves once it answers /-/ready. */
export async function startPrometheus(jobs: readonly ScrapeJob[], intervalS = 1): Promise<RunningPrometheus> {
  const dir = tempDir('hashwatt-prometheus-');
  const tokenFile = (job: ScrapeJob) => join(dir.dir, `${job.name}.token`);
  for (const job of jobs) writeFileSync(tokenFile(job), `${job.token}\n`, { mode: 0o600 });
  const config = join(dir.dir, 'prometheus.yml');
  writeFileSync(config, scrapeConfig(jobs, tokenFile, intervalS));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    dir.cleanup();
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`prometheus exited (${proc.exitCode}) before ready:\n${out}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus not ready in 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => out,
    stop,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as {
        status: string;
        error?: string;
        data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      if (body.status !== 'success') throw new Error(`query ${promql}: ${body.error}`);
      return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]), tsS: r.value[0] }));
    },
  };
}

/** `promtool check metrics` on an exposition: its exit code and what it said. */
export function promtoolCheckMetrics(text: string): { code: number | null; output: string } {
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}
