/**
 * Every device transport (cgminer TCP, JSON-RPC TCP, Whatsminer API v3 frames, HTTP) against devices that
 * misbehave on purpose, as real loopback servers (tests/support/evil-devices.ts, 127.0.0.1, ephemeral
 * ports): each failure is cut at its byte cap or at the per-request deadline, never buffered whole or
 * waited on forever, and its DeviceError says what actually happened, with the byte count where bytes came.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { btminerV3Query, encodeFrame, withBtminerV3 } from '../../../collectors/drivers/btminer-v3/client';
import { cgminerQuery } from '../../../collectors/drivers/cgminer-tcp/client';
import { deviceJson } from '../../../collectors/drivers/http/client';
import { jsonrpcQuery } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';
import { startEvilDevice, type EvilDevice, type EvilMode } from '../../support/evil-devices';
import { fixtureText } from '../../support/driver-fixtures';

const STATS = fixtureText('antminer-s19pro-stats.json');
/** A real reply as each transport frames it: HTTP with its headers, API v3 with its length prefix. */
const framed = (t: Transport): string | Buffer =>
  t === 'http' ? `HTTP/1.1 200 OK\r\nContent-Length: ${STATS.length}\r\n\r\n${STATS}` : t === 'btminer-v3' ? encodeFrame(STATS) : STATS;
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

const target = (d: EvilDevice, timeoutMs = 3000): PollTarget => ({ address: d.address, port: d.port, timeoutMs });

/** The DeviceError `p` rejects with, and how long that took. */
async function failure(p: Promise<unknown>): Promise<{ error: DeviceError; ms: number }> {
  const started = Date.now();
  const error = await p.then(
    () => new Error('expected a DeviceError, the request succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof DeviceError)) throw error;
  return { error, ms: Date.now() - started };
}

type Transport = 'cgminer' | 'jsonrpc' | 'btminer-v3' | 'http';
/** One request over each transport, labelled the way its messages name it. */
const send: Record<Transport, { label: string; run: (t: PollTarget) => Promise<unknown> }> = {
  cgminer: { label: '"stats"', run: (t) => cgminerQuery(t, 'stats') },
  jsonrpc: {
    label: '"miner_getstat1"',
    run: (t) => jsonrpcQuery(t, { id: 0, jsonrpc: '2.0', method: 'miner_getstat1' }, 'miner_getstat1'),
  },
  'btminer-v3': { label: '"get.device.info"', run: (t) => withBtminerV3(t, (c) => btminerV3Query(c, 'get.device.info')) },
  http: { label: 'GET /api/summary', run: (t) => deviceJson(t, '/api/summary') },
};
const STREAMS: Transport[] = ['cgminer', 'jsonrpc'];
const ALL: Transport[] = ['cgminer', 'jsonrpc', 'btminer-v3', 'http'];

describe('a reply without end is cut at the 1 MB cap, not buffered whole', () => {
  it.each(STREAMS)('%s', async (transport) => {
    const d = await evil({ kind: 'too-large' });
    const { error, ms } = await failure(send[transport].run(target(d, 20_000)));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`reply to ${send[transport].label} from 127.0.0.1:${d.port} larger than ${MB} bytes`);
    expect(ms).toBeLessThan(10_000); // cut at the cap, long before the 20 s deadline
    // The device was still writing its 100 MB: the client stopped reading near the cap (plus socket buffers).
    expect(d.bytesWritten()).toBeLessThan(40 * MB);
  });

  it('http: an endless chunked body', async () => {
    const d = await evil({ kind: 'http-endless-body' });
    const { error, ms } = await failure(send.http.run(target(d, 20_000)));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`reply to GET /api/summary from http://127.0.0.1:${d.port}/api/summary larger than ${MB} bytes`);
    expect(ms).toBeLessThan(10_000);
    expect(d.bytesWritten()).toBeLessThan(40 * MB);
  });

  it('http: header lines without end are cut at 16 kB of headers', async () => {
    const d = await evil({ kind: 'http-endless-headers' });
    const { error, ms } = await failure(send.http.run(target(d, 20_000)));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `headers of the reply to GET /api/summary from http://127.0.0.1:${d.port}/api/summary larger than 16384 bytes`,
    );
    expect(ms).toBeLessThan(10_000);
    expect(d.bytesWritten()).toBeLessThan(40 * MB);
  });

  it('btminer-v3: a frame declaring 4 GB is refused at its 4-byte header, not waited for or allocated', async () => {
    const d = await evil({ kind: 'v3-frame', length: 0xffffffff });
    const { error, ms } = await failure(send['btminer-v3'].run(target(d, 20_000)));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `reply to "get.device.info" from 127.0.0.1:${d.port} declares a frame of 4294967295 bytes, more than the ${MB} an API v3 reply may have`,
    );
    expect(ms).toBeLessThan(10_000);
  });
});

