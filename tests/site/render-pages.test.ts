// A render shared between lanes (render-lanes.ts: the build's own thread and worker
// threads writing into one folder, one of them perhaps started before the pages were known)
// makes the same files, byte for byte, as one lane; and a lane that fails fails the render
// with its own message.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, hashTree } from '../../scripts/lib/fs/compare-trees.ts';
import { eleventyConfigFile, renderPages, WarmLane } from '../../scripts/lib/site/render-lanes.ts';
import type { RenderShare } from '../../scripts/lib/site/render-pages.ts';
import type { PlannedPage } from '../../scripts/lib/site/render-plan.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';
import { siteSettings } from '../support/site-settings.ts';

const NOW = new Date('2017-08-01T12:00:00+03:00');
let site: FixtureSite;

beforeAll(async () => {
  site = await createFixtureSite(makeArticles(40));
});
afterAll(() => site?.remove());

describe('a render shared between lanes', () => {
  it('writes the same files with the same bytes as one lane, in runs of any size', async () => {
    await site.build({ now: NOW, clean: true, renderLanes: 1 });
    const oneLane = await hashTree(site.outputDir);
    // Three lanes, the two workers' shares each rendered in several Eleventy runs.
    await site.build({ now: NOW, clean: true, renderLanes: 3, pagesPerRun: 9 });
    const threeLanes = await hashTree(site.outputDir);
    expect(oneLane.size).toBeGreaterThan(100);
    expect([...oneLane.keys()]).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'assets/css/feed.css']));
    expect(differences(oneLane, threeLanes)).toEqual([]);
  });

  it('writes the same files with a warm lane, which renders a one-lane render and is left out of a larger one', async () => {
    await site.build({ now: NOW, clean: true, renderLanes: 1 });
    const oneLane = await hashTree(site.outputDir);
    // As npm run build renders: with Eleventy's template cache, which lives as long as the thread.
    const rehearsal = { context: { site: siteSettings, now: NOW, includeDrafts: false, cacheTemplates: true }, projectDir: PROJECT_DIR, inputDir: site.contentDir, configPath: await eleventyConfigFile(PROJECT_DIR) };
    const readyLane = async (): Promise<WarmLane> => {
      const lane = new WarmLane(rehearsal);
      expect(await lane.rehearsed).toBe(true);
      return lane;
    };
    // One lane: the warm lane's alone, assets and all.
    await site.build({ now: NOW, clean: true, renderLanes: 1, warmLane: await readyLane(), cacheTemplates: true });
    expect(differences(oneLane, await hashTree(site.outputDir))).toEqual([]);
    // Three: this thread's and two workers'; the warm lane is ended unused.
    const leftOut = await readyLane();
    await site.build({ now: NOW, clean: true, renderLanes: 3, pagesPerRun: 9, warmLane: leftOut, cacheTemplates: true });
    expect(differences(oneLane, await hashTree(site.outputDir))).toEqual([]);
    await expect(leftOut.render({} as RenderShare)).rejects.toThrow(/stopped before it answered/);
  });

  it('waits for a warm lane still rehearsing, which then renders a one-lane render', async () => {
    await site.build({ now: NOW, clean: true, renderLanes: 1 });
    const oneLane = await hashTree(site.outputDir);
    const rehearsing = new WarmLane({ context: { site: siteSettings, now: NOW, includeDrafts: false, cacheTemplates: true }, projectDir: PROJECT_DIR, inputDir: site.contentDir, configPath: await eleventyConfigFile(PROJECT_DIR) });
    expect(rehearsing.ready).toBe(false);
    await site.build({ now: NOW, clean: true, renderLanes: 1, warmLane: rehearsing, cacheTemplates: true });
    expect(differences(oneLane, await hashTree(site.outputDir))).toEqual([]);
    // The lane was given the render: it takes no other.
    expect(rehearsing.ready).toBe(true);
    expect(() => rehearsing.render({} as RenderShare)).toThrow(/renders one share/);
  });

  it('ends a warm lane that was given nothing to render', async () => {
    const lane = new WarmLane({ context: { site: siteSettings, now: NOW, includeDrafts: false, cacheTemplates: false }, projectDir: PROJECT_DIR, inputDir: site.contentDir, configPath: await eleventyConfigFile(PROJECT_DIR) });
    // close() settles once the worker has stopped: no thread is left to keep the process alive.
    await lane.close();
    expect(await lane.rehearsed).toBe(false);
  });

  it("does the caller's work once while the lanes render, and passes its failure on once they have stopped", async () => {
    const context = { site: siteSettings, now: NOW, includeDrafts: false, cacheTemplates: false };
    const pages: PlannedPage[] = [
      { family: 'robots', output: 'robots.txt', view: { output: 'robots.txt' } },
      { family: 'robots', output: 'elsewhere/robots.txt', view: { output: 'elsewhere/robots.txt' } },
    ];
    const render = (folder: string, lanes: number, whileRendering: () => Promise<void>, warm?: WarmLane): Promise<number> => renderPages({
      context, projectDir: PROJECT_DIR, inputDir: site.contentDir, outputDir: join(site.dir, folder),
      pages, chrome: { nav: [], assets: {} }, fileByUrl: new Map(), lanes, imageCacheDir: join(site.dir, 'images'), warm, whileRendering,
    });
    const readyLane = async (): Promise<WarmLane> => {
      const lane = new WarmLane({ context, projectDir: PROJECT_DIR, inputDir: site.contentDir, configPath: await eleventyConfigFile(PROJECT_DIR) });
      expect(await lane.rehearsed).toBe(true);
      return lane;
    };
    for (const [folder, lanes, warm] of [['while-warm', 1, await readyLane()], ['while-lanes', 2, undefined]] as const) {
      let calls = 0;
      expect(await render(folder, lanes, async () => { calls += 1; }, warm)).toBe(2);
      expect(calls).toBe(1);
    }
    // The warm lane renders both pages; the caller's work fails meanwhile: the render fails
    // with it, and only once the lane has answered, its pages written.
    const failed = await render('while-failing', 1, async () => { throw new Error('the caller failed'); }, await readyLane())
      .then(() => undefined, (error: unknown) => error as Error);
    expect(failed?.message).toBe('the caller failed');
    expect([...(await hashTree(join(site.dir, 'while-failing'))).keys()]).toEqual(expect.arrayContaining(['elsewhere/robots.txt', 'robots.txt']));
  });

  it('fails with the message of the lane that failed, once every lane has stopped', async () => {
    const article = (id: string): PlannedPage => ({
      family: 'article',
      output: `articles/${id}/index.html`,
      view: { output: `articles/${id}/index.html`, article: { url: `/articles/${id}/`, inputPath: `articles/${id}.md`, data: { id }, bodyHash: '' } },
    });
    // The first page (robots.txt) is this thread's; the second goes to the worker's lane,
    // which has no file for its article.
    const render = renderPages({
      context: { site: siteSettings, now: NOW, includeDrafts: false, cacheTemplates: false },
      projectDir: PROJECT_DIR, inputDir: site.contentDir, outputDir: join(site.dir, 'lanes-failure'),
      pages: [{ family: 'robots', output: 'robots.txt', view: { output: 'robots.txt' } }, article('ffffffffffffffff')], chrome: { nav: [], assets: {} },
      fileByUrl: new Map(), lanes: 2, imageCacheDir: join(site.dir, 'images'),
    });
    const failure = await render.then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.message).toBe('no file for the article /articles/ffffffffffffffff/');
    // Thrown in the worker: its stack, carried over, runs through the lane's worker (its
    // bundle, worker-bundle.ts, or its module while the bundle is being made).
    expect(failure?.stack).toMatch(/render-lane-worker\.ts|arabic-newsroom-workers\/worker-[0-9a-f]{16}\.mjs/);
  });
});
