/**
 * Antminer stock web UI driver (HTTP 80, Digest auth, default root/root): for miners whose cgminer API
 * is switched off. stats.cgi first (404 on old firmware), then summary.cgi and pools.cgi; old firmware
 * adds get_system_info.cgi; get_miner_conf.cgi is read when the miner is not hashing (sleep work mode).
 */
import { optionalRunner } from '../cgminer-tcp/client';
import { obj } from '../cgminer-tcp/coerce';
import type { CgminerReply } from '../cgminer-tcp/lenient-json';
import { describeUrl, parseJsonReply } from '../http/client';
import { DigestSession, parseDigestChallenge } from '../http/digest';
import { driverKind, type Driver, type Identity, type PollTarget, type ProbeReplies } from '../types';
import type { Reading } from '../../../lib/domain/reading';
import { describeAntminerWeb, parseAntminerWeb, type AntminerWebReplies } from './parse';

export const ANTMINER_WEB_PATHS = {
  stats: '/cgi-bin/stats.cgi',
  summary: '/cgi-bin/summary.cgi',
  pools: '/cgi-bin/pools.cgi',
  systemInfo: '/cgi-bin/get_system_info.cgi',
  minerConf: '/cgi-bin/get_miner_conf.cgi',
} as const;

/**
 * summary.cgi answered 401 with a Digest challenge whose realm names the Antminer ("antMiner
 * Configuration"), or with new-firmware JSON: an INFO block and a STATUS carrying api_version.
 */
export function identifyAntminerWeb(probe: ProbeReplies): Identity | null {
  const reply = probe.http?.[ANTMINER_WEB_PATHS.summary];
  if (!reply) return null;
  if (reply.status === 401) {
    const challenge = parseDigestChallenge(reply.wwwAuthenticate);
    if (!challenge || !/antminer/i.test(challenge.realm)) return null;
    return { driver: 'antminer-web', make: 'Bitmain', model: 'Antminer', firmware: '' };
  }
  const body = obj(reply.json);
  const status = Array.isArray(body?.STATUS) ? obj(body.STATUS[0]) : obj(body?.STATUS);
  if (!body || !obj(body.INFO) || !status || !('api_version' in status)) return null;
  const { model, firmware } = describeAntminerWeb([body], null, null);
  return { driver: 'antminer-web', make: 'Bitmain', model, firmware };
}

/** Polls the web UI at target.address:target.port (the antminer driver's fallback calls this too). */
export async function pollAntminerWeb(target: PollTarget): Promise<Reading> {
  const session = new DigestSession(target);
  /** Parsed JSON of a CGI, null when the firmware does not have it (404). */
  const get = async (path: string): Promise<unknown> => {
    const reply = await session.request({ path });
    if (reply.status === 404) return null;
    return parseJsonReply(reply, `GET ${path}`, describeUrl(target, path));
  };
  const optional = optionalRunner();
  const maybe = (path: string) =>
    optional(async (): Promise<CgminerReply> => ({
      command: path,
      body: (await get(path)) as Record<string, unknown>,
      status: null,
      repairs: [],
    }));

  const replies: AntminerWebReplies = { stats: await get(ANTMINER_WEB_PATHS.stats) };
  const newFirmware = replies.stats !== null;
  // summary.cgi is the only rate source left when stats.cgi is missing, so then its failure is the poll's.
  replies.summary = newFirmware ? await maybe(ANTMINER_WEB_PATHS.summary) : await get(ANTMINER_WEB_PATHS.summary);
  replies.pools = await maybe(ANTMINER_WEB_PATHS.pools);
  if (!newFirmware) {
    replies.systemInfo = await maybe(ANTMINER_WEB_PATHS.systemInfo);
    replies.minerConf = await maybe(ANTMINER_WEB_PATHS.minerConf);
  }
  const opts = { modelHint: target.modelHint ?? null };
  const reading = parseAntminerWeb(replies, opts);
  if (reading.hashrateThs > 0 || replies.minerConf !== undefined) return reading;
  // Not hashing: the configured work mode tells a miner put to sleep from a broken one (asked once per poll).
  replies.minerConf = await maybe(ANTMINER_WEB_PATHS.minerConf);
  return replies.minerConf ? parseAntminerWeb(replies, opts) : reading;
}

/** Bitmain Antminer through its stock web UI's CGIs (protocols.md §1.3 "Web API, stock firmware"). */
export const antminerWebDriver: Driver = {
  ...driverKind('antminer-web'),
  maxRequestsPerPoll: 7, // at most 5 CGIs (old firmware: stats 404, summary, pools, system info, miner conf) and 2 digest challenges
  probePath: ANTMINER_WEB_PATHS.summary,
  identify: identifyAntminerWeb,
  poll: pollAntminerWeb,
};
