/**
 * A loopback HTTP server standing in for the webhook, ntfy, Telegram, Slack and Discord APIs: it records
 * every request and answers by path: /status/<code> with that status, /slack-limited (429 + Retry-After:
 * 7), /discord-limited (429 + {retry_after: 1.5}), /telegram-limited (429 + parameters.retry_after 3),
 * /hang (never answers), /endless/<code> (that status and a body that never ends), anything else 200
 * (204 under /discord).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Listens on `host` (and `port`, default any free one: pass a closed receiver's port to bring it back). */
export async function startReceiver(host: string, port = 0): Promise<Receiver> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(path, res, hanging);
    });
  });
  await new Promise<void>((resolve) => server.listen({ host, port }, resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://${host}:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(path: string, res: http.ServerResponse, hanging: Set<http.ServerResponse>): void {
  const status = /^\/status\/(\d{3})/.exec(path);
  if (status) {
    res.writeHead(Number(status[1]), { 'Content-Type': 'text/plain' }).end(`  receiver says\n  ${status[1]} boom  `);
  } else if (path.startsWith('/slack-limited')) {
    res.writeHead(429, { 'Retry-After': '7', 'Content-Type': 'text/plain' }).end('rate_limited');
  } else if (path.startsWith('/discord-limited')) {
    res
      .writeHead(429, { 'Content-Type': 'application/json' })
      .end('{"message":"You are being rate limited.","retry_after":1.5,"global":false}');
  } else if (path.startsWith('/telegram-limited')) {
    res
      .writeHead(429, { 'Content-Type': 'application/json' })
      .end('{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}');
  } else if (path.startsWith('/hang')) {
    hanging.add(res);
  } else if (path.startsWith('/endless/')) {
    endless(res, Number(path.slice('/endless/'.length, '/endless/'.length + 3)), hanging);
  } else if (path.startsWith('/discord')) {
    res.writeHead(204).end();
  } else {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  }
}

/** `status` and 64 KiB chunks for as long as the client reads them. */
function endless(res: http.ServerResponse, status: number, hanging: Set<http.ServerResponse>): void {
  hanging.add(res);
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'reply bytes, ');
  const more = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', more);
  res.on('close', () => hanging.delete(res));
  more();
}

/** A loopback address and port with nothing listening (bound once, then closed). */
export async function deadEndpoint(host: string): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen({ host, port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://${host}:${port}`;
}
