/**
 * The email channel against a real SMTP server (smtp-server from npm) on 127.0.116.3: the message arrives
 * with its subject, body and alert-id header; credentials are checked; SMTP 4xx/5xx and a dead server are
 * classified; TLS is required unless the channel allows plain text (most servers here offer no STARTTLS,
 * so those channels set allowPlaintext).
 */
import net, { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotifyError, createChannel, type ChannelConfigInput } from '../../../lib/notify';
import { SMTP_REPLY_MAX_BYTES } from '../../../lib/notify/channels/email';
import { notifyNet } from '../../../lib/notify/net';
import { parsePrivateHosts } from '../../../lib/net/outbound-policy';
import { FIRING, RESOLVED, group, single } from '../../unit/notify/fixtures';

const HOST = '127.0.116.3';
/** The SMTP server is reached as an operator's LAN relay: its address listed in HASHWATT_NOTIFY_PRIVATE_HOSTS. */
const LAN = { net: notifyNet(parsePrivateHosts(HOST)) };

interface Received {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

async function startSmtp(
  options: Partial<SMTPServerOptions> = {},
): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded text/plain body of a raw single-part message (quoted-printable or base64). */
function textBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1].toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes).replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

function header(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1];
}

async function failure(config: ChannelConfigInput): Promise<NotifyError> {
  const err = await createChannel(config, LAN)
    .send(single())
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(NotifyError);
  return err as NotifyError;
}

const base = {
  kind: 'email' as const,
  host: HOST,
  allowPlaintext: true,
  from: 'rigs@hashwatt.test',
  to: ['ops@hashwatt.test', 'night@hashwatt.test'],
};

describe('email over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp({
      onAuth(auth, _session, callback) {
        if (auth.username === 'rigs' && auth.password === 'hunter22') callback(null, { user: 'rigs' });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('full@'))
          return callback(Object.assign(new Error('Mailbox full, try later'), { responseCode: 452 }));
        if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
        callback();
      },
    });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers subject, text body and the alert ids to every recipient', async () => {
    await createChannel({ ...base, port: smtp.port }, LAN).send(group([FIRING, RESOLVED]));
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.from).toBe('rigs@hashwatt.test');
    expect(mail.to).toEqual(['ops@hashwatt.test', 'night@hashwatt.test']);
    expect(header(mail.raw, 'Subject')).toBe('[1 FIRING, 1 RESOLVED] North Barn: 2 alerts');
    expect(header(mail.raw, 'X-Hashwatt-Alert-Id')).toBe('a-101,a-102');
    const text = textBody(mail.raw);
    expect(text).toContain('FIRING · warning · S19-07 · unprofitable-rig\nS19-07 is losing money\nprofit -0.012/kWh below margin 0/kWh');
    expect(text).toContain('resolved 2024-07-01 05:20 UTC after 20 min');
  });

  it('logs in with the configured credentials', async () => {
    const before = smtp.received.length;
    await createChannel({ ...base, port: smtp.port, auth: { user: 'rigs', pass: 'hunter22' } }, LAN).send(single());
    expect(smtp.received[before].user).toBe('rigs');
  });

  it('wrong credentials are not retryable', async () => {
    const err = await failure({ ...base, port: smtp.port, auth: { user: 'rigs', pass: 'wrong' } });
    expect([err.retryable, err.status]).toEqual([false, 535]);
    expect(err.message).toBe(`email channel: ${HOST}:${smtp.port} replied 535 (EAUTH)`);
  });

  it("a transient 4xx reply is retryable, a permanent 5xx is not; the server's text is not quoted", async () => {
    const full = await failure({ ...base, port: smtp.port, to: ['full@hashwatt.test'] });
    expect([full.retryable, full.status]).toEqual([true, 452]);
    expect(full.message).toBe(`email channel: ${HOST}:${smtp.port} replied 452 (EENVELOPE)`);
    const unknown = await failure({ ...base, port: smtp.port, to: ['nobody@hashwatt.test'] });
    expect([unknown.retryable, unknown.status]).toEqual([false, 550]);
  });
});

describe('email server down', () => {
  it('connection refused is retryable', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    const err = await failure({ ...base, port, timeoutMs: 2_000 });
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    expect(err.message).toBe(`email channel: ${HOST}:${port} failed (ECONNREFUSED)`);
  });
});

describe('email server silent', () => {
  // A TCP listener that accepts and never sends the SMTP greeting.
  let silent: net.Server;
  let port: number;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, HOST, () => resolve()));
    port = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('no greeting within the timeout is retryable', async () => {
    const started = Date.now();
    const err = await failure({ ...base, port, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    expect(err.message).toMatch(/^email channel: 127\.0\.116\.3:\d+ failed \(ETIMEDOUT\)/);
  });

  it("the caller's abort signal cancels a send, retryable", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await createChannel({ ...base, port, timeoutMs: 10_000 }, LAN)
      .send(single(), controller.signal)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(NotifyError);
    expect((err as NotifyError).retryable).toBe(true);
    expect((err as NotifyError).message).toBe(`email channel: sending to ${HOST}:${port} was cancelled`);
  });
});

