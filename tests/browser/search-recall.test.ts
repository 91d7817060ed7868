// Recall and precision of Arabic search, measured through Pagefind's real search in
// Chromium on the sets of tests/fixtures/search/: before (plain Pagefind with its Arabic
// stemmer, pages as published, the query as typed) and after (the site's own index and the
// search page's own engine, assets/js/search-engine.ts, bundled as the page bundles it).
// Recall: the query finds the page that has its word only in another form. Precision: a
// query lists nothing unrelated — an absent word nothing, a word one page holds that page
// alone. Prints both tables; `npm run search:recall`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planQuery, queryKey, wordMatchesKeys, wordsOf } from '../../scripts/lib/arabic/search-normalise.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { writeSearchIndex } from '../../scripts/lib/search/search-index.ts';
import { launchChromium } from '../support/chromium.ts';
import { searchUrls, writeEngineInto } from '../support/search-engine-page.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { RECALL_SET, type RecallClass } from '../fixtures/search/arabic-recall-set.ts';
import { BACKGROUND_PAGES, PRECISION_SET, UNIQUE_PAGES } from '../fixtures/search/arabic-precision-set.ts';

const template = makeArticles(1)[0]!.frontMatter;
let articleCount = 0;
/** One test article holding `text`; its URL. */
function article(text: string, articles: FixtureArticle[]): string {
  const index = articleCount++;
  const id = (0xd000000000000000n + BigInt(index)).toString(16);
  articles.push({
    frontMatter: {
      ...template, id, title: `مادة اختبار رقم ${index + 1}`, section: 'محليات', date: '2017-07-20',
      excerpt: text, tags: [], byline: undefined, author: undefined, place: undefined,
    },
    paragraphs: [text],
  });
  return `/articles/${id}/`;
}

const testArticles: FixtureArticle[] = [];
const recallTargets = RECALL_SET.map((pair) => article(pair.page, testArticles));
const uniqueUrls = Object.fromEntries(Object.entries(UNIQUE_PAGES).map(([key, text]) => [key, article(text, testArticles)]));
for (const text of BACKGROUND_PAGES) article(text, testArticles);

/** The bundled sample articles: real text around the test pages, as a real archive has. */
async function bundledArticles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const folder = join(PROJECT_DIR, 'content/articles/2017/07');
  for (const name of await readdir(folder)) files[`articles/2017/07/${name}`] = await readFile(join(folder, name), 'utf8');
  return files;
}

/** Every indexed page's text, by URL: what the premises of the precision set are checked on. */
async function indexedTexts(outputDir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of await readdir(join(outputDir, 'articles'))) {
    const html = await readFile(join(outputDir, 'articles', name, 'index.html'), 'utf8').catch(() => '');
    const body = /data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    texts.set(`/articles/${name}/`, body.replace(/<[^>]*>/g, ' '));
  }
  return texts;
}

/** Pages with a word that each of the query's own keys match (the query's readings aside). */
function pagesHolding(query: string, texts: ReadonlyMap<string, string>): string[] {
  const keys = wordsOf(query).map(queryKey);
  return [...texts].filter(([, text]) => keys.every((key) => wordsOf(text).some((word) => wordMatchesKeys(word, new Set([key]))))).map(([url]) => url);
}

interface Outcome { class: string; query: string; before: boolean; after: boolean; found: string[] }

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let recall: Outcome[] = [];
let precision: Outcome[] = [];
let texts = new Map<string, string>();

