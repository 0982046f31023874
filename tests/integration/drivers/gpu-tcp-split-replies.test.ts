/**
 * Replies split across TCP segments, with and without the trailing "\n" or NUL, closed or kept open, read
 * by the JSON-RPC, cgminer and HTTP transports from raw loopback servers on 127.0.115.200 (the simulated
 * fleet's own tests are in gpu-tcp-miners-simulator.test.ts).
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonrpcQuery } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { phoenixminerDriver } from '../../../collectors/drivers/phoenixminer';
import { MINER_GETSTAT1 } from '../../../collectors/drivers/phoenixminer/parse';
import { srbminerDriver } from '../../../collectors/drivers/srbminer';
import { teamredminerDriver } from '../../../collectors/drivers/teamredminer';
import { DeviceError } from '../../../collectors/drivers/types';
import { gpuFixtureText } from '../../support/gpu-fixtures';

const RAW_HOST = '127.0.115.200';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const servers: Array<Server | HttpServer> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** Writes `text` in `pieces` segments with a pause between them; then ends, or keeps the socket open. */
async function sendInSegments(socket: Socket, text: string, pieces: number, close: boolean) {
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) {
    socket.write(text.slice(i, i + size));
    await sleep(15);
  }
  if (close) socket.end();
}

/** A TCP server answering each request (once "\n" or a complete JSON has arrived) with reply(request). */
async function rawServer(reply: (socket: Socket, request: string) => Promise<void>): Promise<number> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    let text = '';
    let answered = false;
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (answered) return;
      try {
        JSON.parse(text);
      } catch {
        return;
      }
      answered = true;
      void reply(socket, text.trim());
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, RAW_HOST, () => r()));
  return (server.address() as { port: number }).port;
}

describe('replies split across segments', () => {
  const capture = gpuFixtureText('phoenixminer-miner_getstat1.json').trimEnd(); // ends "}" (the file has "\n")

  it.each([
    ['"\\n", connection kept open', `${capture}\n`, false],
    ['no terminator, then close', capture, true],
    ['NUL, connection kept open', `${capture}\u0000`, false],
    ['"\\n" and junk after the value, kept open', `${capture}\n{"id":1}`, false],
  ])('PhoenixMiner reply with %s', async (_what, text, close) => {
    const requests: string[] = [];
    const port = await rawServer(async (socket, request) => {
      requests.push(request);
      await sendInSegments(socket, text, 7, close);
    });
    const reading = await phoenixminerDriver.poll({ address: RAW_HOST, port, timeoutMs: 3000 });
    expect(requests).toEqual(['{"id":0,"jsonrpc":"2.0","method":"miner_getstat1"}']);
    expect(reading.hashrateThs).toBeCloseTo(237936 / 1e9, 15);
    expect(reading.boards).toHaveLength(8);
  });

  it('a "}" inside a string value split at the brace does not end the reply early', async () => {
    const text = JSON.stringify({
      id: 0,
      jsonrpc: '2.0',
      result: ['PM 6.0 - ETH', '7', '1000;1;0', '500;500', '0;0;0', 'off;off', '60;50;61;51', 'stratum+tcp://a}b:1', '0;0;0;0'],
    });
    const at = text.indexOf('}b');
    const port = await rawServer(async (socket) => {
      socket.write(text.slice(0, at + 1));
      await sleep(40);
      socket.write(`${text.slice(at + 1)}\n`);
    });
    const reading = await phoenixminerDriver.poll({ address: RAW_HOST, port, timeoutMs: 3000 });
    expect(reading.pools[0].url).toBe('stratum+tcp://a}b:1');
  });

  it('half a reply then close is "truncated"; half a reply kept open is a "timeout"', async () => {
    const half = capture.slice(0, 120);
    const closing = await rawServer((socket) => sendInSegments(socket, half, 3, true));
    const open = await rawServer((socket) => sendInSegments(socket, half, 3, false));
    const kinds = await Promise.all(
      [closing, open].map((port) =>
        jsonrpcQuery({ address: RAW_HOST, port, timeoutMs: 500 }, MINER_GETSTAT1, 'miner_getstat1').catch((e: DeviceError) => e.kind),
      ),
    );
    expect(kinds).toEqual(['truncated', 'timeout']);
  });

  it.each([
    ['with the NUL', '\u0000'],
    ['without the NUL', ''],
  ])('TeamRedMiner replies in segments %s', async (_what, nul) => {
    const replies: Record<string, string> = {
      devs: gpuFixtureText('teamredminer-0.3.8-devs.json'),
      pools: gpuFixtureText('teamredminer-0.3.8-pools.json'),
      summary: '{"STATUS":[{"STATUS":"E","When":1,"Code":14,"Msg":"Invalid command","Description":"TeamRedMiner 0.3.8"}],"id":1}',
    };
    const port = await rawServer(async (socket, request) => {
      const command = (JSON.parse(request) as { command: string }).command;
      await sendInSegments(socket, replies[command] + nul, 9, true);
    });
    const reading = await teamredminerDriver.poll({ address: RAW_HOST, port, timeoutMs: 3000 });
    expect(reading.hashrateThs).toBeCloseTo((2.107 + 2.118 + 2.095 + 2.058 + 2.101 + 2.094) / 1e9, 15);
    expect([reading.firmware, reading.algorithm, reading.uptimeS]).toEqual(['TeamRedMiner 0.3.8', 'cnv8', 13887]);
  });

  it('SRBMiner body sent in chunks (chunked transfer encoding)', async () => {
    const body = gpuFixtureText('srbminer-multi-0.1.8-root.json');
    const server = createHttpServer(
      (req, res) =>
        void (async () => {
          res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'application/json' });
          for (let i = 0; i < body.length; i += 200) {
            res.write(body.slice(i, i + 200));
            await sleep(10);
          }
          res.end();
        })(),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, RAW_HOST, () => r()));
    const port = (server.address() as { port: number }).port;
    const reading = await srbminerDriver.poll({ address: RAW_HOST, port, timeoutMs: 3000 });
    expect(reading.hashrateThs).toBeCloseTo(6290860755.620301 / 1e12, 15);
  });
});
