// A production build that costs what changed and never loses the last good site.
//
// 1. The articles are read (unchanged files come from the build cache), indexed, and every
//    output file is planned with the view it shows (render-plan.ts) and a render key.
// 2. The live site is checked against what the last build recorded (every file's stat): a
//    page is re-rendered when its key changed or its file is not what the build left.
// 3. Eleventy renders only those pages (and copies the assets) into a fresh folder beside
//    the output. They are moved into the spare site (the one the live site replaced, kept in
//    the cache: spare-site.ts), which is brought up to the live one's unchanged pages by
//    linking only those it does not share with it; without a spare, the unchanged pages are
//    hard-linked into the fresh folder (a link per file: nothing ever writes into a file in
//    place, see the search step). The search step indexes that tree (writing only the index
//    files that differ in a spare), and only then is it swapped in for the live site, whose
//    old tree becomes the next build's spare.
// Its output is byte-identical to a clean build (`clean: true`, or no cache), which the
// property test (tests/build/incremental-equals-clean.test.ts) checks operation by operation.

import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { articleEntriesFingerprint, assetsFingerprint, buildFingerprint } from './build-fingerprint.ts';
import { acquireBuildLock } from './build-lock.ts';
import { BuildCancelled } from './build-cancelled.ts';
import { articlePagesOf, type ArticlePages } from './saved-article-pages.ts';
import { StepTimes, type StepTime } from './step-times.ts';
import {
  articleFilesToSave, articleStampsDigest, checkOf, forgetBuildState, loadArticleEntries, loadBuildState, loadUnchangedCheck, saveBuildState, writeUnchangedCheck,
  type ArticleFilesToSave, type BuildState, type LoadedState, type SavedArticles, type UnchangedCheck,
} from './build-state.ts';
import { filesOfRecord, filesOutsidePages, intactOutputs, movedButIntact, recordFiles, siteFiles, type OutputRecord } from '../site/site-records.ts';
import { MIN_FILES_FOR_WORKER, MIN_FILES_FOR_WORKER_BESIDE_WORK, StampsInParallel } from '../fs/stamps-in-parallel.ts';
import { buildSearch, type SearchBuildResult } from '../search/build-search.ts';
import { articleStamps, readArticles, type ArticleFileEntry } from '../site/article-source.ts';
import { attachImages } from '../site/article-images.ts';
import { imagesStamp } from '../images/image-facts.ts';
import { buildContextFromEnvironment, type BuildContext } from '../site/build-context.ts';
import { nowDependence, sameOutputAt } from '../site/now-dependence.ts';
import { publishedNewsIndex } from '../site/published-index.ts';
import { buildFolders, discard, emptyTrash, linkUnchanged, moveIntoPlace, removeLeftovers, swapIn } from '../site/site-folders.ts';
import { dropStale, keepAsSpare, namesOfRecords, spareOfLive, takeSpare, updateSpare } from '../site/spare-site.ts';
import { planSite, renderKeys, type PlannedPage } from '../site/render-plan.ts';
import { eleventyConfigFile, MIN_PAGES_PER_LANE, renderPages, WarmLane } from '../site/render-lanes.ts';
import { boundHeapGrowth } from '../site/build-node-flags.ts';
import { isCompressible, precompressSite, type PrecompressOptions } from '../site/precompress.ts';
import { siteAssets } from '../site/asset-fingerprint.ts';

