// Gate: Lighthouse (mobile) scores on the key pages — the home, an article and the search
// page among them — run in Debian's Chromium, each page scored three times (up to six while
// it is below a minimum) and the best score of each category kept (a loaded machine slows
// one run, never speeds one up).

/**
 * The minimum of each category, best of LIGHTHOUSE_RUNS runs: 100 in all four (performance
 * since the Arabic core fonts and the search page's offline panel in the first paint; two
 * full runs of the gates scored 100 on every page).
 */
export const LIGHTHOUSE_MINIMUMS = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
export type Category = keyof typeof LIGHTHOUSE_MINIMUMS;
/** Runs per page. */
export const LIGHTHOUSE_RUNS = 3;
/**
 * Runs more, at the most, for a page still below a minimum after LIGHTHOUSE_RUNS: on a busy
 * 2-core machine other work's blocking time costs a page a point now and then, and a fourth
 * run is cheaper than a gate that fails by chance. A page must still reach 100 in one run.
 */
export const LIGHTHOUSE_EXTRA_RUNS = 3;

export interface LighthouseScores {
  url: string;
  scores: Record<Category, number>;
  /** Failed audits of the categories that scored below their minimum (in their best run). */
  failedAudits: string[];
}

interface Run {
  scores: Record<Category, number>;
  /** Failed audits with a weight, by category. */
  failed: Record<Category, string[]>;
}

const CATEGORIES = Object.keys(LIGHTHOUSE_MINIMUMS) as Category[];

/** The best run of each category, and the failed audits of the categories still below their minimum. */
export function bestOfRuns(url: string, runs: readonly Run[]): LighthouseScores {
  const scores = {} as Record<Category, number>;
  const failedAudits: string[] = [];
  for (const category of CATEGORIES) {
    const best = runs.reduce<Run | undefined>((kept, run) => (!kept || run.scores[category] > kept.scores[category] ? run : kept), undefined);
    scores[category] = best?.scores[category] ?? 0;
    if (best && scores[category] < LIGHTHOUSE_MINIMUMS[category]) failedAudits.push(...best.failed[category]);
  }
  return { url, scores, failedAudits };
}

export async function lighthouseScores(urls: readonly string[], chromePath: string, chromeFlags: readonly string[], runs = LIGHTHOUSE_RUNS): Promise<LighthouseScores[]> {
  // Loaded to run (Lighthouse takes two seconds to import), not by importing the gate's rules.
  const [chromeLauncher, { default: lighthouse }] = await Promise.all([import('chrome-launcher'), import('lighthouse')]);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...chromeFlags] });
  try {
    const results: LighthouseScores[] = [];
    for (const url of urls) {
      const pageRuns: Run[] = [];
      const belowMinimum = (): boolean => {
        const { scores } = bestOfRuns(url, pageRuns);
        return CATEGORIES.some((category) => scores[category] < LIGHTHOUSE_MINIMUMS[category]);
      };
      while (pageRuns.length < runs || (pageRuns.length < runs + LIGHTHOUSE_EXTRA_RUNS && belowMinimum())) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
        const scores = Object.fromEntries(CATEGORIES.map((category) =>
          [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
        const failed = Object.fromEntries(CATEGORIES.map((category) => [category, (lhr.categories[category]?.auditRefs ?? []).flatMap((reference) => {
          const audit = lhr.audits[reference.id];
          return audit && audit.score !== null && audit.score < 1 && reference.weight > 0 ? [`${category}/${audit.id}: ${audit.title} (${audit.displayValue ?? audit.score})`] : [];
        })])) as Record<Category, string[]>;
        pageRuns.push({ scores, failed });
      }
      results.push(bestOfRuns(url, pageRuns));
    }
    return results;
  } finally {
    chrome.kill();
  }
}
