/**
 * Lighthouse mobile performance (its default config: a mid-range phone, simulated slow 4G) on a page of
 * the bench's web server, in Debian's chromium (/usr/bin/chromium, never a downloaded browser), signed in
 * with a cookie sent as an extra header.
 */
import { CHROMIUM_FLAGS, chromiumPath } from '../tests/support/browser';

export interface LighthouseFigures {
  performance: number | null;
  totalBlockingTimeMs: number | null;
  largestContentfulPaintMs: number | null;
  domElements: number | null;
  error?: string;
}

/** Runs Lighthouse's performance category on `url`. */
export async function measureLighthouse(url: string, cookie: string): Promise<LighthouseFigures> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: [...CHROMIUM_FLAGS] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: cookie },
    });
    const lhr = result?.lhr;
    if (!lhr)
      return { performance: null, totalBlockingTimeMs: null, largestContentfulPaintMs: null, domElements: null, error: 'no report' };
    const audit = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      return typeof v === 'number' ? Math.round(v) : null;
    };
    const score = lhr.categories.performance?.score;
    return {
      performance: typeof score === 'number' ? Math.round(score * 100) : null,
      totalBlockingTimeMs: audit('total-blocking-time'),
      largestContentfulPaintMs: audit('largest-contentful-paint'),
      domElements: audit('dom-size'),
      ...(lhr.runtimeError ? { error: lhr.runtimeError.message } : {}),
    };
  } finally {
    chrome.kill();
  }
}
