/**
 * Evil devices for the tests of issue 12: cgminer-protocol TCP servers on loopback (one connection per
 * request, the reply ends at the server's close) that answer as a Whatsminer whose summary carries the
 * values a test gives, written into the JSON text as is (so -5e6, 1e303, "NaN" or 100,000 levels of
 * nesting reach the driver exactly as a broken device would send them).
 */
import { createServer, type Server, type Socket } from 'node:net';

/** The raw JSON text of each summary field, e.g. { 'MHS 1m': '-5e6', Power: '"nan"' }. */
export type RawFields = Record<string, string>;

/** A normal M30S-like summary (88 TH/s, 3,344 W): the fields an evil device then overrides. */
export const SANE_SUMMARY: RawFields = {
  Elapsed: '86400',
  'MHS av': '88000000',
  'MHS 1m': '88000000',
  'Factory GHS': '88000',
  Power: '3344',
  'Chip Temp Max': '78',
  Temperature: '70',
  'Fan Speed In': '5400',
  'Fan Speed Out': '5300',
  'Hardware Errors': '3',
};

/** A whole Whatsminer summary reply with `fields` written as raw JSON values. */
export function whatsminerSummary(fields: RawFields): string {
  const row = Object.entries({ ...SANE_SUMMARY, ...fields })
    .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
    .join(',');
  return `{"STATUS":[{"STATUS":"S","When":1700000000,"Code":11,"Msg":"Summary","Description":"btminer"}],"SUMMARY":[{${row}}],"id":1}`;
}

/** An array nested `depth` levels deep: "[[[...]]]". */
export const nestedReply = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const INVALID = '{"STATUS":[{"STATUS":"E","When":1700000000,"Code":14,"Msg":"invalid cmd","Description":"btminer"}],"id":1}';

/** A running evil device. */
export interface EvilDevice {
  address: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `summary` to the summary command at address:port; every other command (devdetails, edevs, pools,
 * status) gets STATUS E, which the driver treats as an optional command the firmware lacks. With `all`,
 * every command gets `summary`'s text (a device that sends the same garbage whatever it is asked).
 */
export function startEvilWhatsminer(address: string, port: number, summary: string, opts: { all?: boolean } = {}): Promise<EvilDevice> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let request = '';
    socket.on('data', (chunk) => {
      request += chunk.toString('utf8');
      let command: unknown;
      try {
        const parsed = JSON.parse(request) as { command?: unknown; cmd?: unknown };
        command = parsed.command ?? parsed.cmd;
      } catch {
        return; // not all of the request yet
      }
      socket.end(`${opts.all || command === 'summary' ? summary : INVALID}\0`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () =>
      resolve({
        address,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