describe('a device that trickles one byte every 100 ms forever is cut at the per-request deadline', () => {
  it.each(ALL)('%s', async (transport) => {
    const d = await evil({ kind: 'trickle', reply: framed(transport), everyMs: 100 });
    const { error, ms } = await failure(send[transport].run(target(d, 800)));
    expect(error.kind).toBe('timeout');
    const where = transport === 'http' ? `http://127.0.0.1:${d.port}/api/summary` : `127.0.0.1:${d.port}`;
    expect(error.message).toMatch(
      new RegExp(`^reply to ${escape(send[transport].label)} from ${escape(where)} incomplete after 800 ms \\((\\d) bytes received\\)$`),
    );
    const bytes = Number(/\((\d) bytes/.exec(error.message)![1]);
    expect(bytes).toBeGreaterThanOrEqual(3);
    expect(ms).toBeGreaterThanOrEqual(790);
    expect(ms).toBeLessThan(5000); // bounded: the device would go on for ever
  });
});

describe('a reset mid-reply is "reset after N bytes", not "connection refused"', () => {
  it.each(ALL)('%s', async (transport) => {
    const d = await evil({ kind: 'reset', reply: framed(transport), afterBytes: 312 });
    const { error } = await failure(send[transport].run(target(d)));
    expect(error.kind).toBe('reset');
    const where = transport === 'http' ? `http://127.0.0.1:${d.port}/api/summary` : `127.0.0.1:${d.port}`;
    expect(error.message).toBe(`connection reset by ${where} after 312 bytes of the reply to ${send[transport].label}`);
  });
});

describe('a device that closes without a byte says so', () => {
  it.each(ALL)('%s', async (transport) => {
    const d = await evil({ kind: 'close' });
    const { error } = await failure(send[transport].run(target(d)));
    expect(error.kind).toBe('closed');
    const where = transport === 'http' ? `http://127.0.0.1:${d.port}/api/summary` : `127.0.0.1:${d.port}`;
    expect(error.message).toBe(`${where} closed the connection without replying to ${send[transport].label}`);
  });
});

describe('bytes that are not a reply are "garbage" with a short safe snippet', () => {
  it.each(STREAMS)('%s', async (transport) => {
    const d = await evil({ kind: 'garbage' });
    const { error } = await failure(send[transport].run(target(d)));
    expect(error.kind).toBe('garbage');
    expect(error.message).toMatch(new RegExp(`^reply to ${escape(send[transport].label)} from 127\\.0\\.0\\.1:${d.port} is not JSON: "`));
    expect(error.message).not.toMatch(/[\u0000-\u001f]/); // control bytes never reach a log line
  });

  it('http', async () => {
    const d = await evil({ kind: 'garbage' });
    const { error } = await failure(send.http.run(target(d)));
    expect(error.kind).toBe('garbage');
    expect(error.message).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${d.port}/api/summary answered GET /api/summary with bytes that are not HTTP \\(HPE_`),
    );
    expect(error.message).toMatch(/; starts "[^"]+"\)$/); // what it sent, blanked of control bytes
  });
});

describe('a slow but valid device is read when each reply comes within the timeout', () => {
  it.each(STREAMS)('%s', async (transport) => {
    const body = transport === 'cgminer' ? `${STATS}\u0000` : '{"id":0,"result":["PM 6.2c","1",""],"error":null}';
    const d = await evil({ kind: 'slow', delayMs: 500, respond: () => body });
    await expect(send[transport].run(target(d, 1500))).resolves.toBeTruthy();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
