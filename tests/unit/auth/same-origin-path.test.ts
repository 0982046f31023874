/**
 * Redirect targets after sign-in and after a kiosk link: every known trick to leave the site is refused,
 * and whatever is kept resolves, the way a browser resolves a Location header, onto the site's own origin.
 */
import { describe, expect, it } from 'vitest';
import { parseLoginBody, safeNext } from '../../../lib/auth/login-input';
import { sameOriginPath } from '../../../lib/auth/same-origin-path';

const SITE = 'https://mine.example.com';
/** Where a browser on SITE goes for this Location (WHATWG URL parsing, which strips tabs and newlines). */
const browserTarget = (location: string) => new URL(location, SITE);

const TRICKS: [string, string][] = [
  ['/%09/evil', 'an encoded tab: the form decodes it, the browser strips it, //evil remains'],
  ['/\t/evil', 'a raw tab'],
  ['/\n/evil', 'a raw newline'],
  ['/\r\n/evil', 'raw CR LF (also header injection)'],
  ['/%0d%0aSet-Cookie:x=1', 'encoded CR LF'],
  ['/%0A/evil', 'an encoded LF'],
  ['/%00/evil', 'an encoded NUL'],
  ['/%7f/evil', 'an encoded DEL'],
  ['/\u0001/evil', 'another C0 control'],
  ['//evil', 'protocol-relative'],
  ['//evil.example/x', 'protocol-relative with a path'],
  ['/\\evil', 'a backslash (read as a slash)'],
  ['/\\\\evil', 'two backslashes'],
  ['/%5cevil', 'an encoded backslash'],
  ['/.//evil/x', 'a dot segment that leaves //evil'],
  ['/./\\evil', 'a dot segment and a backslash'],
  ['/x/..//evil', 'a parent segment that leaves //evil'],
  ['/%2F%2Fevil', 'encoded slashes'],
  ['/%2f/evil', 'an encoded slash after the first'],
  ['https://evil', 'an absolute URL'],
  ['HTTPS://evil', 'an absolute URL in capitals'],
  ['javascript:alert(1)', 'a script URL'],
  ['http:/evil', 'a scheme with one slash'],
  ['evil', 'a relative path'],
  ['', 'nothing'],
  [`/${'a'.repeat(2048)}`, 'longer than 2048 characters'],
];

describe('sameOriginPath', () => {
  it.each(TRICKS)('refuses %j (%s)', (raw) => {
    expect(sameOriginPath(raw)).toBeNull();
  });

  it('keeps same-site paths with their query and fragment, normalised as a browser would', () => {
    expect(sameOriginPath('/rigs?state=online')).toBe('/rigs?state=online');
    expect(sameOriginPath('/rigs/12#history')).toBe('/rigs/12#history');
    expect(sameOriginPath('/a/./b/../c')).toBe('/a/c');
    expect(sameOriginPath('/wall?site=North%20hall')).toBe('/wall?site=North%20hall');
    expect(sameOriginPath('/')).toBe('/');
  });

  it('never keeps a target that a browser resolves off the site', () => {
    const candidates = [...TRICKS.map(([raw]) => raw), '/rigs', '/x?next=//evil', '/%2e%2e/evil', '/..//evil', '/%2e/%2fevil'];
    for (const raw of candidates) {
      const kept = sameOriginPath(raw);
      if (kept !== null) expect(browserTarget(kept).origin, raw).toBe(SITE);
    }
  });
});

describe('the sign-in target (next)', () => {
  it('falls back to the overview for every trick, sent as JSON or decoded from the form', () => {
    for (const [raw] of TRICKS) {
      expect(safeNext(raw), raw).toBe('/');
      const form = parseLoginBody('application/x-www-form-urlencoded', `name=ann&password=pw&next=${encodeURIComponent(raw)}`);
      expect(form, raw).toMatchObject({ next: '/' });
    }
    // The form posted as the login page escapes it: next=/%09/evil arrives as "/\t/evil".
    expect(parseLoginBody('application/x-www-form-urlencoded', 'name=ann&password=pw&next=/%09/evil')).toMatchObject({ next: '/' });
    expect(parseLoginBody('application/x-www-form-urlencoded', 'name=ann&password=pw&next=/%2509/evil')).toMatchObject({ next: '/' });
  });

  it('never returns to the login page or an API route, also through dot segments', () => {
    for (const raw of ['/login', '/login?next=/x', '/./login', '/x/../api/users', '/api/rigs']) expect(safeNext(raw), raw).toBe('/');
    expect(safeNext('/rigs?site=2')).toBe('/rigs?site=2');
    expect(safeNext(42)).toBe('/');
  });
});
