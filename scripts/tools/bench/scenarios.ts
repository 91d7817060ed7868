// The benchmark's publishing scenarios: what a newsroom does to a built site between two
// builds (publish a batch, correct a sentence or a headline, take an article down, change a
// layout, nothing), in the order they run on one project copy. Each scenario only changes
// the copy's files; bench-command measures the ingest and build that follow.

import { readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { articleTimestamp, calendarDayInZone, formatCalendarDay } from '../../lib/content/article-date.ts';
import { walkFiles } from '../../lib/fs/walk-files.ts';
import type { BenchProject } from './bench-project.ts';
import { editFirstSentence, editHeadline, editLayout, itemAt } from './scenario-edits.ts';
import { writeCorpus } from './generate-corpus.ts';

/** Articles the publish scenario adds. */
export const PUBLISHED_ARTICLES = 20;

/** Where in the sorted list of article files the edited and deleted articles sit. */
export const PICKS = { body: 0, headline: 1 / 3, deleted: 2 / 3 } as const;

/** The layout the layout scenario edits, under layouts/: every page includes it. */
export const EDITED_LAYOUT = join('partials', 'footer.njk');

export interface ScenarioContext {
  project: BenchProject;
  /** A folder for the scenario's own inputs (the raw files it publishes). */
  workDir: string;
  /** Size and seed of the corpus already in the copy: new articles continue it. */
  articles: number;
  seed: number;
  /** The SITE_NOW every build of the run uses. */
  siteNow: string;
  timeZone: string;
}

export interface ScenarioChange {
  /** What changed, for the log: a file and what was done to it. */
  description: string;
  /** A folder of raw files to ingest into the copy before the build. */
  ingest?: string;
}

export interface Scenario {
  name: string;
  /** Changes the project copy; the build (after the ingest it asks for) is measured. */
  apply(context: ScenarioContext): Promise<ScenarioChange>;
}

/**
 * The calendar day, in the site's time zone, of a build's now: an article dated that day
 * is published by that build (a calendar day is out once it has begun), and is newer than
 * every article of the corpus, which ends the day before BENCH_SITE_NOW. A SITE_NOW that is
 * a bare day is its midnight UTC, as the build reads it.
 */
export function publishingDay(siteNow: string, timeZone: string): string {
  const time = articleTimestamp(siteNow);
  if (Number.isNaN(time)) throw new Error(`SITE_NOW must be an ISO 8601 date or date-time, not «${siteNow}»`);
  return formatCalendarDay(calendarDayInZone(new Date(time), timeZone));
}

/** The copy's article files, sorted by path (<yyyy>/<mm>/<id>.md: oldest months first). */
export async function articleFiles(articlesDir: string): Promise<string[]> {
  const files: string[] = [];
  for await (const file of walkFiles(articlesDir)) if (file.endsWith('.md')) files.push(file);
  return files;
}

/** Refuses a file that is not the copy's own (reached through a link into the real project, say). */
async function ownFile(context: ScenarioContext, file: string): Promise<string> {
  const [real, copy] = await Promise.all([realpath(file), realpath(context.project.dir)]);
  if (!real.startsWith(`${copy}${sep}`)) throw new Error(`${file} is not the benchmark copy's own file (it is ${real}): a scenario edits only the copy`);
  return file;
}

async function rewrite(context: ScenarioContext, file: string, edit: (text: string) => string): Promise<void> {
  await writeFile(await ownFile(context, file), edit(await readFile(file, 'utf8')));
}

const relativeToCopy = (context: ScenarioContext, file: string): string => file.slice(context.project.dir.length + 1);

export const SCENARIOS: readonly Scenario[] = [
  {
    name: `publish ${PUBLISHED_ARTICLES}`,
    async apply(context) {
      const rawDir = join(context.workDir, 'publish-raw');
      const day = publishingDay(context.siteNow, context.timeZone);
      // Articles N… of the corpus's seed: new ids and URLs, all dated today, none with a time of day after now.
      await writeCorpus({
        articles: PUBLISHED_ARTICLES,
        outDir: rawDir,
        seed: context.seed,
        firstIndex: context.articles,
        days: { first: day, last: day },
        timesOfDay: false,
      });
      return { description: `${PUBLISHED_ARTICLES} raw articles dated ${day}, ingested from ${rawDir}`, ingest: rawDir };
    },
  },
  {
    name: 'edit body',
    async apply(context) {
      const file = itemAt(await articleFiles(context.project.articlesDir), PICKS.body);
      await rewrite(context, file, editFirstSentence);
      return { description: `first sentence of ${relativeToCopy(context, file)} lengthened` };
    },
  },
  {
    name: 'edit headline',
    async apply(context) {
      const file = itemAt(await articleFiles(context.project.articlesDir), PICKS.headline);
      await rewrite(context, file, (text) => editHeadline(text));
      return { description: `title of ${relativeToCopy(context, file)} changed` };
    },
  },
  {
    name: 'delete one',
    async apply(context) {
      const file = itemAt(await articleFiles(context.project.articlesDir), PICKS.deleted);
      await rm(await ownFile(context, file));
      return { description: `${relativeToCopy(context, file)} deleted` };
    },
  },
  {
    name: 'change layout',
    async apply(context) {
      const file = join(context.project.layoutsDir, EDITED_LAYOUT);
      await rewrite(context, file, editLayout);
      return { description: `a comment added to ${relativeToCopy(context, file)}` };
    },
  },
  {
    name: 'no change',
    async apply() {
      return { description: 'nothing changed' };
    },
  },
];

/** A scenario's name as a file name: publish 20 → publish-20. */
export function scenarioSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}
