import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';

/** The Chromium the browser tests drive: CHROME_PATH, then Debian's /usr/bin/chromium. Never a download. */
export function chromiumPath(): string {
  const found = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('no Chromium: run `npm test` (it installs Debian chromium as root) or set CHROME_PATH');
  return found;
}

/** The flags this network needs: headless, and no background connections of Chromium's own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Launches headless Chromium with those flags. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, '--no-first-run', '--disable-quic'],
  });
}
