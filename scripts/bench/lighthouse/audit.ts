// One Lighthouse run: a fresh headless Debian Chromium (never a downloaded browser), Lighthouse's
// default mobile settings (simulated slow 4G and a 4× slower CPU), the performance category only.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface LighthouseRun {
  /** The performance score, 0–100. */
  score: number;
  totalBlockingTimeMs: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  speedIndexMs: number;
  cumulativeLayoutShift: number;
}

/** Tries a run that Lighthouse itself failed (a trace lost on a busy machine) this many times. */
const ATTEMPTS = 3;

/** Audits `url`; `headers` go with every request of the page (the buyer's cookie). */
export async function audit(url: string, headers: Record<string, string> = {}): Promise<LighthouseRun> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await auditOnce(url, headers);
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt === ATTEMPTS) throw error;
      console.warn(`[lighthouse] ${error.message}; trying again`);
    }
  }
}

class LighthouseRuntimeError extends Error {}

async function auditOnce(url: string, headers: Record<string, string>): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: headers,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new LighthouseRuntimeError(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance?.score;
    if (typeof score !== "number") throw new Error(`Lighthouse on ${url}: no performance score`);
    const numeric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (typeof value !== "number") throw new Error(`Lighthouse on ${url}: no figure for ${id}`);
      return value;
    };
    return {
      score: Math.round(score * 100),
      totalBlockingTimeMs: numeric("total-blocking-time"),
      firstContentfulPaintMs: numeric("first-contentful-paint"),
      largestContentfulPaintMs: numeric("largest-contentful-paint"),
      speedIndexMs: numeric("speed-index"),
      cumulativeLayoutShift: numeric("cumulative-layout-shift"),
    };
  } finally {
    chrome.kill();
  }
}
