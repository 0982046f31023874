/** The address people open for a server listening on `host` (null: every interface). Pure. */

/** `http://localhost:3000` for every interface or loopback; else the listen address itself (IPv6 bracketed). */
export function openUrl(tls: boolean, host: string | null, port: number): string {
  const scheme = tls ? 'https' : 'http';
  const local = host === null || host === '0.0.0.0' || host === '::' || host === 'localhost';
  const shown = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shown}:${port}`;
}

/** How the start-up lines name the listen address: `0.0.0.0` (every interface) or the address. */
export function listenLabel(host: string | null): string {
  return host ?? '0.0.0.0';
}
