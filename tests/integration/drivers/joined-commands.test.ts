/**
 * cgminer joined commands ("summary+version+estats+devs+pools" on one connection) and their fallback, against
 * loopback devices on 127.0.0.1 (ephemeral ports) that answer from the Avalon captures: one that answers the
 * joined form as the capture shows, and old or evil ones that refuse it (Invalid command, a close without a
 * byte, garbage, a plain single reply): the poll still succeeds, command by command. A device gone silent
 * is not asked again command by command: the poll fails within one timeout. Also the stock Antminer's
 * three connections (stats, summary, pools) and its reading equal to the one with version.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { antminerDriver } from '../../../collectors/drivers/antminer';
import { parseAntminer } from '../../../collectors/drivers/antminer/parse';
import { avalonDriver } from '../../../collectors/drivers/avalon';
import { cgminerJoined } from '../../../collectors/drivers/cgminer-tcp/joined';
import { DeviceError, type PollTarget } from '../../../collectors/drivers/types';
import { fixtureBody, fixtureText } from '../../support/driver-fixtures';

const JOINED = 'summary+version+estats+devs+pools';
const INVALID = '{"STATUS":[{"STATUS":"E","When":986,"Code":14,"Msg":"Invalid command","Description":"cgminer 4.11.1"}],"id":1}';
const capture = JSON.parse(fixtureText('avalon-1047-pools+summary+stats.json')) as Record<string, unknown[]>;
/** Single replies of an A1566 (summary from the joined capture: no A1566 summary capture exists). */
const SINGLE: Record<string, string> = {
  summary: JSON.stringify(capture.summary[0]),
  version: fixtureText('avalon-a1566-version.json'),
  estats: fixtureText('avalon-a1566-estats.json'),
  stats: fixtureText('avalon-a1566-stats.json'),
  devs: fixtureText('avalon-a1566-devs.json'),
  pools: fixtureText('avalon-a1566-pools.json'),
};

/** What the device does with a joined request: a reply text, close without a byte, or say nothing. */
type JoinedAnswer = string | 'close' | 'silent';

