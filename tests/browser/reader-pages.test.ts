// What a reader sees of the front page, the navigation, the archive and pager, and the
// furniture of an article page (issue 13, items 7–10), in Chromium at 390 px and 1280 px on
// a fixture site of 250 articles over three years in the seven sections: no story twice on
// the front page; a compact masthead and a sticky bar whose hidden part shows; year pages,
// month neighbours, a grid archive and a one-row pager with «…»; breadcrumb, reading time,
// the 404 page and the printed page. Every page is also checked for console errors.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { siteSettings } from '../support/site-settings.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

// 250 articles three days apart, back from 31 July 2017 to June 2015, in every section.
const articles = makeArticles(250).map((article, index) => ({
  ...article,
  frontMatter: {
    ...article.frontMatter,
    date: new Date(Date.UTC(2017, 6, 31 - index * 3)).toISOString().slice(0, 10),
    section: (siteSettings.sections[index % siteSettings.sections.length] as { name: string }).name,
  },
}));
// A long article (about 3 minutes' reading) and a short one.
const LONG_WORDS = 560;
articles[1]!.paragraphs = Array.from({ length: 8 }, () => Array.from({ length: LONG_WORDS / 8 }, () => 'كلمة').join(' '));
const longId = articles[1]!.frontMatter.id;
const shortId = articles[2]!.frontMatter.id;
const syriaArticle = articles.find((article) => article.frontMatter.section === 'سورية')!.frontMatter.id;

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
const consoleErrors: string[] = [];