export interface BuildOptions {
  /** Project folder holding .eleventy.ts and content/. */
  projectDir: string;
  /** Folder the finished site ends up in. */
  outputDir: string;
  /** Content folder, relative to projectDir or absolute. */
  inputDir?: string;
  quiet?: boolean;
  /** Site settings, now and drafts mode; by default read from the environment. */
  context?: BuildContext;
  /** Ignore the build cache: render everything (the cache is written anew). */
  clean?: boolean;
  /** The build cache folder (default: defaultCacheDir). */
  cacheDir?: string;
  /** Where one-line notices go (a cache that could not be used); default stderr. */
  notice?: (line: string) => void;
  /**
   * Preview (`npm start`): the changed pages go straight into the output folder (each file
   * renamed into place, so a reader never sees half a page) rather than a new folder swapped
   * in; the search step runs after the pages are in place (BuildResult.searchDone); the
   * state stays in `memory` between builds of one process, not read back from disk.
   */
  preview?: { memory: PreviewMemory };
  /** Pages one Eleventy run renders (render-pages.ts); a test sets it small. */
  pagesPerRun?: number;
  /** Lanes the render is shared between (render-lanes.ts; default one per core for a large render); a test sets it. */
  renderLanes?: number;
  /**
   * Start a render lane as soon as the build finds a change (render-lanes.ts WarmLane), so
   * that Eleventy loads on the other core while the pages are planned: for a build that is
   * its process's only one (npm run build). A process that builds again and again (npm start,
   * the tests) has Eleventy loaded on its own thread after its first build. A test gives a
   * lane of its own, to render with one it knows is ready; npm run publish one it started
   * before it ingested. A lane handed in is ended by the build once it holds the build lock;
   * a build that cannot take the lock leaves it to its caller.
   */
  warmLane?: boolean | WarmLane;
  /**
   * The articles are still being written (npm run publish: ingest, on a thread of its own):
   * the build takes its lock, reads its cache and begins stamping the site meanwhile, and looks
   * at the content folder only once this settles. False: they never will be (ingest stopped at
   * a usage error), and the build ends with BuildCancelled, having built nothing.
   */
  contentReady?: Promise<boolean>;
}

/** What a preview keeps between its builds: the state, and the article pages of the last plan whose pages are in place (saved-article-pages.ts). */
export interface PreviewMemory {
  state?: BuildState;
  articlePages?: ArticlePages;
}

export interface BuildResult {
  /** Files the site is made of that the build plans (pages, feeds, sitemaps). */
  pages: number;
  /** Of those, the ones rendered by this build. */
  rendered: number;
  /** Seconds each step took: what `npm run build` reports, and where a slow build looks first. */
  seconds: { render: number; search: number; total: number };
  /** The same, finer: every step in the order it ran (`npm run build -- --timings`). */
  steps: StepTime[];
  /** Segments of the search index, and how many of them were indexed (not taken from the cache). */
  searchSegments: number;
  reindexedSegments: number;
  /** Whether the build had nothing to do: the live site was already this build's output. */
  unchanged: boolean;
  /** Preview builds: the search step, under way once the pages are in place. */
  searchDone?: Promise<{ seconds: number; searchSegments: number; reindexedSegments: number }>;
}

/**
 * The build cache folder of a project's site: .cache/build/site for _site, a folder of its
 * own for any other output (a cache describes one site folder).
 */
export function defaultCacheDir(projectDir: string, outputDir: string): string {
  const output = posix(relative(projectDir, outputDir));
  const name = output === '_site' ? 'site' : `site-${createHash('sha256').update(output).digest('hex').slice(0, 12)}`;
  return join(projectDir, '.cache', 'build', name);
}

const secondsSince = (start: number): number => (performance.now() - start) / 1000;
const posix = (path: string): string => path.split(sep).join('/');

/** Pages to render from which a build bounds its heap's growth (build-node-flags.ts): two lanes' worth. */
const LARGE_RENDER_PAGES = 2 * MIN_PAGES_PER_LANE;

/** The stamps of the article files (with their digest), and of the site's files a state records (in its order). */
interface Observed {
  articles: Map<string, string>;
  articlesDigest: string;
  /**
   * The site's stamps, awaited only where they decide something. A worker takes them
   * meanwhile (at 100,000 articles: 475,000 files, 1.8 s), while this thread reads the state
   * and plans the pages, which a changed article means are needed whatever the site holds.
   */
  site: () => Promise<(string | undefined)[]>;
  /** The digest of the site's stamps (stampsDigest), all a build that finds nothing changed needs of them. */
  siteDigest: () => Promise<string>;
}

/**
 * Both sets of stamps: a large site's worker stamps it while this thread walks the articles,
 * then goes on. A smaller one gets a worker once the walk shows `workAhead` (the pages to
 * plan meanwhile hide its start); a build that finds nothing changed has nothing to hide it.
 */