/** A joined reply as cgminer builds it: each part a one-element array holding the full reply, in request order. */
function joinedReply(command: string, known: Record<string, string>): string {
  const parts = command.split('+').map((c) => `"${c}":[${known[c] ?? INVALID}]`);
  return `{${parts.join(',')},"id":1}`;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A loopback device: single commands from `single`, joined ones as `joined` says; records every command. */
async function device(joined: (command: string) => JoinedAnswer, single: Record<string, string> = SINGLE) {
  const requests: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      const command = String((JSON.parse(chunk.toString('utf8')) as { command: string }).command);
      requests.push(command);
      const answer = command.includes('+') ? joined(command) : (single[command] ?? INVALID);
      if (answer === 'silent') return;
      if (answer === 'close') socket.end();
      else socket.end(`${answer}\u0000`);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const target: PollTarget = { address: '127.0.0.1', port: (server.address() as { port: number }).port, timeoutMs: 400 };
  return { target, requests };
}

/** The reading every path below must give: the A1566 captures. */
const EXPECTED = { driver: 'avalon', make: 'Canaan', model: 'Avalon A1566', powerW: 3731 };

describe('avalon: joined commands on one connection', () => {
  it('a device that answers the joined form: one request, the full reading', async () => {
    const d = await device((command) => joinedReply(command, SINGLE));
    const r = await avalonDriver.poll(d.target);
    expect(d.requests).toEqual([JOINED]);
    expect(r).toMatchObject(EXPECTED);
    expect(r.hashrateThs).toBeCloseTo(28134393.97 / 1e6, 9); // summary "MHS 1m" of the served summary
    expect(r.boards).toHaveLength(3); // from the estats part
    expect(r.pools.length).toBeGreaterThan(0); // from the pools part
  });

  it('the joined parts are keyed by command, each part its own reply (the capture shape)', async () => {
    const d = await device((command) => joinedReply(command, SINGLE));
    const outcome = await cgminerJoined(d.target, ['summary', 'pools']);
    expect(outcome.kind).toBe('answered');
    if (outcome.kind !== 'answered') return;
    expect(Object.keys(outcome.parts)).toEqual(['summary', 'pools']);
    expect(outcome.parts.summary).toMatchObject({ SUMMARY: [expect.objectContaining({ 'MHS 1m': 28134393.97 })] });
  });

  it('joined-capable firmware without estats: that part says Invalid command, stats is asked alone', async () => {
    const { estats: _none, ...withoutEstats } = SINGLE;
    const d = await device((command) => joinedReply(command, withoutEstats), withoutEstats);
    const r = await avalonDriver.poll(d.target);
    expect(d.requests).toEqual([JOINED, 'stats']);
    expect(r).toMatchObject(EXPECTED);
    expect(r.expectedHashrateThs).toBeCloseTo(201920.42 / 1000, 9); // GHSmm of the stats capture
  });
});

describe('avalon: a device that refuses joined commands is read command by command', () => {
  const separately = [JOINED, 'summary', 'version', 'estats', 'devs', 'pools'];
  it.each<[string, JoinedAnswer]>([
    ['STATUS E Invalid command (firmware without joins)', INVALID],
    ['a close without a byte', 'close'],
    ['garbage', 'not json at all \u0001\u0002'],
    ['a plain single reply instead of the keyed parts', SINGLE.summary],
  ])('%s', async (_label, answer) => {
    const d = await device(() => answer);
    const r = await avalonDriver.poll(d.target);
    expect(d.requests).toEqual(separately);
    expect(r).toMatchObject(EXPECTED);
    expect(r.hashrateThs).toBeCloseTo(28134393.97 / 1e6, 9);
  });

  it('the refusal is reported, not thrown, so the caller can fall back', async () => {
    const d = await device(() => INVALID);
    const outcome = await cgminerJoined(d.target, ['summary', 'pools']);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect([outcome.reason.kind, outcome.reason.message]).toEqual(['api-error', 'Invalid command (code 14)']);
  });

  it('a device that stays silent on the joined request fails the poll within one timeout, not one per command', async () => {
    const d = await device(() => 'silent');
    const started = Date.now();
    const err = await avalonDriver.poll(d.target).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe('timeout');
    expect(d.requests).toEqual([JOINED]);
    expect(Date.now() - started).toBeLessThan(2000); // 400 ms timeout; five more would be 2.4 s
  });
});

describe('antminer: three connections, the reading of four', () => {
  const STOCK: Array<[string, string, string]> = [
    ['S19 Pro', 'antminer-s19pro-version.json', 'antminer-s19pro-stats.json'],
    ['S9 bmminer', 'antminer-s9-bmminer-version.json', 'antminer-s9-bmminer-stats.json'],
    ['mskminer S19', 'mskminer-s19-version.json', 'mskminer-s19-stats.json'],
    ['Hiveon S9', 'hiveon-s9-version.json', 'hiveon-s9-stats.json'],
    ['asicseer S9', 'asicseer-s9-version.json', 'asicseer-s9-stats.json'],
  ];

  it.each(STOCK)('%s: stats alone gives the same reading as version + stats', (_label, version, stats) => {
    const withVersion = parseAntminer({ version: fixtureBody(version), stats: fixtureBody(stats) });
    const statsOnly = parseAntminer({ stats: fixtureBody(stats) });
    expect(statsOnly).toEqual(withVersion);
    expect(statsOnly.model).toMatch(/^Antminer /);
  });

  it('a poll is stats, summary, pools; version only when STATS[0] does not name the miner', async () => {
    const stats = fixtureBody('antminer-s19pro-stats.json') as { STATS: object[] };
    const anonymous = JSON.stringify({ ...stats, STATS: [{ Miner: '49.0.1.3' }, stats.STATS[1]] });
    const named = await device(() => INVALID, { stats: fixtureText('antminer-s19pro-stats.json') });
    const bare = await device(() => INVALID, { stats: anonymous, version: fixtureText('antminer-s19pro-version.json') });
    const r1 = await antminerDriver.poll(named.target);
    const r2 = await antminerDriver.poll(bare.target);
    expect(named.requests).toEqual(['stats', 'summary', 'pools']);
    expect(bare.requests).toEqual(['stats', 'summary', 'pools', 'version']);
    expect(r1.model).toBe('Antminer S19 Pro');
    expect(r2.model).toBe('Antminer S19 Pro'); // from the version asked for
  });
});