beforeAll(async () => {
  site = await createFixtureSite(testArticles, await bundledArticles());
  await site.build();
  await writeSearchIndex({ siteDir: site.outputDir, bundleDir: 'pagefind-plain', language: 'ar', variantTokens: false });
  await writeEngineInto(site.outputDir);
  texts = await indexedTexts(site.outputDir);
  server = await startStaticServer({ root: site.outputDir });
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(server.url);
  const queries = [...RECALL_SET.map((pair) => pair.query), ...PRECISION_SET.map((entry) => entry.query)];
  const plain = (await page.evaluate(`(async (queries) => {
    const plain = await import('/pagefind-plain/pagefind.js');
    const answers = [];
    for (const query of queries) answers.push(await Promise.all((await plain.search(query)).results.map(async (result) => (await result.data()).url)));
    return answers;
  })(${JSON.stringify(queries)})`)) as string[][];
  const ours = await searchUrls(page, queries, 'newest');
  const answers = queries.map((_, index) => ({ before: plain[index]!, after: ours[index]! }));
  recall = RECALL_SET.map((pair, index) => ({
    class: pair.class, query: pair.query, found: answers[index]!.after,
    before: answers[index]!.before.includes(recallTargets[index]!), after: answers[index]!.after.includes(recallTargets[index]!),
  }));
  precision = PRECISION_SET.map((entry, position) => {
    const answer = answers[RECALL_SET.length + position]!;
    const expected = entry.holder === null ? [] : [uniqueUrls[entry.holder]!];
    const exact = (found: string[]): boolean => found.length === expected.length && expected.every((url) => found.includes(url));
    return { class: entry.holder === null ? 'absent' : 'held by one page', query: entry.query, found: answer.after, before: exact(answer.before), after: exact(answer.after) };
  });
  const table = (title: string, outcomes: Outcome[]): string[] => {
    const row = (name: string, rows: Outcome[]): string => {
      const share = (key: 'before' | 'after'): string => `${rows.filter((outcome) => outcome[key]).length}/${rows.length}`.padStart(7);
      return `${name.padEnd(26)} ${share('before')} ${share('after')}`;
    };
    return [
      title,
      `${'class'.padEnd(26)} ${'before'.padStart(7)} ${'after'.padStart(7)}`,
      ...[...new Set(outcomes.map((outcome) => outcome.class))].map((name) => row(name, outcomes.filter((outcome) => outcome.class === name))),
      row('all', outcomes),
      ...outcomes.filter((outcome) => !outcome.after).map((outcome) => `  still wrong: «${outcome.query}» (${outcome.class}) lists ${outcome.found.length}`),
    ];
  };
  console.log([
    ...table(`Arabic search recall on ${RECALL_SET.length} query/page pairs (before: plain Pagefind; after: the site's search)`, recall),
    '',
    ...table(`Arabic search precision on ${PRECISION_SET.length} queries (the exact list of pages: none, or the one that holds the word)`, precision),
  ].join('\n'));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('the test sets', () => {
  it('have at least 40 recall pairs and 40 precision queries', () => {
    expect(RECALL_SET.length).toBeGreaterThanOrEqual(40);
    expect(PRECISION_SET.length).toBeGreaterThanOrEqual(40);
  });

  it('cover every class the issue names', () => {
    const classes = new Set<RecallClass>(RECALL_SET.map((pair) => pair.class));
    for (const name of ['singular and plural', 'quoted phrases', 'prefix queries', 'presentation forms', 'article on the query only'] as const) expect(classes).toContain(name);
  });

  it('hold their premises: an absent word is on no page, a held word on its page alone', () => {
    const wrong = PRECISION_SET.filter((entry) => {
      const holders = pagesHolding(entry.query, texts);
      return entry.holder === null ? holders.length > 0 : !holders.includes(uniqueUrls[entry.holder]!) || holders.length !== 1;
    }).map((entry) => `«${entry.query}»: ${pagesHolding(entry.query, texts).join(' ')}`);
    expect(wrong).toEqual([]);
  });
});

describe('Arabic search', () => {
  it('finds every recall pair', () => {
    expect(recall.filter((outcome) => !outcome.after).map((outcome) => outcome.query)).toEqual([]);
  });

  it('lists exactly what the precision set expects', () => {
    expect(precision.filter((outcome) => !outcome.after).map((outcome) => `«${outcome.query}» → ${outcome.found.join(' ')}`)).toEqual([]);
  });

  it('never lists a page on which no word matches the query', () => {
    const unrelated = [...recall, ...precision].flatMap((outcome) => {
      // Its keys, and the readings with a proclitic letter off (لروسيا → روسيا).
      const readings = new Set(planQuery(outcome.query.replace(/"/g, '')).keys);
      return outcome.found.filter((url) => !wordsOf(texts.get(url) ?? '').some((word) => wordMatchesKeys(word, readings)))
        .map((url) => `«${outcome.query}» → ${url}`);
    });
    expect(unrelated).toEqual([]);
  });
});
