/**
 * The cgminer TCP client and the two drivers against real sockets on loopback: replies in many delayed
 * segments, a "}" long before the end, garbage, half replies, silence, a closed port and an abort.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { antminerDriver } from '../../collectors/drivers/antminer';
import { cgminerQuery, cgminerRequest, cgminerSend } from '../../collectors/drivers/cgminer-tcp/client';
import { sectionRows } from '../../collectors/drivers/cgminer-tcp/lenient-json';
import { DeviceError, type PollTarget } from '../../collectors/drivers/types';
import { whatsminerDriver } from '../../collectors/drivers/whatsminer';

const FIXTURES = new URL('../fixtures/asic/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface TestServer {
  port: number;
  requests: string[];
  connections: number;
  /** Resolves when the server side of the n-th connection (0-based) has closed. */
  closed(n: number): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A loopback server that hands each complete JSON request to `reply`. */
async function serve(reply: (socket: Socket, request: Record<string, unknown>) => unknown): Promise<TestServer> {
  const closedWaiters: Array<Promise<void>> = [];
  const state: TestServer = { port: 0, requests: [], connections: 0, closed: (n) => closedWaiters[n] };
  const server = createServer((socket) => {
    state.connections++;
    socket.setNoDelay(true);
    closedWaiters.push(new Promise((r) => socket.once('close', () => r())));
    socket.on('error', () => {});
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      let request: Record<string, unknown>;
      try {
        request = JSON.parse(text);
      } catch {
        return; // request not complete yet
      }
      state.requests.push(text);
      void reply(socket, request);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as { port: number }).port;
  return state;
}

/** Writes `text` in `pieces` segments with a pause between them, then closes. */
async function sendInSegments(socket: Socket, text: string, pieces: number, pauseMs: number) {
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) {
    if (socket.destroyed) return;
    socket.write(text.slice(i, i + size));
    await sleep(pauseMs);
  }
  socket.end();
}

const target = (port: number, extra: Partial<PollTarget> = {}): PollTarget => ({
  address: '127.0.0.1',
  port,
  timeoutMs: 3000,
  ...extra,
});

async function deviceError(p: Promise<unknown>): Promise<DeviceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DeviceError) return err;
    throw err;
  }
  throw new Error('expected a DeviceError');
}

