/**
 * What GPU rigs earn, as the operator sets it (app_settings 'gpu-revenue'): per site, per algorithm, the
 * revenue of one MH/s per day in the site's currency. Pure validation; storing is lib/db. A site or an
 * algorithm without a figure leaves its GPU rigs' revenue unknown ("GPU revenue not set").
 */
import { GPU_REVENUE_CEILING_PER_MHS_DAY } from '../economics/gpu';
import { err, ok, type Parsed } from '../util/result';

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
  const errors: string[] = [];
  const value: SiteGpuRevenue = {};
  for (const [algorithm, rate] of entries) {
    if (!ALGORITHM.test(algorithm)) {
      errors.push(`algorithm ${JSON.stringify(algorithm.slice(0, 40))} must be 1-32 lower-case letters, digits, "_", "." or "-"`);
    } else if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      errors.push(`${algorithm} must be a number (revenue per MH/s per day)`);
    } else if (rate < 0 || rate > GPU_REVENUE_CEILING_PER_MHS_DAY) {
      errors.push(`${algorithm} must be from 0 to ${GPU_REVENUE_CEILING_PER_MHS_DAY} per MH/s per day (got ${rate})`);
    } else {
      value[algorithm] = rate;
    }
  }
  return errors.length > 0 ? err(errors) : ok(value);
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
