// Makes sure the browser tests have a Chromium: CHROME_PATH, then /usr/bin/chromium; when neither exists,
// installs Debian's chromium if running as root, otherwise stops with a one-line instruction.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
if (candidates.some((p) => existsSync(p))) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error('tests: no Chromium found; install it with `sudo apt-get install -y chromium` or set CHROME_PATH');
  process.exit(1);
}
console.log('tests: installing Debian chromium for the browser tests (apt-get)...');
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('tests: apt-get could not install chromium; install it by hand or set CHROME_PATH');
  process.exit(1);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('tests: chromium was installed but /usr/bin/chromium is missing; set CHROME_PATH');
  process.exit(1);
}