describe('cgminerRequest over TCP', () => {
  it.each([
    ['with', '\0'],
    ['without', ''],
  ])('reads a reply sent in 25 delayed segments to the end (%s the trailing NUL)', async (_l, nul) => {
    const reply = fixture('antminer-s19pro-stats.json') + nul;
    const srv = await serve((socket) => sendInSegments(socket, reply, 25, 8));
    expect(await cgminerRequest(target(srv.port), 'stats')).toBe(reply);
    const parsed = await cgminerQuery(target(srv.port), 'stats');
    expect(sectionRows(parsed.body, 'STATS')[1]['GHS 5s']).toBe(110786.79);
    expect(srv.requests).toEqual(['{"command":"stats"}', '{"command":"stats"}']);
  });

  it('does not stop at a "}" that closes a nested object long before the end', async () => {
    const reply = fixture('antminer-s9-bmminer-stats.json');
    const cut = reply.indexOf('}]') + 1; // right after the STATUS object
    const srv = await serve(async (socket) => {
      socket.write(reply.slice(0, cut));
      await sleep(150);
      socket.end(`${reply.slice(cut)}\0`);
    });
    const parsed = await cgminerQuery(target(srv.port), 'stats');
    expect(sectionRows(parsed.body, 'STATS')).toHaveLength(2);
  });

  it('sends the parameter when one is given', async () => {
    const srv = await serve((socket) => socket.end('{"STATUS":[{"STATUS":"S","Code":1}],"id":1}\0'));
    await cgminerRequest(target(srv.port), 'ascset', '0,led,1-1');
    expect(srv.requests).toEqual(['{"command":"ascset","parameter":"0,led,1-1"}']);
  });

  it('calls bytes that are not a reply "garbage", naming command and address', async () => {
    const srv = await serve((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const err = await deviceError(cgminerQuery(target(srv.port), 'stats'));
    expect(err.kind).toBe('garbage');
    expect(err.message).toContain('"stats"');
    expect(err.message).toContain(`127.0.0.1:${srv.port}`);
  });

  it('calls half a reply followed by a close "truncated"', async () => {
    const reply = fixture('antminer-s19pro-stats.json');
    const srv = await serve((socket) => sendInSegments(socket, reply.slice(0, 900), 3, 5));
    const err = await deviceError(cgminerQuery(target(srv.port), 'stats'));
    expect(err.kind).toBe('truncated');
    expect(err.message).toContain('"stats"');
    expect(err.message).toContain(`127.0.0.1:${srv.port}`);
  });

  it('times out within the timeout on a server that accepts and never answers, and closes the socket', async () => {
    const srv = await serve(() => {});
    const started = Date.now();
    const err = await deviceError(cgminerRequest(target(srv.port, { timeoutMs: 300 }), 'summary'));
    const elapsedMs = Date.now() - started;
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`no reply to "summary" from 127.0.0.1:${srv.port} within 300 ms`);
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(1500);
    await srv.closed(0); // the client destroyed its end
  });

  it('says how much of a reply had arrived when the timeout struck', async () => {
    const srv = await serve((socket) => socket.write('{"STATUS":[{"STATUS":"S"'));
    const err = await deviceError(cgminerRequest(target(srv.port, { timeoutMs: 200 }), 'pools'));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`reply to "pools" from 127.0.0.1:${srv.port} incomplete after 200 ms (24 bytes received)`);
  });

  it('reports a closed port as "refused"', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const err = await deviceError(cgminerRequest(target(port), 'version'));
    expect(err.kind).toBe('refused');
    expect(err.message).toContain('"version"');
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('stops at once on abort, mid-reply or before connecting', async () => {
    const srv = await serve((socket) => socket.write('{"STATUS":[{"STATUS":"S"'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await deviceError(cgminerRequest(target(srv.port, { signal: controller.signal, timeoutMs: 5000 }), 'stats'));
    expect(err.kind).toBe('aborted');
    expect(err.message).toContain(`"stats" to 127.0.0.1:${srv.port}`);
    expect(Date.now() - started).toBeLessThan(1000);
    await srv.closed(0);

    const early = await deviceError(cgminerRequest(target(srv.port, { signal: AbortSignal.abort() }), 'stats'));
    expect(early.kind).toBe('aborted');
    await sleep(50);
    expect(srv.connections).toBe(1);
  });

  it('refuses replies over the size cap as "too-large"', async () => {
    const srv = await serve((socket) => socket.end(fixture('antminer-s9-bmminer-stats.json')));
    const err = await deviceError(cgminerSend(target(srv.port), { command: 'stats' }, 'stats', 1000));
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(`reply to "stats" from 127.0.0.1:${srv.port} larger than 1000 bytes`);
  });
});

const INVALID = '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"cgminer"}],"id":1}';

/** A fake miner serving fixtures by request ("command" or btminer "cmd"), NUL-terminated, in segments. */
async function fakeMiner(files: Record<string, string>): Promise<TestServer> {
  return serve((socket, request) => {
    const key = typeof request.command === 'string' ? request.command : `cmd:${String(request.cmd)}`;
    const body = files[key] ? fixture(files[key]) : INVALID;
    return sendInSegments(socket, `${body}\0`, 4, 2);
  });
}

describe('driver polls against a fake miner', () => {
  it('antminer: S9 stock replies, "}{" quirk, no summary command', async () => {
    const srv = await fakeMiner({
      version: 'antminer-s9-bmminer-version.json',
      stats: 'antminer-s9-bmminer-stats.json',
      pools: 'antminer-s9-bmminer-pools.json',
    });
    const reading = await antminerDriver.poll(target(srv.port));
    expect(reading).toMatchObject({ driver: 'antminer', model: 'Antminer S9', status: 'mining', uptimeS: 293628 });
    expect(reading.hashrateThs).toBeCloseTo(13.88381, 6);
    expect(reading.boards.map((b) => b.chips)).toEqual([63, 63, 63]);
    expect(reading.pools.map((p) => p.accepted)).toEqual([22673, 0]);
    // STATS[0] names the miner (Type, engine, Miner, CompileTime), so no fourth connection for version.
    expect(srv.requests).toEqual(['stats', 'summary', 'pools'].map((c) => `{"command":"${c}"}`));
  });

  it('antminer: an optional command that times out costs neither the reading nor further timeouts', async () => {
    const files: Record<string, string> = { version: 'antminer-s19pro-version.json', stats: 'antminer-s19pro-stats.json' };
    const srv = await serve((socket, request) => {
      const name = files[String(request.command)];
      if (name) return sendInSegments(socket, `${fixture(name)}\0`, 3, 2);
      // "summary": silence
    });
    const started = Date.now();
    const reading = await antminerDriver.poll(target(srv.port, { timeoutMs: 300 }));
    expect(reading).toMatchObject({ model: 'Antminer S19 Pro', status: 'mining', pools: [] });
    expect(srv.requests).toEqual(['{"command":"stats"}', '{"command":"summary"}']);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('antminer: a failing stats command fails the poll with its api-error', async () => {
    const srv = await fakeMiner({ version: 'antminer-s19pro-version.json' });
    const err = await deviceError(antminerDriver.poll(target(srv.port)));
    expect([err.kind, err.message]).toEqual(['api-error', 'Invalid command (code 14)']);
  });

  it('whatsminer: M31S summary, edevs, pools and btminer status (asleep)', async () => {
    const srv = await fakeMiner({
      summary: 'whatsminer-m31s-sleeping-summary.json',
      edevs: 'whatsminer-m31s-edevs.json',
      pools: 'whatsminer-m31s-pools.json',
      'cmd:status': 'whatsminer-m31s-status-sleeping.json',
    });
    const reading = await whatsminerDriver.poll(target(srv.port, { modelHint: 'M31S' }));
    expect(reading).toMatchObject({ driver: 'whatsminer', model: 'Whatsminer M31S', status: 'sleeping', powerW: 3230 });
    expect(reading.hashrateThs).toBeCloseTo(85.16347324, 6);
    expect(reading.boards).toHaveLength(3);
    expect(reading.pools).toHaveLength(3);
    expect(srv.requests).toContain('{"cmd":"status"}');
  });

  it('whatsminer: old firmware without edevs falls back to devs', async () => {
    const srv = await fakeMiner({
      summary: 'whatsminer-m20s-summary.json',
      devs: 'whatsminer-m20s-devs.json',
      pools: 'whatsminer-m20s-pools.json',
    });
    const reading = await whatsminerDriver.poll(target(srv.port));
    expect(reading).toMatchObject({ status: 'mining', firmware: '20200917.22.REL', hardwareErrors: 912 });
    expect(reading.boards.map((b) => b.chips)).toEqual([111, 111, 111]);
  });
});
