import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_REPLY_DEPTH,
  nestsDeeperThan,
  parseCgminerReply,
  poolsFromReply,
  repairCgminerJson,
  sectionRows,
} from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { DeviceError } from '../../../collectors/drivers/types';

const FIXTURES = new URL('../../fixtures/asic/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** cgminer servers end a reply with "\0"; no capture kept it, so every case runs with and without. */
const ENDINGS = [
  ['no terminator', ''],
  ['a trailing NUL', '\0'],
  ['NULs and a newline', '\0\0\n'],
] as const;

function deviceError(fn: () => unknown): DeviceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DeviceError) return err;
    throw err;
  }
  throw new Error('expected a DeviceError');
}

describe.each(ENDINGS)('parseCgminerReply with %s', (_label, ending) => {
  it('parses strict JSON without repairs', () => {
    const reply = parseCgminerReply(`{"STATUS":[{"STATUS":"S","Code":22,"Msg":"ok"}],"VERSION":[{"Type":"X"}],"id":1}${ending}`, 'version');
    expect(reply.repairs).toEqual([]);
    expect(reply.status).toEqual({ letter: 'S', code: 22, msg: 'ok', description: null });
    expect(sectionRows(reply.body, 'VERSION')).toEqual([{ Type: 'X' }]);
  });

  it('adds the comma bmminer leaves out between STATS[0] and STATS[1] ("}{")', () => {
    const reply = parseCgminerReply(
      `{"STATUS":[{"STATUS":"S"}],"STATS":[{"Type":"Antminer S9\\nV1.3.58"}{"GHS 5s":"13883.81"}],"id":1}${ending}`,
      'stats',
    );
    expect(reply.repairs).toEqual(['missing-comma-between-objects']);
    expect(sectionRows(reply.body, 'STATS')).toEqual([{ Type: 'Antminer S9\nV1.3.58' }, { 'GHS 5s': '13883.81' }]);
  });

  it('drops the btminer trailing comma (",}")', () => {
    const reply = parseCgminerReply(`{"STATUS":[{"STATUS":"S","Msg":"Summary",}],"SUMMARY":[{"Elapsed":5, }],"id":1,}${ending}`, 'summary');
    expect(reply.repairs).toEqual(['trailing-comma']);
    expect(sectionRows(reply.body, 'SUMMARY')).toEqual([{ Elapsed: 5 }]);
  });

  it('drops a leading comma inside an array ("[,{")', () => {
    const reply = parseCgminerReply(`{"STATUS":[{"STATUS":"S"}],"DEVS":[,{"Slot":0}],"id":1}${ending}`, 'edevs');
    expect(reply.repairs).toEqual(['leading-comma-in-array']);
    expect(sectionRows(reply.body, 'DEVS')).toEqual([{ Slot: 0 }]);
  });

  it('restores the comma btminer 2023-01-06 loses before "temp0" (`""temp0`)', () => {
    const reply = parseCgminerReply(
      `{"STATUS":"S","Code":131,"Msg":{"vout":"1260""temp0":"38.0","empty":"""temp1":"2"}}${ending}`,
      'get_psu',
    );
    expect(reply.repairs).toEqual(['missing-comma-between-strings']);
    expect(reply.body.Msg).toEqual({ vout: '1260', temp0: '38.0', empty: '', temp1: '2' });
  });

  it('turns Avalon bare inf/nan into null but leaves quoted text alone', () => {
    const reply = parseCgminerReply(
      `{"STATUS":[{"STATUS":"S"}],"STATS":[{"GHSmm":inf,"Temp":nan,"Low":-inf,"MM":"inf","info":"nan"}]}${ending}`,
      'estats',
    );
    expect(reply.repairs).toEqual(['inf-nan']);
    expect(sectionRows(reply.body, 'STATS')).toEqual([{ GHSmm: null, Temp: null, Low: null, MM: 'inf', info: 'nan' }]);
  });

  it("reads the M20S backslash-apostrophe (\\') as an apostrophe", () => {
    const reply = parseCgminerReply(`{"SUMMARY":[{"Firmware Version":"\\'20200917.22.REL\\'","Path":"C:\\\\x"}]}${ending}`, 'summary');
    expect(reply.repairs).toEqual(['backslash-apostrophe']);
    expect(sectionRows(reply.body, 'SUMMARY')).toEqual([{ 'Firmware Version': "'20200917.22.REL'", Path: 'C:\\x' }]);
  });

  it('replaces the Avalon garbage start (",") with "{"', () => {
    const reply = parseCgminerReply(`,"STATUS":[{"STATUS":"S"}],"id":1}${ending}`, 'stats');
    expect(reply.repairs).toEqual(['leading-comma']);
    expect(reply.body.id).toBe(1);
  });

  it('escapes raw newlines inside a value instead of dropping the reply', () => {
    const reply = parseCgminerReply(`{"STATUS":[{"STATUS":"S","Msg":"line1\nline2\tend"}],\n"id":1}${ending}`, 'summary');
    expect(reply.repairs).toEqual(['control-char-in-string']);
    expect(reply.status?.msg).toBe('line1\nline2\tend');
  });

  it('reads the Whatsminer 2.0.4 error_code list-as-dict as an object', () => {
    const reply = parseCgminerReply(
      `{"STATUS":"S","Code":133,"Msg":{"error_code":["110":"2021-02-01 10:00:00","111":"2021-02-01 10:00:05"]}}${ending}`,
      'get_error_code',
    );
    expect(reply.repairs).toEqual(['error-code-list']);
    expect(reply.body.Msg).toEqual({ error_code: { '110': '2021-02-01 10:00:00', '111': '2021-02-01 10:00:05' } });
  });

  it('never rewrites "}{" or ",}" inside string values', () => {
    const reply = parseCgminerReply(`{"a":"x}{y,}[,z","b":[{"c":1}{"d":2}]}${ending}`, 'stats');
    expect(reply.body).toEqual({ a: 'x}{y,}[,z', b: [{ c: 1 }, { d: 2 }] });
  });

  it('reports STATUS E as api-error "<Msg> (code <Code>)"', () => {
    const err = deviceError(() => parseCgminerReply(fixture('whatsminer-m31s-error-missing-command.json') + ending, 'summary'));
    expect(err.kind).toBe('api-error');
    expect(err.message).toBe("Missing JSON 'command' (code 24)");
  });

  it('reports STATUS F and alphabetically keyed LuxOS errors as api-error', () => {
    const fatal = deviceError(() => parseCgminerReply(`{"STATUS":[{"STATUS":"F","Code":99,"Msg":"Fatal"}],"id":1}${ending}`, 'stats'));
    expect([fatal.kind, fatal.message]).toEqual(['api-error', 'Fatal (code 99)']);
    const lux = deviceError(() =>
      parseCgminerReply(
        `{"STATUS":[{"Code":14,"Description":"LUXminer","Msg":"Invalid command","STATUS":"E","When":1}],"id":1}${ending}`,
        'x',
      ),
    );
    expect([lux.kind, lux.message]).toEqual(['api-error', 'Invalid command (code 14)']);
  });

  it('accepts the flat btminer status envelope with an object Msg', () => {
    const reply = parseCgminerReply(fixture('whatsminer-m31s-status-sleeping.json') + ending, 'status');
    expect(reply.status).toMatchObject({ letter: 'S', code: 131, description: 'whatsminer v1.3' });
    expect(reply.body.Msg).toEqual({ btmineroff: 'true', 'Firmware Version': "'20210109.22.REL'" });
  });

  it('calls a reply cut short "truncated"', () => {
    const full = fixture('antminer-s19pro-stats.json');
    for (const cut of [
      full.slice(0, full.length / 2),
      full.slice(0, full.indexOf('"Code": 70,') + 11),
      '{"STATUS":[{"STATUS":"S","Msg":"CGMin',
    ]) {
      const err = deviceError(() => parseCgminerReply(cut + ending, 'stats', '10.0.0.5:4028'));
      expect(err.kind).toBe('truncated');
      expect(err.message).toContain('"stats"');
      expect(err.message).toContain('10.0.0.5:4028');
    }
  });

  it('calls empty replies, HTTP, cgminer text form and non-objects "garbage"', () => {
    for (const raw of [
      '',
      '  \n',
      'HTTP/1.1 400 Bad Request\r\n\r\n',
      'STATUS=S,When=1,Code=11,Msg=Summary|SUMMARY,Elapsed=5|',
      '[1,2]',
      '{"a":1}}',
    ]) {
      const err = deviceError(() => parseCgminerReply(raw + ending, 'summary', '10.0.0.5:4028'));
      expect(err.kind).toBe('garbage');
      expect(err.message).toContain('"summary" from 10.0.0.5:4028');
    }
  });
});

