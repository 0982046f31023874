/**
 * What GPU rigs earn, as the operator sets it (app_settings 'gpu-revenue'): per site, per algorithm, the
 * revenue of one MH/s per day in the site's currency. Pure validation; storing is lib/db. A site or an
 * algorithm without a figure leaves its GPU rigs' revenue unknown ("GPU revenue not set").
 */
import { GPU_REVENUE_CEILING_PER_MHS_DAY } from '../economics/gpu';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { issueMessages, type IssueWording } from '../util/zod-issues';

/** app_settings key of the document. */
export const GPU_REVENUE_KEY = 'gpu-revenue';

/** Revenue per MH/s per day by algorithm, for one site. */
export type SiteGpuRevenue = Record<string, number>;

/** The stored document: by site id. */
export interface GpuRevenueDoc {
  sites: Record<string, SiteGpuRevenue>;
}

const ALGORITHM = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const MAX_ALGORITHMS = 32;

/** One site's figures: algorithm names as GPU miners report them, each figure from 0 to the ceiling. */
const siteGpuRevenueSchema = z.record(z.string().regex(ALGORITHM), z.number().min(0).max(GPU_REVENUE_CEILING_PER_MHS_DAY));

/** Each figure's message names its algorithm and the rule (worded before zod: the API and CLI show these). */
const GPU_REVENUE_WORDING: IssueWording = {
  subject: 'GPU revenue',
  custom: (issue, _where, input) => {
    const algorithm = String(issue.path[0]);
    if (issue.code === 'invalid_key')
      return `algorithm ${JSON.stringify(algorithm.slice(0, 40))} must be 1-32 lower-case letters, digits, "_", "." or "-"`;
    if (issue.code === 'invalid_type') return `${algorithm} must be a number (revenue per MH/s per day)`;
    return `${algorithm} must be from 0 to ${GPU_REVENUE_CEILING_PER_MHS_DAY} per MH/s per day (got ${String(input)})`;
  },
};

/** The outcome of validating one site's figures. */
export type ParsedSiteGpuRevenue = Parsed<SiteGpuRevenue>;

/**
 * Validates `{ "<algorithm>": <revenue per MH/s per day>, ... }`: algorithm names as GPU miners report
 * them (lower case, e.g. "kawpow"), each figure a number from 0 to the ceiling. Messages name the field
 * and the rule.
 */
export function parseSiteGpuRevenue(input: unknown): ParsedSiteGpuRevenue {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err(['GPU revenue must be a JSON object of algorithm: revenue per MH/s per day']);
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length > MAX_ALGORITHMS) return err([`GPU revenue lists at most ${MAX_ALGORITHMS} algorithms (got ${entries.length})`]);
  const result = siteGpuRevenueSchema.safeParse(input, { reportInput: true });
  return result.success ? ok(result.data) : err(issueMessages(result.error.issues, GPU_REVENUE_WORDING, Number.MAX_SAFE_INTEGER));
}

/** The stored document, each site's figures validated; a malformed document or site reads as none set. */
export function readGpuRevenueDoc(valueJson: string | null | undefined): GpuRevenueDoc {
  const doc: GpuRevenueDoc = { sites: {} };
  if (!valueJson) return doc;
  let raw: unknown;
  try {
    raw = JSON.parse(valueJson);
  } catch {
    return doc;
  }
  const sites = (raw as { sites?: unknown })?.sites;
  if (typeof sites !== 'object' || sites === null) return doc;
  for (const [id, figures] of Object.entries(sites as Record<string, unknown>)) {
    const parsed = parseSiteGpuRevenue(figures);
    if (parsed.ok && /^\d+$/.test(id)) doc.sites[id] = parsed.value;
  }
  return doc;
}
