// The offline copy across a publish, in Chromium: a reader saves the archive, the newsroom
// changes one article and rebuilds, the reader comes back online. The new service worker
// keeps the saved copy; the panel says when it was saved and what the update costs; the
// update downloads only the changed files (counted at the server) while offline search keeps
// answering from the old copy, even when the connection drops half way; afterwards search
// answers from the new one. Also: the Arabic offline page for a page never saved, the notice
// on pages served from a copy, the search index saved alone, and a device without room.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHash, filesToDownload, hashesToKeep } from '../../assets/js/archive-plan.ts';
import { cacheNames, cachePrefix, copyKey, SAVED_AT_HEADER, type ArchiveFile, type ArchiveManifest, type ArchiveSummary } from '../../assets/js/cache-names.ts';
import { readArchiveManifest } from '../support/archive-manifest.ts';
import { formatSavedDate } from '../../assets/js/saved-date.ts';
import { formatByteSize } from '../../scripts/lib/arabic/format-size.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { createFixtureSite, makeArticles, type FixtureArticle, type FixtureSite } from '../support/fixture-site.ts';
import { activateNewestWorker } from '../support/service-worker.ts';

const PREFIX = '/news/';
const TIME_ZONE = 'Asia/Damascus';
const OLD_WORD = 'الزيتون';
const NEW_WORD = 'البرتقال';

const ARTICLES = makeArticles(6);
const EDITED: FixtureArticle = ARTICLES[3]!;
const EDITED_PATH = `articles/${EDITED.frontMatter.id}/`;
const withWord = (word: string): FixtureArticle => ({ ...EDITED, paragraphs: [EDITED.paragraphs[0]!, `بدأ قطاف ${word} في الساحل هذا الأسبوع.`] });
ARTICLES[3] = withWord(OLD_WORD);

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let reader: BrowserContext;
const consoleErrors: string[] = [];

/** What the service worker downloaded (its requests with cache: 'no-store'), by site path. */
let downloads: string[] = [];
/** A download held until released, to act while an update is under way. */
let hold: { path: string; arrived: () => void; released: Promise<void> } | undefined;

