import { describe, expect, it } from 'vitest';
import { openUrl } from '../../lib/web/listen-url';

describe('openUrl', () => {
  it.each([
    [false, null, 3000, 'http://localhost:3000'],
    [true, '0.0.0.0', 443, 'https://localhost:443'],
    [false, '::', 3000, 'http://localhost:3000'],
    [false, '192.168.1.10', 3000, 'http://192.168.1.10:3000'],
    [false, 'fd00::5', 8080, 'http://[fd00::5]:8080'],
  ] as const)('tls %s on %s:%d opens %s', (tls, host, port, url) => {
    expect(openUrl(tls, host, port)).toBe(url);
  });
});
