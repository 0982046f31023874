/**
 * What an operator types to name a device: "10.0.0.5", "10.0.0.5:4028", "[fe80::1]:4028", "miner-7.lan" or
 * "http://10.0.0.5:8080". Pure; a malformed spec gets a message that says what is wrong.
 */

/** A parsed device spec; port null means "try the usual ports". */
export type DeviceSpec = { protocol: 'tcp'; host: string; port: number | null } | { protocol: 'http'; host: string; port: number };

const HOST_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,62})(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}))*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function checkPort(raw: string, input: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`"${input}": port ${JSON.stringify(raw)} is not a number from 1 to 65535`);
  }
  return port;
}

function checkHost(host: string, input: string): string {
  const v4 = IPV4.exec(host);
  if (v4) {
    if (v4.slice(1).some((o) => Number(o) > 255)) throw new Error(`"${input}": ${host} is not an IPv4 address (octet above 255)`);
    return host;
  }
  if (host.includes(':')) {
    if (!/^[0-9a-fA-F:.]+$/.test(host)) throw new Error(`"${input}": ${host} is not an IPv6 address`);
    return host;
  }
  if (!HOST_NAME.test(host)) throw new Error(`"${input}": ${JSON.stringify(host)} is not a host name or address`);
  return host;
}

/** Parses a device spec or throws an Error naming the problem. */
export function parseDeviceSpec(input: string): DeviceSpec {
  const s = input.trim();
  if (s === '') throw new Error('no device given: expected host[:port] or http://host:port');
  if (/^https:\/\//i.test(s)) throw new Error(`"${input}": miners serve plain HTTP; use http://`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^http:\/\//i.test(s)) {
    throw new Error(`"${input}": only http:// URLs or host[:port] are understood`);
  }
  if (/^http:\/\//i.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new Error(`"${input}" is not a valid URL`);
    }
    if (url.pathname !== '/' && url.pathname !== '') throw new Error(`"${input}": give the device's base URL without a path`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return { protocol: 'http', host: checkHost(host, input), port: url.port ? checkPort(url.port, input) : 80 };
  }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(s);
  if (bracketed) {
    return {
      protocol: 'tcp',
      host: checkHost(bracketed[1], input),
      port: bracketed[2] === undefined ? null : checkPort(bracketed[2], input),
    };
  }
  const colons = (s.match(/:/g) ?? []).length;
  if (colons > 1) return { protocol: 'tcp', host: checkHost(s, input), port: null }; // bare IPv6
  const [host, port] = s.split(':');
  return { protocol: 'tcp', host: checkHost(host, input), port: port === undefined ? null : checkPort(port, input) };
}

/** "10.0.0.5:4028", "[::1]:4028" or "http://10.0.0.5:8080" for messages and tables. */
export function formatEndpoint(protocol: 'tcp' | 'http', host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return protocol === 'http' ? `http://${h}:${port}` : `${h}:${port}`;
}