function observe(siteDir: string, sitePaths: readonly string[], inputDir: string, articlesDir: string, workAhead: (articlesDigest: string) => boolean, begun?: StampsInParallel): Observed {
  const early = begun ?? (sitePaths.length >= MIN_FILES_FOR_WORKER ? new StampsInParallel(siteDir, sitePaths, true) : undefined);
  const articles = articleStamps(inputDir, articlesDir);
  const articlesDigest = articleStampsDigest(articles);
  const site = early ?? new StampsInParallel(siteDir, sitePaths, sitePaths.length >= MIN_FILES_FOR_WORKER_BESIDE_WORK && workAhead(articlesDigest));
  // all() and digest() have this thread stamp what the worker has not yet claimed: called when needed, not before.
  return { articles, articlesDigest, site: () => site.all(), siteDigest: () => site.digest() };
}

const samePaths = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((path, position) => path === b[position]));

/**
 * The pages' .br and .gz, begun while Pagefind indexes (the search step's whileIndexing: this
 * thread's part, deciding what to compress, fills time it would spend waiting; the compression
 * itself is on libuv's thread pool): the pages' records with their copies, kept apart from
 * `outputs` until both are done.
 */
function compressPages(siteDir: string, outputs: ReadonlyMap<string, OutputRecord>, compressedDir: string, records: Pick<PrecompressOptions, 'present' | 'earlier'>): Promise<Map<string, OutputRecord>> {
  const pages = new Map<string, OutputRecord>();
  for (const [path, record] of outputs) if (isCompressible(path)) pages.set(path, record);
  const compressing = precompressSite(siteDir, pages, compressedDir, undefined, records).then(() => pages);
  // Awaited later; a failure meanwhile must not be an unhandled rejection.
  compressing.catch(() => undefined);
  return compressing;
}

