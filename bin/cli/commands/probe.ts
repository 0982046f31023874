/**
 * `hashwatt probe <host[:port] | http://host:port>`: identify one device and print its normalized reading.
 * Device trouble is one line on stderr and exit 1 saying what the device did (refused, silent, reset after
 * N bytes, too large, garbage, unrecognised, a failed poll); a malformed argument exits 2.
 */
import { ALL_DRIVERS, getDriver } from '../../../collectors/drivers';
import { probeFailureLine } from '../../../collectors/detect/failure-line';
import { checkedOutcome } from '../../../collectors/drivers/checked-reading';
import { probeDevice } from '../../../collectors/detect/probe-device';
import { formatEndpoint, parseDeviceSpec } from '../../../lib/net/device-spec';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { formatReadingTable } from '../format-reading';
import { secondsFlagMs } from '../seconds-flag';

const USAGE =
  'Usage: hashwatt probe <host[:port] | http://host:port> [--json] [--raw] [--timeout SECONDS] [--driver NAME] [--user NAME --password PASSWORD]';

export const probeCommand = {
  summary: 'Identify one miner or GPU rig and print its normalized reading (--raw adds what it said).',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(
      argv,
      {
        json: { type: 'boolean' },
        raw: { type: 'boolean' },
        timeout: { type: 'string' },
        driver: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new CliError(`probe needs exactly one device. ${USAGE}`);
    let spec;
    try {
      spec = parseDeviceSpec(positionals[0]);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    const timeoutMs = secondsFlagMs('timeout', values.timeout, 5, 0.1, 120);
    let driver;
    if (values.driver !== undefined) {
      try {
        driver = getDriver(values.driver);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if ((spec.protocol === 'http') !== (driver.protocol === 'http')) {
        throw new CliError(
          driver.protocol === 'http'
            ? `driver ${driver.name} speaks HTTP: give the device as http://host:port`
            : `driver ${driver.name} speaks ${driver.protocol} over TCP: give the device as host[:port], not a URL`,
        );
      }
    }
    if ((values.user === undefined) !== (values.password === undefined)) throw new CliError('--user and --password go together');
    const credentials = values.user !== undefined ? { username: values.user, password: values.password! } : null;

    // The collector's verdict: a reading it would refuse as implausible is this probe's error too.
    const result = checkedOutcome(await probeDevice(spec, { timeoutMs, drivers: ALL_DRIVERS, driver, credentials }));
    const { detection, reading, error } = result;
    const endpoint = formatEndpoint(
      detection.protocol === 'http' ? 'http' : 'tcp',
      detection.address,
      detection.port || (spec.port ?? 4028),
    );

    if (values.json) {
      const out = {
        endpoint,
        status: reading ? 'ok' : detection.status === 'recognised' ? 'poll-failed' : detection.status,
        driver: detection.driver?.name ?? null,
        identity: detection.identity,
        reading,
        error: error?.toLine() ?? null,
        ...(values.raw ? { raw: detection.raw } : {}),
      };
      console.log(JSON.stringify(out, null, 2));
    } else {
      if (reading) console.log(formatReadingTable(endpoint, reading));
      if (values.raw) {
        for (const r of detection.raw) console.log(`\n--- ${r.label} (${r.raw.length} bytes) ---\n${r.raw.replace(/\u0000/g, '\\0')}`);
      }
    }
    if (reading) return 0;
    const { line, unrecognised } = probeFailureLine(endpoint, result);
    const hint = values.raw ? 'its raw replies are above' : 'run again with --raw and attach the output to a support request';
    console.error(`hashwatt probe: ${line}${unrecognised ? `; ${hint}` : ''}`);
    return 1;
  },
};