describe('nesting depth', () => {
  const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

  it('refuses a reply nested 100,000 deep as garbage naming the limit, whatever part of it is deep', () => {
    const deepMsg = `{"STATUS":[{"STATUS":"S","Msg":${nested(100_000)}}],"SUMMARY":[{"MHS 1m":1}]}`;
    const deepSummary = `{"STATUS":[{"STATUS":"S"}],"SUMMARY":${nested(100_000, '{}')}}`;
    const unclosed = `{"SUMMARY":${'['.repeat(100_000)}`;
    for (const raw of [deepMsg, deepSummary, unclosed, nested(100_000)]) {
      const err = deviceError(() => parseCgminerReply(raw, 'summary', '10.0.0.5:4028'));
      expect(err.kind).toBe('garbage');
      expect(err.message).toBe(
        `reply to "summary" from 10.0.0.5:4028 nests deeper than ${MAX_REPLY_DEPTH} levels (the limit for a device reply)`,
      );
    }
  });

  it('reads a reply exactly at the limit, and does not count brackets inside strings', () => {
    expect(MAX_REPLY_DEPTH).toBe(64);
    // The envelope, STATUS's list and its object are three levels: 61 more make 64.
    const atLimit = `{"STATUS":[{"STATUS":"S","Msg":${nested(61)}}]}`;
    expect(parseCgminerReply(atLimit, 'summary').status?.letter).toBe('S');
    expect(nestsDeeperThan(atLimit, 64)).toBe(false);
    expect(nestsDeeperThan(`{"STATUS":[{"STATUS":"S","Msg":${nested(62)}}]}`, 64)).toBe(true);
    expect(nestsDeeperThan(`{"a":${nested(64)}}`, 64)).toBe(true);
    const bracketsInText = `{"STATUS":[{"STATUS":"S","Msg":"${'[{'.repeat(1000)}\\"${'['.repeat(100)}"}]}`;
    expect(parseCgminerReply(bracketsInText, 'summary').status?.msg).toMatch(/^\[\{\[\{/);
  });
});

describe('the captured fixtures', () => {
  const quirky: Record<string, string[]> = {
    'antminer-s9-bmminer-stats.json': ['missing-comma-between-objects'],
    'hiveon-s9-stats.json': ['missing-comma-between-objects'],
    'mskminer-s9-stats.json': ['missing-comma-between-objects'],
    'nicehash-s9-stats.json': ['missing-comma-between-objects'],
    'whatsminer-m20s-summary.json': ['backslash-apostrophe'],
  };
  // The cgminer TCP replies this driver family reads (the folder also holds other drivers' captures).
  const names = [
    'antminer-s17plus-sleeping-stats.json',
    'antminer-s17pro-pools.json',
    'antminer-s17pro-stats.json',
    'antminer-s19-overheating-stats.json',
    'antminer-s19-pools.json',
    'antminer-s19-sleeping-stats.json',
    'antminer-s19pro-stats.json',
    'antminer-s19pro-version.json',
    'antminer-s9-bmminer-pools.json',
    'antminer-s9-bmminer-stats.json',
    'antminer-s9-bmminer-version.json',
    'antminer-t15-stats.json',
    'asicseer-s9-stats.json',
    'asicseer-s9-version.json',
    'hiveon-s9-stats.json',
    'hiveon-s9-version.json',
    'mskminer-s19-pools.json',
    'mskminer-s19-stats.json',
    'mskminer-s19-version.json',
    'mskminer-s9-stats.json',
    'nicehash-s9-stats.json',
    'vnish-s17plus-stats.json',
    'whatsminer-m20s-devs.json',
    'whatsminer-m20s-pools.json',
    'whatsminer-m20s-summary.json',
    'whatsminer-m3-summary.json',
    'whatsminer-m31s-edevs.json',
    'whatsminer-m31s-pools.json',
    'whatsminer-m31s-sleeping-summary.json',
    'whatsminer-m31s-status-sleeping.json',
    'whatsminer-m31s-summary.json',
  ];

  it.each(names.flatMap((n) => [[n, ''] as const, [n, '\0'] as const]))('%s parses (terminator %j)', (name, ending) => {
    const reply = parseCgminerReply(fixture(name) + ending, name);
    expect(reply.repairs).toEqual(quirky[name] ?? []);
    expect(reply.status?.letter).toBe('S');
  });

  it('the S9 stats quirk yields both STATS blocks', () => {
    const rows = sectionRows(parseCgminerReply(fixture('antminer-s9-bmminer-stats.json'), 'stats').body, 'STATS');
    expect(rows).toHaveLength(2);
    expect(rows[0].Type).toBe('Antminer S9\nV1.3.58');
    expect(rows[1]['GHS 5s']).toBe('13883.81');
  });

  it('the M20S summary keeps the apostrophes of its Firmware Version', () => {
    const rows = sectionRows(parseCgminerReply(fixture('whatsminer-m20s-summary.json'), 'summary').body, 'SUMMARY');
    expect(rows[0]['Firmware Version']).toBe("'20200917.22.REL'");
  });
});

describe('repairCgminerJson and poolsFromReply', () => {
  it('changes nothing in strict JSON', () => {
    const text = fixture('antminer-s19pro-stats.json');
    expect(repairCgminerJson(text)).toEqual({ text, repairs: [] });
  });

  it('leaves out empty pool slots (URL "")', () => {
    const body = parseCgminerReply(fixture('antminer-s9-bmminer-pools.json'), 'pools').body;
    expect(poolsFromReply(body)).toEqual([
      { url: 'stratum+tcp://ss.antpool.com:3333', user: 'xxx', status: 'Alive', accepted: 22673, rejected: 8 },
      { url: 'stratum+tcp://ss.antpool.com:443', user: 'xxx', status: 'Alive', accepted: 0, rejected: 0 },
    ]);
  });
});