/** Records the pages' copies, then makes those of the files the search step and the asset copy wrote. */
async function compressTheRest(siteDir: string, outputs: Map<string, OutputRecord>, compressedDir: string, compressingPages: Promise<Map<string, OutputRecord>>, previous?: ReadonlyMap<string, OutputRecord>): Promise<void> {
  const pages = await compressingPages;
  // Setting a key the map has keeps its order.
  for (const [path, record] of pages) outputs.set(path, record);
  await precompressSite(siteDir, outputs, compressedDir, previous, { done: new Set(pages.keys()) });
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const steps = new StepTimes();
  const projectDir = resolve(options.projectDir);
  const outputDir = resolve(projectDir, options.outputDir);
  const inputDir = resolve(projectDir, options.inputDir ?? 'content');
  const notice = options.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
  const context = options.context ?? buildContextFromEnvironment(process.env);
  const cacheDir = join(options.cacheDir ?? defaultCacheDir(projectDir, outputDir), context.includeDrafts ? 'preview' : 'production');
  await mkdir(cacheDir, { recursive: true });
  const lock = await acquireBuildLock(cacheDir);
  const { staging, previous: previousSite } = buildFolders(outputDir);
  const memory = options.preview?.memory;
  let releaseLater = false;
  // The tree being made into the new site, once there is one besides the staging folder.
  let tree: string | undefined;
  // The pages' compressed copies being made into it while the search step runs.
  let compressingPages: Promise<Map<string, OutputRecord>> | undefined;
  // A lane handed in is this build's from here: ended with it whatever happens.
  let warm: WarmLane | undefined = options.warmLane instanceof WarmLane ? options.warmLane : undefined;
  try {
    await removeLeftovers(outputDir, join(cacheDir, 'trash'));
    emptyTrash(join(cacheDir, 'trash'));
    const imageCacheDir = join(cacheDir, 'images');
    if (options.clean) await rm(join(cacheDir, 'search'), { recursive: true, force: true });
    if (options.clean) await rm(imageCacheDir, { recursive: true, force: true });
    const codeFingerprint = buildFingerprint({
      projectDir, inputDir, env: process.env,
      settings: { site: context.site, includeDrafts: context.includeDrafts },
    });
    // The pictures under content/images/ count as assets: one changed in place is never missed.
    const assets = `${assetsFingerprint(projectDir)}:${imagesStamp(inputDir)}`;
    const articlesDir = join(inputDir, 'articles');
    const sameCode = (fingerprint: string): boolean => fingerprint.startsWith(`${codeFingerprint}:`);
    const upToDate = (pages: number): BuildResult => ({ pages, rendered: 0, seconds: { render: 0, search: 0, total: secondsSince(started) }, steps: steps.steps, searchSegments: 0, reindexedSegments: 0, unchanged: true });
    // Nothing changed since the state a check was made of: no code, no asset, nothing "now"
    // decides, no article file, no file of the site — told from stats alone, the site's last:
    // a changed article or file of code answers first.
    const sameInputs = (check: UnchangedCheck, articlesDigest: string): boolean =>
      sameCode(check.fingerprint) && check.assets === assets && sameOutputAt(check.now, context) && articlesDigest === check.articlesDigest;
    const unchangedSince = async (check: UnchangedCheck, seen: Observed): Promise<boolean> =>
      sameInputs(check, seen.articlesDigest) && await seen.siteDigest() === check.filesDigest;

    // The last state's check, written beside it, answers without reading the state.
    steps.mark('start');
    const check = options.clean || memory?.state ? undefined : loadUnchangedCheck(cacheDir);
    // Content still being written is not looked at before it is ready (below).
    const contentReady = options.contentReady;
    let observed = check && !contentReady ? observe(outputDir, check.files, inputDir, articlesDir, (digest) => !sameInputs(check, digest)) : undefined;
    // The site's files `observed` stamps.
    let observedPaths: readonly string[] = check?.files ?? [];
    if (check && observed && await unchangedSince(check, observed)) {
      steps.mark('check: nothing changed');
      return upToDate(check.pages);
    }
    steps.mark('check');
    // Something may have changed: what writes pictures is loaded now, not with this module (a
    // build that finds nothing changed never needs sharp) nor once the pages are planned (at
    // 100,000 articles, loading it into a heap of a gigabyte took 0.4 s; here, 0.08 s).
    const { pruneImageCache } = await import('../images/image-files.ts');
    if (options.warmLane === true && !memory) warm = new WarmLane({ context, projectDir, inputDir, configPath: await eleventyConfigFile(projectDir) });
    steps.mark('image files loaded');

    const loaded: LoadedState = options.clean ? { state: undefined } : memory?.state ? { state: memory.state } : loadBuildState(cacheDir);
    // Without a state every page is rendered: the heap's growth is bounded from here (build-node-flags.ts).
    if (!loaded.state && !memory) boundHeapGrowth();
    steps.mark('state loaded');
    if (!loaded.state && loaded.reason) notice(`build cache not used: ${loaded.reason}; building everything`);
    const last = loaded.state && sameCode(loaded.state.fingerprint) ? loaded.state : undefined;
    // The files of the site that are as the last build left them (also under other code: the
    // live site becomes the next spare, and what of it is intact decides what of that is trusted).
    const recordedPaths = loaded.state ? siteFiles(loaded.state.outputs).paths : [];
    // A state without a check of its own (npm start's, in memory; one whose check was lost) is
    // tested the same way, and given one.
    const lastCheck = last && !check ? checkOf(last) : undefined;
    // The last state's article entries: also under other code, when the code that reads an
    // article is the same (a layout changed: every page is rendered, no article read again).
    const entriesFingerprint = articleEntriesFingerprint(projectDir);
    const entriesState = last ?? (loaded.state?.entriesFingerprint === entriesFingerprint ? loaded.state : undefined);
    const loadEntries = (): Map<string, ArticleFileEntry> => (entriesState ? loadArticleEntries(cacheDir, entriesState) : new Map<string, ArticleFileEntry>());
    let cachedEarly: Map<string, ArticleFileEntry> | undefined;
    if (contentReady) {
      // What needs no article, while they are written: the site's stamps begun (nothing the
      // content's writer touches), the entries read. Then the content, as a build finds it.
      const siteStamps = new StampsInParallel(outputDir, recordedPaths, recordedPaths.length >= MIN_FILES_FOR_WORKER_BESIDE_WORK);
      cachedEarly = loadEntries();
      steps.mark('article entries loaded');
      if (!(await contentReady)) throw new BuildCancelled();
      steps.mark('content ready');
      observed = observe(outputDir, recordedPaths, inputDir, articlesDir, () => false, siteStamps);
      observedPaths = recordedPaths;
      if (check && samePaths(check.files, recordedPaths) && await unchangedSince(check, observed)) {
        steps.mark('check: nothing changed');
        return upToDate(check.pages);
      }
    }
    if (!observed || !samePaths(observedPaths, recordedPaths)) {
      observed = observe(outputDir, recordedPaths, inputDir, articlesDir, (digest) => !lastCheck || !sameInputs(lastCheck, digest));
    }
    const stamps = observed.articles;
    steps.mark('articles stamped');
    if (last && lastCheck && await unchangedSince(lastCheck, observed)) {
      if (!memory) await writeUnchangedCheck(cacheDir, lastCheck, last.outputsBase);
      steps.mark('check: nothing changed');
      return upToDate(lastCheck.pages);
    }

    const cached = cachedEarly ?? loadEntries();
    if (!cachedEarly) steps.mark('article entries loaded');
    // What the last state's articles files held: only the folders whose entries changed are written again.
    const saved: SavedArticles = { entries: cached, files: entriesState?.articleFiles };
    const source = readArticles(inputDir, stamps, cached,
      { sections: context.site.sections, contentLabel: posix(relative(projectDir, inputDir)) });
    steps.mark(`articles read (${source.parsed} of ${stamps.size} files parsed)`);
    await attachImages(source.articles, { contentDir: inputDir, contentLabel: posix(relative(projectDir, inputDir)), fileByUrl: source.fileByUrl, cacheFile: join(imageCacheDir, 'facts.json') });
    steps.mark('images');
    const index = publishedNewsIndex(source.articles, context);
    steps.mark('news index');
    const plan = planSite(index, context, siteAssets(projectDir).map);
    const now = nowDependence(source.articles, plan.timely, context);
    steps.mark('plan');
    const fingerprint = `${codeFingerprint}:${createHash('sha256').update(JSON.stringify(plan.chrome)).digest('hex')}`;
    const keys = renderKeys(plan.pages, fingerprint);
    const sameChrome = last?.fingerprint === fingerprint;
    steps.mark('render keys');
    // The site's stamps, awaited only now (Observed.site).
    const siteStamps = await observed.site();
    const lastIntact = loaded.state
      ? intactOutputs(loaded.state.outputs, siteStamps, await movedButIntact(outputDir, loaded.state.outputs, siteStamps))
      : new Map<string, OutputRecord>();
    steps.mark('site stamped');
    const intact = last && sameChrome ? lastIntact : new Map<string, OutputRecord>();

    const planned = new Set(plan.pages.map((page) => page.output));
    // The pages whose key changed or whose file is not intact, with their keys.
    const toRender: PlannedPage[] = [];
    const keyByOutput = new Map<string, string>();
    plan.pages.forEach((page, position) => {
      const key = keys[position] as string;
      if (intact.get(page.output)?.key === key) return;
      toRender.push(page);
      keyByOutput.set(page.output, key);
    });
    // A render of several lanes' worth (a changed layout, changed code): so is it from here.
    if (toRender.length >= LARGE_RENDER_PAGES && !memory) boundHeapGrowth();
    // Every record intact as it was (a file whose copies are not keeps a record without them).
    const nothingToDo = last !== undefined && sameChrome && toRender.length === 0
      && intact.size === last.outputs.size
      && [...last.outputs].every(([path, record]) => intact.get(path) === record && (planned.has(path) || record.key === ''))
      && last.assets === assets;
    steps.mark('pages to render');
    if (nothingToDo) {
      // Only the article stamps may have moved (a file touched, the project copied).
      const state: BuildState = { ...last, entriesFingerprint, articles: source.entries, articlesDigest: observed.articlesDigest, now };
      if (memory) {
        memory.state = state;
        memory.articlePages = articlePagesOf(plan);
      }
      await saveBuildState(cacheDir, state, saved);
      steps.mark('state saved');
      return upToDate(plan.pages.length);
    }

    const searchCacheDir = join(cacheDir, 'search');
    const trash = join(cacheDir, 'trash');
    const spareTree = `${staging}-site`;
    let spareRecords: Map<string, OutputRecord> | undefined;
    // The spare is taken while the render runs (a lane renders, this thread would wait): at
    // 100,000 articles that is a pass over 475,000 records. Brought up to date below; without
    // one, the staging folder with the unchanged pages linked from the live site.
    const whileRendering = async (): Promise<void> => {
      if (memory) return;
      tree = spareTree;
      spareRecords = await takeSpare(cacheDir, trash, options.clean ? undefined : loaded.state?.spare, spareTree,
        { records: loaded.state?.outputs ?? new Map(), intact: lastIntact });
      steps.mark('spare taken (while rendering)');
    };
    // The pages to render, and the assets, into the staging folder.
    await renderPages({ context, projectDir, inputDir, outputDir: staging, pages: toRender, chrome: plan.chrome, fileByUrl: source.fileByUrl, quiet: options.quiet ?? true, pagesPerRun: options.pagesPerRun, lanes: options.renderLanes, imageCacheDir, warm, whileRendering });
    // Made pictures no page of this site shows any more (a picture replaced, an article gone) leave the cache.
    steps.mark('render');
    await pruneImageCache(imageCacheDir, plan.pages.filter((page) => page.family === 'image'));
    const render = secondsSince(started);
    const outputs = new Map<string, OutputRecord>();
    recordFiles(staging, toRender.map((page) => page.output), (path) => keyByOutput.get(path) ?? '', outputs);
    const unchanged = plan.pages.filter((page) => !outputs.has(page.output)).map((page) => page.output);
    for (const path of unchanged) outputs.set(path, intact.get(path) as OutputRecord);
    steps.mark('rendered recorded');
    // The search step (index, browser scripts, service worker: part of every build) on a
    // folder holding every page; then what it and the asset copy wrote is recorded.
    // A served folder (the preview's output) gets only the index's differences from what it
    // holds, as the last build's intact records say (search-index.ts SearchIndexOptions.served).
    const indexAndRecord = async (siteDir: string, served?: { present: ReadonlyMap<string, OutputRecord> }): Promise<SearchBuildResult> => {
      const search = await buildSearch(siteDir, context.site, undefined, { cacheDir: searchCacheDir, fileHashes: outputs, steps, ...(served ? { served: true, present: served.present } : {}) });
      recordFiles(siteDir, filesOutsidePages(siteDir, planned), () => '', outputs, intact, search.written);
      return search;
    };
    // Told against the base of the records the cache holds, whichever code wrote it (build-state.ts).
    const state = (): BuildState => ({ fingerprint, assets, entriesFingerprint, articles: source.entries, articlesDigest: observed.articlesDigest, outputs, outputsBase: loaded.state?.outputsBase, now });
    if (memory) {
      moveIntoPlace(staging, outputDir, last?.outputs, planned);
      memory.articlePages = articlePagesOf(plan);
      const searchDone = (async () => {
        try {
          const searchStarted = performance.now();
          const search = await indexAndRecord(outputDir, { present: lastIntact });
          memory.state = state();
          await saveBuildState(cacheDir, memory.state, saved);
          return { seconds: secondsSince(searchStarted), searchSegments: search.segments, reindexedSegments: search.reindexedSegments };
        } catch (error) {
          // The next build must not trust a state this one could not finish.
          memory.state = undefined;
          forgetBuildState(cacheDir);
          throw error;
        } finally {
          await lock.release();
        }
      })();
      releaseLater = true;
      return { pages: plan.pages.length, rendered: toRender.length, seconds: { render, search: 0, total: secondsSince(started) }, steps: steps.steps, searchSegments: 0, reindexedSegments: 0, unchanged: false, searchDone };
    }
    // Made while Pagefind indexes, when it does.
    let articlesToSave: ArticleFilesToSave | undefined;
    let namesOfLive: Map<string, Set<string>> | undefined;
    const searchStarted = performance.now();
    const compressedDir = join(cacheDir, 'compressed');
    let searchResult: SearchBuildResult;
    // The tree the new site is made in: the spare taken above, or else the staging folder.
    const newSite = spareRecords ? spareTree : staging;
    tree = newSite;
    if (spareRecords) {
      const moved = updateSpare(newSite, staging, outputDir, unchanged.map((path) => ({ path, record: intact.get(path) as OutputRecord })), spareRecords);
      steps.mark('spare updated');
      const search = await buildSearch(newSite, context.site, undefined, {
        cacheDir: searchCacheDir, fileHashes: outputs, present: spareRecords, steps,
        // The spare's copies were made by the last build's code: kept only when that is this build's.
        whileIndexing: () => {
          compressingPages = compressPages(newSite, outputs, compressedDir, { present: last ? spareRecords : undefined, earlier: loaded.state?.outputs });
          steps.mark('compression begun');
          // What the state's save and the spare's keeping need of what is known already.
          articlesToSave = articleFilesToSave(source.entries, saved);
          if (loaded.state) namesOfLive = namesOfRecords(lastIntact);
          steps.mark('state and spare prepared');
        },
      });
      // What the asset copy and the search step wrote; the index files left as they were keep their records.
      const written = [...new Set([...moved.filter((path) => !planned.has(path)), ...search.written.keys()])];
      for (const path of search.untouched) outputs.set(path, spareRecords.get(path) as OutputRecord);
      recordFiles(newSite, written.filter((path) => !search.untouched.has(path)).sort(), () => '', outputs, undefined, search.written);
      steps.mark('search recorded');
      // The .br and .gz of every text file, recorded before the files the site no longer has are dropped.
      if (!compressingPages) throw new Error('build: the search step never began the compression of the pages (whileIndexing)');
      await compressTheRest(newSite, outputs, compressedDir, compressingPages, loaded.state?.outputs);
      steps.mark('compressed');
      dropStale(newSite, spareRecords, outputs);
      steps.mark('stale dropped');
      searchResult = search;
    } else {
      // The unchanged pages with their copies: present in the new site as in the live one, so
      // their copies are neither looked for in the cache nor made again (in a copied project,
      // the cache's copies are no longer the site's files, and every one was made again).
      const present = new Map(unchanged.map((path) => [path, intact.get(path) as OutputRecord]));
      linkUnchanged(outputDir, staging, [...present].flatMap(([path, record]) => filesOfRecord(path, record)));
      steps.mark('unchanged linked');
      compressingPages = compressPages(staging, outputs, compressedDir, { present, earlier: loaded.state?.outputs });
      searchResult = await indexAndRecord(staging);
      steps.mark('search');
      await compressTheRest(staging, outputs, compressedDir, compressingPages, loaded.state?.outputs);
      steps.mark('compressed');
    }
    const search = searchResult;
    const searchSeconds = secondsSince(searchStarted);
    const replaced = await swapIn(newSite, outputDir, previousSite);
    steps.mark('swapped in');
    // The replaced site is the next build's spare, when what it holds is known and most of it
    // is the new site's; else one is made of the new site's files (a first or clean build, a
    // layout changed), for the publish that follows.
    let spare;
    if (replaced && loaded.state) {
      const doubtful = new Set<string>();
      for (const path of loaded.state.outputs.keys()) if (!lastIntact.has(path)) doubtful.add(path);
      spare = await keepAsSpare(previousSite, outputDir, cacheDir, trash, lastIntact, doubtful, outputs, namesOfLive);
    } else {
      if (replaced) await discard(previousSite, trash);
      spare = await spareOfLive(outputDir, cacheDir, trash, outputs);
    }
    steps.mark('spare kept');
    await saveBuildState(cacheDir, { ...state(), ...(spare ? { spare } : {}) }, saved, articlesToSave);
    steps.mark('state saved');
    return {
      pages: plan.pages.length,
      rendered: toRender.length,
      seconds: { render, search: searchSeconds, total: secondsSince(started) },
      steps: steps.steps,
      searchSegments: search.segments,
      reindexedSegments: search.reindexedSegments,
      unchanged: false,
    };
  } catch (error) {
    // Eleventy may still be writing other pages when one fails: retry, and never let the
    // clean-up hide the build's own error (a leftover is removed by the next build). Copies
    // still being linked into the tree would make its folders again after it is removed.
    await compressingPages?.catch(() => undefined);
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    if (tree && tree !== staging) await discard(tree, join(cacheDir, 'trash')).catch(() => undefined);
    throw error;
  } finally {
    // A lane no render was given (nothing to do, or a failure before the render) is ended.
    await warm?.close();
    if (!releaseLater) await lock.release();
  }
}
