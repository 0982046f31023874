// Makes sure the /metrics end-to-end test has a Prometheus and promtool: PROMETHEUS_PATH and PROMTOOL_PATH,
// else /usr/bin/prometheus and /usr/bin/promtool (Debian's `prometheus` package ships both). When missing,
// installs the package if running as root, otherwise stops with a one-line instruction. The test starts
// its own Prometheus on a loopback port with a temporary config and data folder; the packaged service is
// never run: a policy-rc.d keeps apt from starting it while it installs.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

const prometheus = process.env.PROMETHEUS_PATH || '/usr/bin/prometheus';
const promtool = process.env.PROMTOOL_PATH || '/usr/bin/promtool';
if (existsSync(prometheus) && existsSync(promtool)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    'tests: no Prometheus found; install it with `sudo apt-get install -y --no-install-recommends prometheus` (then `sudo systemctl disable --now prometheus`: the tests start their own) or set PROMETHEUS_PATH and PROMTOOL_PATH',
  );
  process.exit(1);
}
console.log('tests: installing Debian prometheus for the /metrics test (apt-get; its service is not started)...');
const POLICY = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(POLICY);
try {
  // Exit code 101: "action forbidden by policy", what invoke-rc.d and deb-systemd-invoke obey.
  if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'prometheus'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('tests: apt-get could not install prometheus; install it by hand or set PROMETHEUS_PATH and PROMTOOL_PATH');
  process.exit(1);
} finally {
  if (ownPolicy) rmSync(POLICY, { force: true });
}
if (!existsSync('/usr/bin/prometheus') || !existsSync('/usr/bin/promtool')) {
  console.error(
    'tests: prometheus was installed but /usr/bin/prometheus or /usr/bin/promtool is missing; set PROMETHEUS_PATH and PROMTOOL_PATH',
  );
  process.exit(1);
}
