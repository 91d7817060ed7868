// Ranking for news, in Chromium through the search page's engine on a small corpus: articles
// published hours apart come out newest first (the date sort key is text, not a float that
// tied them), a headline match ranks above body matches, the form the reader typed above a
// variant, and of two articles that match alike the newer goes first.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { searchUrls, writeEngineInto } from '../support/search-engine-page.ts';

const template = makeArticles(1)[0]!.frontMatter;
const articles: FixtureArticle[] = [];
/** An article at `date` with this headline and text; its URL. */
function article(id: string, date: string, title: string, text: string): string {
  articles.push({
    frontMatter: { ...template, id, title, date, section: 'محليات', excerpt: text, tags: [], byline: undefined, author: undefined, place: undefined },
    paragraphs: [text],
  });
  return `/articles/${id}/`;
}

// Twelve articles nine hours apart over four and a half days of July 2017.
const harvest = Array.from({ length: 12 }, (_, index) => {
  const at = new Date(Date.UTC(2017, 6, 10, 6) + index * 9 * 3600_000).toISOString().replace('.000Z', 'Z');
  return article(`e0000000000000${String(index).padStart(2, '0')}`, at, `خبر زراعي رقم ${index + 1}`, `بدأ موسم حصاد القمح في السهل رقم ${index + 1} وسط تفاؤل المزارعين.`);
});
// «الزيتون» in one headline (the oldest of four) and three times in the others' text.
const olivesHeadline = article('e100000000000000', '2017-06-01', 'الزيتون يعود إلى الأسواق', 'عادت الثمار إلى الأسواق بعد موسم طيب للمزارعين في الساحل.');
const olivesText = ['2017-06-02', '2017-06-03', '2017-06-04'].map((date, index) => article(`e10000000000000${index + 1}`, date, `خبر من الساحل رقم ${index + 1}`,
  `قطف المزارعون الزيتون باكراً، وقالوا إن الزيتون هذا العام وفير، وإن أسعار الزيتون مقبولة في الساحل.`));
// The same sentence, one with «العراق» as typed (the older), one with «والعراق».
const exact = article('e200000000000000', '2017-05-01', 'خبر اقتصادي أول', 'وقع الاتفاق التجاري مع العراق في العاصمة أمس بحضور الوزراء.');
const variant = article('e200000000000001', '2017-05-02', 'خبر اقتصادي ثان', 'وقع الاتفاق التجاري مع الأردن والعراق في العاصمة أمس بحضور.');
// Two articles alike in everything but their date.
const almondsOlder = article('e300000000000000', '2017-04-01', 'خبر محلي أول', 'ازدهرت أشجار اللوز في القرى الجبلية هذا الربيع.');
const almondsNewer = article('e300000000000001', '2017-04-20', 'خبر محلي ثان', 'ازدهرت أشجار اللوز في القرى الجبلية هذا الربيع.');

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build();
  await writeEngineInto(site.outputDir);
  server = await startStaticServer({ root: site.outputDir });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('ranking for news', () => {
  it('sorts articles published hours apart newest first', async () => {
    const [found] = await searchUrls(page, ['حصاد'], 'newest');
    expect(found).toEqual([...harvest].reverse());
  });

  it('puts, by relevance, of articles that match alike the newer first', async () => {
    const [harvestFound, almonds] = await searchUrls(page, ['حصاد', 'اللوز'], 'relevance');
    expect(harvestFound).toEqual([...harvest].reverse());
    expect(almonds).toEqual([almondsNewer, almondsOlder]);
  });

  it('ranks a headline match above body matches, even three of them in newer articles', async () => {
    for (const order of ['relevance', 'relevance-all'] as const) {
      const [found] = await searchUrls(page, ['الزيتون'], order);
      expect(found?.[0]).toBe(olivesHeadline);
      expect([...found!].sort()).toEqual([olivesHeadline, ...olivesText].sort());
    }
  });

  it('ranks the form the reader typed above a variant of it', async () => {
    const [found] = await searchUrls(page, ['العراق'], 'relevance');
    expect(found).toEqual([exact, variant]);
  });
});
