/**
 * `hashwatt probe` (the real CLI process) says what a misbehaving device actually did, in one line on
 * stderr with exit code 1, instead of "no reply within 5 s" for devices that did answer or "connection
 * refused" for a reset; and it reads a slow but valid miner. The devices are loopback servers
 * (tests/support/evil-devices.ts, 127.0.0.1, ephemeral ports).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEvilDevice, type EvilDevice, type EvilMode } from '../../support/evil-devices';
import { fixtureText } from '../../support/driver-fixtures';
import { runHashwatt } from '../../support/run-cli';

const VERSION = fixtureText('antminer-s19pro-version.json');
const ANTMINER: Record<string, string> = {
  version: 'antminer-s19pro-version.json',
  stats: 'antminer-s19pro-stats.json',
  pools: 'antminer-s19-pools.json',
};
const INVALID = '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"cgminer 1.0.0"}],"id":1}';
const MB = 1024 * 1024;

const devices: EvilDevice[] = [];
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});
async function evil(mode: EvilMode): Promise<EvilDevice> {
  const d = await startEvilDevice(mode);
  devices.push(d);
  return d;
}

/** Runs probe and checks the common shape of a failure: exit 1, one line on stderr, no stack trace. */
async function probeFails(args: string[]): Promise<string> {
  const res = await runHashwatt(['probe', ...args]);
  expect(res.code, res.stderr).toBe(1);
  expect(res.stdout).toBe('');
  const lines = res.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(res.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
  expect(res.elapsedMs).toBeLessThan(30_000); // bounded, whatever the device does
  return lines[0];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('hashwatt probe against misbehaving devices', { timeout: 60_000 }, () => {
  it('a reply without end: too large, cut at 1 MB', async () => {
    const d = await evil({ kind: 'too-large' });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--timeout', '5']);
    expect(line).toBe(
      `hashwatt probe: 127.0.0.1:${d.port}: too-large: reply to "version" from 127.0.0.1:${d.port} larger than ${MB} bytes`,
    );
    expect(d.bytesWritten()).toBeLessThan(100 * MB);
  });

  it('garbage: answers but no driver recognises it, with a safe snippet', async () => {
    const d = await evil({ kind: 'garbage' });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--timeout', '2']);
    expect(line).toMatch(
      new RegExp(
        `^hashwatt probe: 127\\.0\\.0\\.1:${d.port} answers over cgminer but no driver recognises it \\(garbage: reply to "version" from 127\\.0\\.0\\.1:${d.port} is not JSON: "`,
      ),
    );
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('a reset mid-reply: reset after 312 bytes, not "connection refused"', async () => {
    const d = await evil({ kind: 'reset', reply: fixtureText('antminer-s19pro-stats.json'), afterBytes: 312 });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--timeout', '2']);
    expect(line).toBe(
      `hashwatt probe: 127.0.0.1:${d.port}: reset: connection reset by 127.0.0.1:${d.port} after 312 bytes of the reply to "version"`,
    );
  });

  it('a close without a byte: closed without a reply', async () => {
    const d = await evil({ kind: 'close' });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--timeout', '2']);
    expect(line).toBe(
      `hashwatt probe: 127.0.0.1:${d.port}: closed: 127.0.0.1:${d.port} closed the connection without replying to "version"`,
    );
  });

  it('one byte every 100 ms forever: timed out with the bytes received, not "no reply"', async () => {
    const d = await evil({ kind: 'trickle', reply: VERSION, everyMs: 100 });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--timeout', '1']);
    expect(line).toMatch(
      new RegExp(
        `^hashwatt probe: 127\\.0\\.0\\.1:${d.port}: timeout: reply to "version" from 127\\.0\\.0\\.1:${d.port} incomplete after 1000 ms \\(\\d+ bytes received\\)$`,
      ),
    );
  });

  it('a Whatsminer API v3 frame declaring 4 GB: refused at its header', async () => {
    const d = await evil({ kind: 'v3-frame', length: 0xffffffff });
    const line = await probeFails([`127.0.0.1:${d.port}`, '--driver', 'whatsminer-v3', '--timeout', '5']);
    expect(line).toBe(
      `hashwatt probe: 127.0.0.1:${d.port}: too-large: reply to "get.miner.status summary" from 127.0.0.1:${d.port} declares a frame of 4294967295 bytes, more than the ${MB} an API v3 reply may have`,
    );
  });

  it('HTTP headers without end: too large at 16 kB of headers', async () => {
    const d = await evil({ kind: 'http-endless-headers' });
    const line = await probeFails([`http://127.0.0.1:${d.port}`, '--timeout', '5']);
    expect(line).toMatch(
      new RegExp(
        `^hashwatt probe: ${esc(`http://127.0.0.1:${d.port}`)}: too-large: headers of the reply to GET /\\S+ from \\S+ larger than 16384 bytes$`,
      ),
    );
  });

  it('an HTTP body without end: too large at 1 MB', async () => {
    const d = await evil({ kind: 'http-endless-body' });
    const line = await probeFails([`http://127.0.0.1:${d.port}`, '--timeout', '5']);
    expect(line).toMatch(
      new RegExp(`^hashwatt probe: ${esc(`http://127.0.0.1:${d.port}`)}: too-large: reply to GET /\\S+ from \\S+ larger than ${MB} bytes$`),
    );
  });

  it('a slow but valid Antminer (each reply after half the timeout) is identified and read', async () => {
    const d = await evil({
      kind: 'slow',
      delayMs: 1000,
      respond: (request) => {
        const name = ANTMINER[String((JSON.parse(request) as { command?: unknown }).command)];
        return `${name ? fixtureText(name) : INVALID}\u0000`;
      },
    });
    const res = await runHashwatt(['probe', `127.0.0.1:${d.port}`, '--timeout', '2', '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ status: 'ok', driver: 'antminer', reading: { model: 'Antminer S19 Pro' } });
    // Detection's 4 commands and the poll's 3 (stats, summary, pools), each 1 s: past the old probe's one
    // timeout of "silence" (replies were not heard until detection ended) and its 4-timeout cap.
    expect(d.requests.length).toBeGreaterThanOrEqual(7);
  });
});
