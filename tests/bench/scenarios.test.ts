// The publishing scenarios, applied in order to a small project folder: each changes what it
// names and nothing else; published articles are the newest and dated no later than now;
// nothing outside the copy is ever touched.

import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectAt } from '../../scripts/tools/bench/bench-project.ts';
import { writeCorpus } from '../../scripts/tools/bench/generate-corpus.ts';
import { LAYOUT_EDIT_COMMENT } from '../../scripts/tools/bench/scenario-edits.ts';
import {
  articleFiles, EDITED_LAYOUT, PUBLISHED_ARTICLES, publishingDay, scenarioSlug, SCENARIOS, type ScenarioContext,
} from '../../scripts/tools/bench/scenarios.ts';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { walkFiles } from '../../scripts/lib/fs/walk-files.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { ingestRawFiles } from '../../scripts/lib/ingest/ingest-batch.ts';
import { useSuiteTempDirs, useTempDirs } from '../support/temp-dir.ts';

const makeSuiteDir = useSuiteTempDirs('bench-scenarios-');
const makeTempDir = useTempDirs('bench-scenarios-link-');

const FOOTER = '<footer class="site-footer">\n  <p>©</p>\n</footer>\n';


/** Every file below a folder with its text. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const file of walkFiles(folder)) files.set(file, await readFile(file, 'utf8'));
  return files;
}

/** Paths added, removed or changed between two snapshots. */
function changes(before: Map<string, string>, after: Map<string, string>): { added: string[]; removed: string[]; changed: string[] } {
  return {
    added: [...after.keys()].filter((path) => !before.has(path)),
    removed: [...before.keys()].filter((path) => !after.has(path)),
    changed: [...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path)),
  };
}

describe('publishingDay', () => {
  it.each([
    ['2026-01-01', 'Asia/Damascus', '2026-01-01'],
    ['2026-01-01', 'America/New_York', '2025-12-31'],
    ['2017-07-08T23:30:00+00:00', 'Asia/Damascus', '2017-07-09'],
    ['2017-07-08T12:00:00+03:00', 'Asia/Damascus', '2017-07-08'],
  ])('is, for SITE_NOW %s in %s, %s', (siteNow, timeZone, day) => {
    expect(publishingDay(siteNow, timeZone)).toBe(day);
  });

  it('refuses a SITE_NOW that is not ISO 8601', () => {
    expect(() => publishingDay('yesterday', 'Asia/Damascus')).toThrow(/SITE_NOW/);
  });
});

