/**
 * A throwaway self-signed certificate for a test's own HTTPS server (openssl, as the HTTPS tests of the
 * web server use): the test trusts it by handing it to the code under test as its CA, never by turning
 * certificate checks off.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tempDir } from './temp';

export interface SelfSigned {
  key: string;
  cert: string;
}

/** A P-256 key and a one-day certificate valid for `names` (DNS names). */
export function selfSignedCert(names: readonly string[]): SelfSigned {
  const dir = tempDir('hashwatt-cert-');
  try {
    const key = `${dir.dir}/key.pem`;
    const cert = `${dir.dir}/cert.pem`;
    const san = `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`;
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        san,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    dir.cleanup();
  }
}