describe('email server that talks without end', () => {
  // Accepts, then sends a greeting that never ends, as fast as the client reads: continuation lines of a
  // kilobyte each ("220-..."), so no single line is too long (nodemailer 10 refuses an overlong line
  // itself, EPROTOCOL) and only the byte cap of the whole exchange stops it.
  let flood: net.Server;
  let port: number;
  let sentBytes = 0;
  beforeAll(async () => {
    flood = net.createServer((socket) => {
      socket.on('error', () => {});
      const chunk = Buffer.from(`220-${'x'.repeat(1018)}\r\n`.repeat(64));
      const more = () => {
        while (!socket.destroyed && socket.write(chunk)) sentBytes += chunk.length;
      };
      socket.on('drain', more);
      more();
    });
    await new Promise<void>((resolve) => flood.listen(0, HOST, () => resolve()));
    port = (flood.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => flood.close(() => resolve()));
  });

  it('is cut at the reply cap, retryable, long before its timeout', async () => {
    const started = Date.now();
    const err = await failure({ ...base, port, timeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    // nodemailer 10 refuses an oversized reply itself (EPROTOCOL); our byte cap stops what it would not.
    // Either way the send ends at once, retryable, without holding the flood.
    expect(err.retryable).toBe(true);
    expect([
      `email channel: ${HOST}:${port} sent more than ${SMTP_REPLY_MAX_BYTES} bytes; connection dropped`,
      `email channel: ${HOST}:${port} failed (EPROTOCOL)`,
    ]).toContain(err.message);
    // What the server managed to push into socket buffers past the cap is small next to a flood's size.
    expect(sentBytes).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('where email may go', () => {
  it('an SMTP host on an address the operator did not list is refused before connecting, for good', async () => {
    const err = await createChannel({ ...base, host: '127.0.116.9', port: 25 }, { net: notifyNet() })
      .send(single())
      .then(
        () => null,
        (e: unknown) => e as NotifyError,
      );
    expect([err?.retryable, err?.message]).toEqual([
      false,
      'email channel: not sent to 127.0.116.9:25: 127.0.116.9 is a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS (host names, addresses or ranges, comma separated)',
    ]);
  });
});

describe('TLS', () => {
  it('a server without STARTTLS is refused by default: nothing is sent, no password crosses, the error says why', async () => {
    const logins: string[] = [];
    const smtp = await startSmtp({
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        callback(null, { user: auth.username });
      },
    });
    try {
      const { allowPlaintext: _off, ...strict } = base;
      const err = await failure({ ...strict, port: smtp.port, auth: { user: 'rigs', pass: 'hunter22' } });
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(
        new RegExp(
          `^email channel: ${HOST.replaceAll('.', '\\.')}:${smtp.port} could not start TLS; this channel sends only over TLS \\(allowPlaintext sends in clear text, for a trusted network only\\)$`,
        ),
      );
      expect(smtp.received).toEqual([]);
      expect(logins).toEqual([]);
      // An earlier version's stored config (requireTls: false, then the default) is refused the same way.
      const legacy = await failure({ ...strict, port: smtp.port, requireTls: false } as ChannelConfigInput);
      expect(legacy.message).toContain('could not start TLS');
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('the same server is used, password included, once the channel allows plain text', async () => {
    const logins: string[] = [];
    const smtp = await startSmtp({
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        callback(null, { user: auth.username });
      },
    });
    try {
      await createChannel({ ...base, allowPlaintext: true, port: smtp.port, auth: { user: 'rigs', pass: 'hunter22' } }, LAN).send(single());
      expect(smtp.received).toHaveLength(1);
      expect(logins).toEqual(['rigs:hunter22']);
    } finally {
      await smtp.close();
    }
  });

  it('a server offering STARTTLS with a certificate nobody vouches for is refused, never fallen back to plain text', async () => {
    // smtp-server's built-in self-signed certificate for localhost.
    const smtp = await startSmtp({ disabledCommands: [] });
    try {
      const { allowPlaintext: _off, ...strict } = base;
      const err = await failure({ ...strict, port: smtp.port });
      // Certificates get renewed: this one is retried, and fails the same way until it is. The server's
      // words are not quoted in the message; the cause keeps the TLS error.
      expect(err.message).toBe(`email channel: ${HOST}:${smtp.port} failed (ESOCKET)`);
      expect(String((err.cause as Error).message)).toMatch(/certificate/);
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