describe('the scenarios, in order on one project', () => {
  const SITE_NOW = '2026-01-01';
  const CORPUS = 6;
  let context: ScenarioContext;
  let everything: () => Promise<Map<string, string>>;

  beforeAll(async () => {
    const dir = await makeSuiteDir();
    const project = projectAt(join(dir, 'project'));
    const rawDir = join(dir, 'raw');
    await writeCorpus({ articles: CORPUS, seed: 5, outDir: rawDir });
    await mkdir(project.articlesDir, { recursive: true });
    await ingestRawFiles({ inputs: [rawDir], outDir: project.articlesDir, site: siteSettings, settings: ingestSettings });
    await mkdir(join(project.layoutsDir, 'partials'), { recursive: true });
    await writeFile(join(project.layoutsDir, EDITED_LAYOUT), FOOTER);
    const workDir = join(dir, 'work');
    await mkdir(workDir);
    context = { project, workDir, articles: CORPUS, seed: 5, siteNow: SITE_NOW, timeZone: siteSettings.timeZone };
    everything = () => snapshot(project.dir);
  });

  const scenario = (name: string) => {
    const found = SCENARIOS.find((entry) => entry.name === name);
    if (!found) throw new Error(`no scenario ${name}`);
    return found;
  };

  it('are publish 20, edit body, edit headline, delete one, change layout and no change, in that order', () => {
    expect(SCENARIOS.map((entry) => entry.name)).toEqual(['publish 20', 'edit body', 'edit headline', 'delete one', 'change layout', 'no change']);
    expect(SCENARIOS.map((entry) => scenarioSlug(entry.name))).toEqual(['publish-20', 'edit-body', 'edit-headline', 'delete-one', 'change-layout', 'no-change']);
  });

  it('publish 20: writes 20 raw articles that continue the corpus, all newer than it and none after now', async () => {
    const before = await everything();
    const change = await scenario('publish 20').apply(context);
    // Only raw files: the copy changes when they are ingested, which the benchmark measures.
    expect(changes(before, await everything())).toEqual({ added: [], removed: [], changed: [] });
    const rawDir = change.ingest as string;
    const raw = (await readdir(rawDir)).filter((name) => name.endsWith('.txt')).sort();
    expect(raw).toHaveLength(PUBLISHED_ARTICLES);
    expect(raw[0]).toMatch(/^000006_[0-9a-f]{16}\.txt$/u);

    const corpusDates = [...(await snapshot(context.project.articlesDir)).values()].map((text) => String(readFrontMatter(text).date));
    const summary = await ingestRawFiles({ inputs: [rawDir], outDir: context.project.articlesDir, site: siteSettings, settings: ingestSettings });
    expect(summary).toMatchObject({ files: PUBLISHED_ARTICLES, created: PUBLISHED_ARTICLES, rejected: 0, duplicate: 0 });
    const files = await articleFiles(context.project.articlesDir);
    expect(files).toHaveLength(CORPUS + PUBLISHED_ARTICLES);
    const published = files.slice(CORPUS).map((file) => file.slice(context.project.articlesDir.length + 1));
    expect(published.every((file) => file.startsWith('2026/01/'))).toBe(true);
    for (const file of files.slice(CORPUS)) {
      // A calendar day, never a time of day: 08:00 on the day would be after a now of midnight.
      expect(readFrontMatter(await readFile(file, 'utf8')).date).toBe('2026-01-01');
    }
    expect(corpusDates.every((date) => date.slice(0, 10) < '2026-01-01')).toBe(true);
  });

  it('edit body: changes the first article file, and only it', async () => {
    const before = await everything();
    await scenario('edit body').apply(context);
    const [first] = await articleFiles(context.project.articlesDir);
    expect(changes(before, await everything())).toEqual({ added: [], removed: [], changed: [first] });
  });

  it('edit headline: changes the title of the article a third of the way down the list, and only it', async () => {
    const files = await articleFiles(context.project.articlesDir);
    const target = files[Math.floor(files.length / 3)] as string;
    const before = await everything();
    await scenario('edit headline').apply(context);
    expect(changes(before, await everything())).toEqual({ added: [], removed: [], changed: [target] });
    const [was, is] = [readFrontMatter(before.get(target) as string), readFrontMatter(await readFile(target, 'utf8'))];
    expect(is.title).not.toBe(was.title);
    expect({ ...is, title: null }).toEqual({ ...was, title: null });
  });

  it('delete one: removes the article two thirds of the way down the list, and only it', async () => {
    const files = await articleFiles(context.project.articlesDir);
    const target = files[Math.floor((files.length * 2) / 3)] as string;
    const before = await everything();
    await scenario('delete one').apply(context);
    expect(changes(before, await everything())).toEqual({ added: [], removed: [target], changed: [] });
  });

  it('change layout: adds a comment to the copy’s footer partial, and changes nothing else', async () => {
    const before = await everything();
    await scenario('change layout').apply(context);
    const footer = join(context.project.layoutsDir, EDITED_LAYOUT);
    expect(changes(before, await everything())).toEqual({ added: [], removed: [], changed: [footer] });
    expect(await readFile(footer, 'utf8')).toContain(LAYOUT_EDIT_COMMENT);
  });

  it('no change: changes nothing', async () => {
    const before = await everything();
    await scenario('no change').apply(context);
    expect(changes(before, await everything())).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('a scenario on a copy whose layouts are a link', () => {
  it('refuses to edit the linked file, which stays as it was', async () => {
    const [real, copyDir] = [await makeTempDir(), await makeTempDir()];
    await mkdir(join(real, 'layouts', 'partials'), { recursive: true });
    await writeFile(join(real, 'layouts', EDITED_LAYOUT), FOOTER);
    await symlink(join(real, 'layouts'), join(copyDir, 'layouts'));
    const layout = SCENARIOS.find((entry) => entry.name === 'change layout');
    const context: ScenarioContext = {
      project: projectAt(copyDir), workDir: copyDir, articles: 1, seed: 1, siteNow: '2026-01-01', timeZone: siteSettings.timeZone,
    };
    await expect(layout?.apply(context)).rejects.toThrow(/not the benchmark copy's own file/);
    expect(await readFile(join(real, 'layouts', EDITED_LAYOUT), 'utf8')).toBe(FOOTER);
  });
});
