/** Plain node:http replies the gate sends before Next.js sees a request: JSON errors, redirects, a short page. */
import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** 303 See Other to a same-site path. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal dark page for refusals a browser shows (kiosk link revoked, role too low, database unavailable). */
export function sendPage(res: ServerResponse, status: number, title: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(title)} · Hashwatt</title></head>` +
      `<body style="background:#0a0e14;color:#e6edf3;font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0">` +
      `<main style="max-width:32rem;padding:1.5rem"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
      `<p><a style="color:#58a6ff" href="/">Overview</a> · <a style="color:#58a6ff" href="/login">Sign in</a></p></main></body></html>`,
  );
}

/** The body of a small request (login form or JSON), refusing more than `maxBytes`. */
export function readSmallBody(req: import('node:http').IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`the body is larger than ${maxBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