async function newPage(from: BrowserContext): Promise<Page> {
  const page = await from.newPage();
  page.on('console', (message) => {
    // Offline, the browser reports the failed network attempts the worker answers from its store.
    if (message.type() === 'error' && !message.text().includes('net::ERR_INTERNET_DISCONNECTED')) consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

const manifest = async (): Promise<ArchiveManifest> => readArchiveManifest(site.outputDir);
const homeFile = async (): Promise<ArchiveFile> => {
  const bytes = await readFile(join(site.outputDir, 'index.html'));
  return { path: '', bytes: bytes.length, hash: archiveHash(createHash('sha256').update(bytes).digest('hex')) };
};

/** The status line of the panel, once it reads `text`. */
async function waitForStatus(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-offline-status]')?.textContent === expected, text, { timeout: 20_000 });
}

/** Searches on the search page (however it was served) and returns the result links. */
async function offlineSearch(page: Page, word: string): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(word)}`);
  await page.waitForFunction((query) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`«${query}»`), word);
  return page.locator('.search-result__link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The saved copy's version and time, as the worker recorded them. */
async function savedCopy(page: Page): Promise<{ version: string; savedAt: string } | undefined> {
  return page.evaluate(async ([copies, key, header]) => {
    const record = await (await caches.open(copies)).match(key);
    if (!record) return undefined;
    return { version: ((await record.json()) as { version: string }).version, savedAt: record.headers.get(header) ?? '' };
  }, [cacheNames(PREFIX).copies, copyKey(server.url), SAVED_AT_HEADER] as const);
}

const date = (savedAt: string): string => formatSavedDate(savedAt, 'latn', TIME_ZONE);
const editedUrl = `${PREFIX}${EDITED_PATH}`;

beforeAll(async () => {
  site = await createFixtureSite(ARTICLES);
  await site.build({ site: { pathPrefix: PREFIX } });
  server = await startStaticServer({
    root: site.outputDir,
    pathPrefix: PREFIX,
    onRequest: async (request, pathname) => {
      // The worker downloads with cache: 'no-store', which sends Cache-Control: no-cache.
      if (!(request.headers['cache-control'] ?? '').includes('no-cache')) return;
      const path = pathname.slice(PREFIX.length);
      downloads.push(path);
      if (hold?.path === path) {
        hold.arrived();
        await hold.released;
      }
    },
  });
  browser = await launchChromium();
  reader = await browser.newContext({ timezoneId: TIME_ZONE });
  // Counts the page's requests for persistent storage (headless Chromium grants none).
  await reader.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    const counter = window as unknown as { persistRequests: number };
    counter.persistRequests = 0;
    storage.persist = () => {
      counter.persistRequests += 1;
      return persist();
    };
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('an offline copy that survives publishing', () => {
  let page: Page;
  let before: ArchiveManifest;
  let firstSave: { version: string; savedAt: string };

  it('offers the whole archive and the search index alone, each with its size', async () => {
    page = await newPage(reader);
    await page.goto(`${server.url}search/`);
    await page.locator('[data-offline]:not([aria-busy])').waitFor();
    const summary = JSON.parse(await site.read('offline-archive-summary.json')) as ArchiveSummary;
    expect(await page.locator('[data-offline-size]').innerText()).toBe(fillPlaceholders(STRINGS.offlineSize, { size: formatByteSize(summary.bytes, 'latn') }));
    expect(await page.locator('[data-offline-search-size]').innerText()).toBe(fillPlaceholders(STRINGS.offlineSearchSize, { size: formatByteSize(summary.searchBytes, 'latn') }));
    expect(await page.getByRole('button', { name: STRINGS.offlineSaveSearch }).isVisible()).toBe(true);
    expect(summary.searchBytes).toBeLessThan(summary.bytes);
  });

  it('saves the archive, says from when, and searches and reads it offline with a notice', async () => {
    await page.getByRole('button', { name: STRINGS.offlineSave }).click();
    await waitForStatus(page, STRINGS.offlineSaved);
    expect(await page.evaluate(() => (window as unknown as { persistRequests: number }).persistRequests)).toBe(1);
    before = await manifest();
    firstSave = (await savedCopy(page))!;
    expect(firstSave.version).toBe(before.version);
    await page.goto(`${server.url}search/`);
    await page.locator('[data-offline-copy]').waitFor();
    expect(await page.locator('[data-offline-copy]').innerText()).toBe(fillPlaceholders(STRINGS.offlineCopyCurrent, { date: date(firstSave.savedAt) }));
    expect(await page.locator('[data-offline-size]').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: STRINGS.offlineSaveSearch }).isHidden()).toBe(true);

    await reader.setOffline(true);
    // Offline, the panel says what is saved and offers nothing to download.
    await page.goto(`${server.url}search/`);
    await page.locator('[data-offline-copy]').waitFor();
    expect(await page.locator('[data-offline-copy]').innerText()).toBe(fillPlaceholders(STRINGS.offlineCopySaved, { date: date(firstSave.savedAt) }));
    expect(await page.getByRole('button', { name: STRINGS.offlineSave }).isVisible()).toBe(false);
    expect(await offlineSearch(page, OLD_WORD)).toEqual([editedUrl]);
    await page.locator('.search-result__link').first().click();
    await page.waitForURL(`**${editedUrl}`);
    expect(await page.locator('.offline-notice').innerText()).toBe(fillPlaceholders(STRINGS.offlineCopyNotice, { date: date(firstSave.savedAt) }));
    await reader.setOffline(false);
    // Online, the same page is the site's, without the notice.
    await page.goto(`${server.url}${EDITED_PATH}`);
    expect(await page.locator('.offline-notice').count()).toBe(0);
  });

  it('shows an Arabic page, with the way to the offline search, for a page never saved', async () => {
    await reader.setOffline(true);
    await page.goto(`${server.url}sections/economy/`);
    expect(await page.locator('h1').innerText()).toBe(STRINGS.offlinePageTitle);
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}sections/economy/`);
    await page.getByRole('link', { name: STRINGS.offlinePageSearch }).click();
    await page.waitForURL(`**${PREFIX}search/`);
    expect(await offlineSearch(page, OLD_WORD)).toEqual([editedUrl]);
    await reader.setOffline(false);
  });

  let after: ArchiveManifest;
  let expected: string[];

  it('keeps the saved copy when a new build\'s service worker takes over, and says what the update costs', async () => {
    const homeBefore = await homeFile();
    // An archive saved by the service worker before copies outlived builds: kept too.
    const legacy = `${cachePrefix(PREFIX)}0123456789abcdef:archive`;
    await page.evaluate(async ([name, url]) => (await caches.open(name)).put(url, new Response('{}')), [legacy, `${server.url}pagefind/pagefind-entry.json`] as const);
    await writeFile(join(site.contentDir, 'articles', ...EDITED.frontMatter.date.split('-').slice(0, 2), `${EDITED.frontMatter.id}.md`),
      renderArticleDocument(EDITED.frontMatter, withWord(NEW_WORD).paragraphs));
    await site.build({ site: { pathPrefix: PREFIX } });
    after = await manifest();
    expect(after.version).not.toBe(before.version);
    // Every file whose bytes the old copy and the old shell do not have: the changed article,
    // the index files that hold it, the home page.
    expected = filesToDownload([await homeFile(), ...after.files], hashesToKeep(before.files, [homeBefore])).map((file) => file.path).sort();
    expect(expected).toContain(EDITED_PATH);
    expect(expected.length).toBeLessThan(after.files.length / 2);

    downloads = [];
    await page.goto(`${server.url}search/`);
    await activateNewestWorker(page);
    expect(await savedCopy(page)).toEqual(firstSave);
    expect(await page.evaluate(() => caches.keys())).toContain(legacy);
    await reader.setOffline(true);
    expect(await offlineSearch(page, OLD_WORD)).toEqual([editedUrl]);
    await reader.setOffline(false);

    await page.goto(`${server.url}search/`);
    await page.locator('[data-offline-copy]').waitFor();
    const cost = filesToDownload(after.files, hashesToKeep(before.files, after.files.slice(0, after.searchFiles).filter((file) => !file.path.startsWith('pagefind/'))))
      .reduce((sum, file) => sum + file.bytes, 0);
    expect(await page.locator('[data-offline-copy]').innerText())
      .toBe(fillPlaceholders(STRINGS.offlineCopyUpdate, { date: date(firstSave.savedAt), size: formatByteSize(cost, 'latn') }));
  });

  it('updates by downloading only the changed files, while offline search answers from the old copy', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => { arrived = resolve; });
    let release!: () => void;
    hold = { path: EDITED_PATH, arrived, released: new Promise<void>((resolve) => { release = resolve; }) };
    await page.getByRole('button', { name: STRINGS.offlineSave }).click();
    await arrival;

    // Half way: the connection drops. The old copy is whole and answers, pages and search alike.
    await reader.setOffline(true);
    const during = await newPage(reader);
    expect(await offlineSearch(during, OLD_WORD)).toEqual([editedUrl]);
    expect(await offlineSearch(during, NEW_WORD)).toEqual([]);
    await during.goto(`${server.url}${EDITED_PATH}`);
    expect(await during.locator('main').innerText()).toContain(OLD_WORD);
    await during.close();
    expect(await savedCopy(page)).toEqual(firstSave);
    await reader.setOffline(false);
    release();
    hold = undefined;

    // The download under way when the connection dropped either finishes (Chromium keeps a
    // request already answered) or fails the update, which the reader then resumes: it
    // downloads only what is still missing.
    const statuses: string[] = [STRINGS.offlineSaved, STRINGS.offlineUpdateFailed];
    await page.waitForFunction((texts) => texts.includes(document.querySelector('[data-offline-status]')?.textContent ?? ''), statuses, { timeout: 20_000 });
    const interrupted = await page.locator('[data-offline-status]').innerText() === STRINGS.offlineUpdateFailed;
    if (interrupted) {
      expect(await savedCopy(page)).toEqual(firstSave);
      await page.getByRole('button', { name: STRINGS.offlineSave }).click();
      await waitForStatus(page, STRINGS.offlineSaved);
    }
    const second = (await savedCopy(page))!;
    expect(second.version).toBe(after.version);
    expect((await page.evaluate(() => caches.keys())).sort()).toEqual(Object.values(cacheNames(PREFIX)).sort());

    // Each changed file once (the held one twice if its download failed); nothing unchanged.
    const files = downloads.filter((path) => path !== 'sw.js' && !path.startsWith('offline-archive')).sort();
    expect(files).toEqual([...expected, ...(interrupted ? [EDITED_PATH] : [])].sort());
  });

  it('searches and reads the new copy offline, and keeps no file of the old one it no longer needs', async () => {
    await reader.setOffline(true);
    expect(await offlineSearch(page, NEW_WORD)).toEqual([editedUrl]);
    expect(await offlineSearch(page, OLD_WORD)).toEqual([]);
    await page.goto(`${server.url}${EDITED_PATH}`);
    expect(await page.locator('main').innerText()).toContain(NEW_WORD);
    const { savedAt } = (await savedCopy(page))!;
    expect(await page.locator('.offline-notice').innerText()).toBe(fillPlaceholders(STRINGS.offlineCopyNotice, { date: date(savedAt) }));
    await reader.setOffline(false);
    const oldArticle = before.files.find((file) => file.path === EDITED_PATH)!.hash;
    const stored = await page.evaluate(async (files) => (await (await caches.open(files)).keys()).map((request) => request.url), cacheNames(PREFIX).files);
    expect(stored.some((url) => url.endsWith(oldArticle))).toBe(false);
    expect(stored.some((url) => url.endsWith(after.files.find((file) => file.path === EDITED_PATH)!.hash))).toBe(true);
  });
});

