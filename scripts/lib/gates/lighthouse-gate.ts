// Gate: Lighthouse scores on the key pages (performance ≥ 90; accessibility, best
// practices and SEO ≥ 95), run in Debian's Chromium.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const LIGHTHOUSE_MINIMUMS = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 } as const;
export type Category = keyof typeof LIGHTHOUSE_MINIMUMS;

export interface LighthouseScores {
  url: string;
  scores: Record<Category, number>;
  /** Failed audits of the categories that scored below their minimum. */
  failedAudits: string[];
}

export async function lighthouseScores(urls: readonly string[], chromePath: string, chromeFlags: readonly string[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...chromeFlags] });
  try {
    const results: LighthouseScores[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: Object.keys(LIGHTHOUSE_MINIMUMS),
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      const scores = Object.fromEntries(Object.keys(LIGHTHOUSE_MINIMUMS).map((category) =>
        [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failedAudits: string[] = [];
      for (const category of Object.keys(LIGHTHOUSE_MINIMUMS) as Category[]) {
        if (scores[category] >= LIGHTHOUSE_MINIMUMS[category]) continue;
        for (const reference of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[reference.id];
          if (audit && audit.score !== null && audit.score < 1 && reference.weight > 0) failedAudits.push(`${category}/${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
      results.push({ url, scores, failedAudits });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