async function open(path: string, viewport = PHONE): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (message) => {
    // The 404 page is served with status 404 on purpose.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) consoleErrors.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
  await page.goto(`${server.url}${path.replace(/^\//, '')}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

beforeAll(async () => {
  site = await createFixtureSite(articles);
  await site.build();
  server = await startStaticServer({ root: site.outputDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('the front page (item 7)', () => {
  it.each([[PHONE], [DESKTOP]])('shows no story twice at %o', async (viewport) => {
    const page = await open('/', viewport);
    const links = await page.locator('.front-page .card__title a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(40);
    expect(new Set(links).size).toBe(links.length);
    await page.close();
  });

  it('keeps the section blocks short: three stories, the first with its summary, and no section name repeated in its own block', async () => {
    const page = await open('/');
    const blocks = await page.locator('.section-block').evaluateAll((sections) => sections.map((section) => ({
      stories: section.querySelectorAll('.card').length,
      summaries: section.querySelectorAll('.card__excerpt').length,
      sectionLabels: section.querySelectorAll('.card__section').length,
    })));
    expect(blocks).toHaveLength(siteSettings.sections.length);
    for (const block of blocks) expect(block).toEqual({ stories: 3, summaries: 1, sectionLabels: 0 });
    await page.close();
  });

  it('is under nine phone screens long at 390 px (it was fourteen)', async () => {
    const page = await open('/');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height / PHONE.height).toBeLessThan(9);
    await page.close();
  });
});

describe('the masthead and navigation (item 8)', () => {
  it('takes under 120 px of a phone\'s first screen, and the bar stays at the top when scrolling', async () => {
    const page = await open('/');
    const bottom = await page.locator('.site-nav').evaluate((nav) => nav.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThan(120);
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => window.scrollY > 2000);
    const box = await page.locator('.site-nav').evaluate((nav) => nav.getBoundingClientRect().toJSON());
    expect(box.top).toBe(0);
    expect(await page.locator('.masthead').evaluate((masthead) => masthead.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows, at 390 px, that sections are hidden at the edge of the bar until it is scrolled to the end', async () => {
    const page = await open('/');
    const list = page.locator('.site-nav__list');
    expect(await list.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    const hint = (): Promise<number> => page.locator('.site-nav__scroller').evaluate((scroller) => Number(getComputedStyle(scroller, '::after').opacity));
    expect(await hint()).toBeGreaterThan(0.9);
    // The hint sits at the inline end: the left edge in right-to-left.
    const edges = await page.locator('.site-nav__scroller').evaluate((scroller) => ({ scroller: scroller.getBoundingClientRect().left, content: getComputedStyle(scroller, '::after').insetInlineEnd }));
    expect(edges.content).toBe('0px');
    await list.evaluate((element) => { element.scrollLeft = -element.scrollWidth; });
    await page.waitForFunction(() => Number(getComputedStyle(document.querySelector('.site-nav__scroller') as Element, '::after').opacity) < 0.1);
    expect(await hint()).toBeLessThan(0.1);
    await page.close();
  });

  it('keeps «المزيد» in view on a phone, holding the archive, search and subscribe links', async () => {
    const page = await open('/');
    const more = page.locator('.site-nav__more-button');
    expect(await more.isVisible()).toBe(true);
    expect(await more.innerText()).toContain(STRINGS.moreLinks);
    const box = await more.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('.site-nav__list').getByRole('link', { name: STRINGS.archive }).isVisible()).toBe(false);
    await more.click();
    const menu = page.locator('.site-nav__menu');
    for (const name of [STRINGS.archive, STRINGS.search, STRINGS.subscribe]) expect(await menu.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    await menu.getByRole('link', { name: STRINGS.archive, exact: true }).click();
    await page.waitForURL(/\/archive\/$/);
    await page.close();
  });

  it('closes «المزيد» on a click outside it and on Escape, the focus back on its button', async () => {
    const page = await open('/');
    const more = page.locator('.site-nav__more');
    const isOpen = (): Promise<boolean> => more.evaluate((menu) => (menu as HTMLDetailsElement).open);
    await page.locator('.site-nav__more-button').click();
    expect(await isOpen()).toBe(true);
    // A click inside the menu, on no link, leaves it open.
    await page.locator('.site-nav__menu').click({ position: { x: 2, y: 2 } });
    expect(await isOpen()).toBe(true);
    await page.locator('main').click({ position: { x: 10, y: 10 } });
    expect(await isOpen()).toBe(false);

    await page.locator('.site-nav__more-button').focus();
    await page.keyboard.press('Enter');
    expect(await isOpen()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.site-nav__menu') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('site-nav__more-button'))).toBe(true);
    await page.close();
  });

  it('shows every link in the bar at 1280 px, with no hint and no «المزيد»', async () => {
    const page = await open('/', DESKTOP);
    expect(await page.locator('.site-nav__list').evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    for (const name of [STRINGS.archive, STRINGS.search, STRINGS.subscribe]) expect(await page.locator('.site-nav__list').getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    expect(await page.locator('.site-nav__more').isVisible()).toBe(false);
    expect(await page.locator('.site-nav__scroller').evaluate((scroller) => Number(getComputedStyle(scroller, '::after').opacity))).toBe(0);
    await page.close();
  });
});

describe('the archive and the pager (item 9)', () => {
  it('has a page for each year, with its twelve months and the years beside it', async () => {
    const page = await open('/archive/2016/');
    expect(await page.locator('h1').innerText()).toBe('أرشيف 2016');
    expect(await page.locator('.month-grid li').count()).toBe(12);
    expect(await page.locator('a.month-grid__month').count()).toBe(12);
    await page.getByRole('link', { name: `${STRINGS.previousYear} 2015` }).click();
    await page.waitForURL(/\/archive\/2015\/$/);
    // July 2015 onwards: the months before it have no articles and no link.
    expect(await page.locator('a.month-grid__month').count()).toBe(6);
    expect(await page.locator('.month-grid__month--empty').count()).toBe(6);
    await page.close();
  });

  it('links a month to the months before and after it, across a year, and to its year', async () => {
    const page = await open('/archive/2017/01/');
    expect(await page.getByRole('link', { name: `${STRINGS.nextMonth} شباط 2017` }).getAttribute('href')).toBe('/archive/2017/02/');
    await page.getByRole('link', { name: `${STRINGS.previousMonth} كانون الأول 2016` }).click();
    await page.waitForURL(/\/archive\/2016\/12\/$/);
    await page.locator('.list-header__kind').getByRole('link', { name: 'أرشيف سنة 2016' }).click();
    await page.waitForURL(/\/archive\/2016\/$/);
    await page.close();
  });

  it.each([[PHONE, 4], [DESKTOP, 2]])('lays /archive/ out as years of month grids at %o (%i rows a year at most)', async (viewport, rows) => {
    const page = await open('/archive/', viewport);
    const rowsPerYear = await page.locator('.archive-year .month-grid').evaluateAll((grids) => grids.map((grid) => new Set(Array.from(grid.children).map((cell) => Math.round(cell.getBoundingClientRect().top))).size));
    expect(rowsPerYear).toHaveLength(3);
    for (const count of rowsPerYear) expect(count).toBeLessThanOrEqual(rows);
    if (viewport === PHONE) expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2 * PHONE.height);
    await page.close();
  });

  it.each([[PHONE], [DESKTOP]])('gives a deep page one row of pager, with «…» for the pages left out, at %o', async (viewport) => {
    // 250 articles at 20 a page: deep pages 1 … 11 and the first page.
    const page = await open('/page/6/', viewport);
    const pager = page.locator('.pager');
    const visible = await pager.locator('li').evaluateAll((items) => items.filter((item) => (item as HTMLElement).offsetParent !== null)
      .map((item) => ({ text: (item as HTMLElement).innerText.trim(), top: item.getBoundingClientRect().top, bottom: item.getBoundingClientRect().bottom })));
    // One row: every item spans the line through the highest item's bottom edge.
    const line = Math.min(...visible.map((item) => item.bottom)) - 1;
    for (const item of visible) expect(item.top, item.text).toBeLessThan(line);
    expect(visible.filter((item) => item.text === '…')).toHaveLength(2);
    expect(visible.map((item) => item.text)).toEqual(expect.arrayContaining([STRINGS.newestPage, '6', STRINGS.oldestPage]));
    if (viewport === DESKTOP) expect(visible.map((item) => item.text)).toEqual([`→ ${STRINGS.newerPage}`, STRINGS.newestPage, '…', '7', '6', '5', '…', STRINGS.oldestPage, `${STRINGS.olderPage} ←`]);
    const box = await pager.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(await pager.locator('[aria-current="page"]').innerText()).toBe('6');
    await pager.locator('a[rel="next"]').click();
    await page.waitForURL(/\/page\/5\/$/);
    await page.close();
  });
});

describe('the article page\'s furniture (item 10)', () => {
  it.each([[PHONE], [DESKTOP]])('has a breadcrumb الرئيسية › section, right to left, at %o', async (viewport) => {
    const page = await open(`/articles/${syriaArticle}/`, viewport);
    const crumbs = page.getByRole('navigation', { name: STRINGS.breadcrumb }).getByRole('link');
    expect(await crumbs.allInnerTexts()).toEqual([STRINGS.home, 'سورية']);
    expect(await crumbs.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/', '/sections/syria/']);
    const [home, section] = await crumbs.evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON()));
    expect(section.right).toBeLessThan(home.left);
    await page.close();
  });

  it('describes the breadcrumb as a BreadcrumbList', async () => {
    const page = await open(`/articles/${syriaArticle}/`);
    const data = await page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((script) => JSON.parse(script.textContent ?? '')));
    const trail = data.find((entry) => entry['@type'] === 'BreadcrumbList');
    expect(trail.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: STRINGS.home, item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'سورية', item: 'https://example.org/sections/syria/' },
    ]);
    await page.close();
  });

  it.each([
    [longId, '3 دقائق للقراءة'],
    [shortId, 'أقل من دقيقة للقراءة'],
  ])('tells the reading time of %s: «%s»', async (id, expected) => {
    const page = await open(`/articles/${id}/`);
    expect(await page.locator('.article__reading-time').innerText()).toBe(expected);
    await page.close();
  });

  it('prints the publication\'s name and the article\'s address, and no navigation', async () => {
    const page = await open(`/articles/${syriaArticle}/`);
    expect(await page.locator('.print-masthead').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-masthead').innerText()).toBe(siteSettings.name);
    expect(await page.locator('.print-address').innerText()).toBe(`${STRINGS.printAddress} https://example.org/articles/${syriaArticle}/`);
    for (const chrome of ['.masthead', '.site-nav', '.breadcrumb', '.site-footer']) expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.close();
  });

  it.each([[PHONE], [DESKTOP]])('answers an unknown address with a 404 page that searches and lists the latest stories, at %o', async (viewport) => {
    const page = await browser.newPage({ viewport });
    const response = await page.goto(`${server.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe(STRINGS.notFoundTitle);
    const latest = page.locator('.not-found__latest .card__title a');
    expect(await latest.count()).toBe(6);
    expect(await latest.first().getAttribute('href')).toBe(`/articles/${articles[0]!.frontMatter.id}/`);
    await page.getByLabel(STRINGS.notFoundSearch).fill('دمشق');
    await page.getByLabel(STRINGS.notFoundSearch).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'دمشق');
    await page.close();
  });
});

describe('every page above', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