describe('the search index saved alone', () => {
  it('searches offline, and opens offline only the articles the reader visited', async () => {
    const context = await browser.newContext({ timezoneId: TIME_ZONE });
    const page = await newPage(context);
    const visited = `articles/${ARTICLES[0]!.frontMatter.id}/`;
    // Once the worker runs, the pages the reader opens are kept.
    await page.goto(`${server.url}search/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(`${server.url}${visited}`);
    await page.goto(`${server.url}search/`);
    await page.getByRole('button', { name: STRINGS.offlineSaveSearch }).click();
    await waitForStatus(page, STRINGS.offlineSavedSearch);

    await context.setOffline(true);
    expect(await offlineSearch(page, NEW_WORD)).toEqual([editedUrl]);
    await page.goto(`${server.url}${EDITED_PATH}`);
    expect(await page.locator('h1').innerText()).toBe(STRINGS.offlinePageTitle);
    await page.goto(`${server.url}${visited}`);
    expect(await page.locator('h1').innerText()).toBe(ARTICLES[0]!.frontMatter.title);
    await page.locator('.offline-notice').waitFor();
    await context.close();
  });

  it('says when the device has no room for the copy, and records no half copy', async () => {
    const context = await browser.newContext({ timezoneId: TIME_ZONE });
    const page = await newPage(context);
    await page.goto(`${server.url}search/`);
    await page.locator('[data-offline]:not([aria-busy])').waitFor();
    // Room for what is stored now (the shell) and a few kilobytes more.
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: (usage ?? 0) + 4_000 });
    await page.getByRole('button', { name: STRINGS.offlineSave }).click();
    await waitForStatus(page, STRINGS.offlineNoSpace);
    expect(await savedCopy(page)).toBeUndefined();
    await context.close();
  });

  it('logged no console error and threw no exception', () => {
    expect(consoleErrors).toEqual([]);
  });
});
