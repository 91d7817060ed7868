// The benchmark's probe of `npm start`'s save latency (issue 11): in a project copy (the
// bench gives it a fresh copy of the built one's sources), starts the preview server as `npm start` does, waits for its first build, then saves one
// old article's body after another and times, for each save, how long until the server
// serves that article's page with the new text, and until settled() says the search index
// caught up. Prints one JSON line (preview-saves.ts reads it). Run as a script, in the copy:
//   node --import tsx --max-old-space-size=8192 scripts/tools/bench/preview-probe.ts <project-dir> [--saves 100]

import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, parseCount } from '../../lib/cli/command-line.ts';
import { siteSettingsFromEnvironment } from '../../lib/config/site.ts';
import { readFrontMatter } from '../../lib/content/front-matter.ts';
import { startPreviewServer, type PreviewServer } from '../../lib/serve/preview-server.ts';
import { DEFAULT_SAVES, type PreviewProbeOutput, type PreviewSave } from './preview-saves.ts';
import { projectAt } from './bench-project.ts';
import { BODY_EDIT_CLAUSE, editFirstSentence } from './scenario-edits.ts';
import { articleFiles } from './scenarios.ts';

/** How many different articles the saves cycle over. */
export const SAVED_ARTICLES = 5;

/**
 * The saved articles are spaced evenly over the oldest fifth of the article files (sorted by
 * path: oldest months first), as an editor correcting the archive saves them; where that
 * fifth is too small to space them, they are the oldest ones in a row.
 */
const OLDEST_FRACTION = 0.2;

/** How often the article's page is asked for while the preview builds. */
export const POLL_INTERVAL_MS = 20;

/** A save whose page has not shown after this long is a failure (a build that broke, a watcher that missed it). */
const SAVE_TIMEOUT_MS = 120_000;

export interface PreviewProbeOptions {
  projectDir: string;
  saves: number;
  pathPrefix: string;
  /** What the preview server prints (its build lines), for the probe's log. */
  log: (line: string) => void;
}

interface SavedArticle {
  file: string;
  /** The article's page, relative to the site's root URL. */
  page: string;
  /** The file as it was before the probe: every save edits this, so the body does not grow save after save. */
  original: string;
}

async function savedArticles(projectDir: string): Promise<SavedArticle[]> {
  const files = await articleFiles(projectAt(projectDir).articlesDir);
  if (files.length === 0) throw new Error('the project has no articles to save');
  const step = Math.max(1, Math.floor((files.length * OLDEST_FRACTION) / SAVED_ARTICLES));
  const picked = [...new Set(Array.from({ length: SAVED_ARTICLES }, (_, index) => files[Math.min(files.length - 1, index * step)] as string))];
  return Promise.all(picked.map(async (file) => {
    const original = await readFile(file, 'utf8');
    return { file, page: `articles/${String(readFrontMatter(original).id)}/`, original };
  }));
}

/** The clause save `number` adds to the first sentence: the same words each time, told apart by the number. */
export const saveClause = (number: number): string => `${BODY_EDIT_CLAUSE} (${number})`;

const residentMiB = (): number => process.memoryUsage().rss / 2 ** 20;
const pause = (ms: number): Promise<void> => new Promise((resume) => setTimeout(resume, ms));

/** Asks for the page every POLL_INTERVAL_MS until it holds `text`. */
async function untilServed(url: URL, text: string): Promise<void> {
  const deadline = performance.now() + SAVE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const response = await fetch(url).catch(() => undefined);
    // Read whatever the status, so the connection is free for the next request.
    const body = response ? await response.text().catch(() => '') : '';
    if (response?.ok && body.includes(text)) return;
    await pause(POLL_INTERVAL_MS);
  }
  throw new Error(`${url.pathname} did not show the saved text within ${SAVE_TIMEOUT_MS / 1000} s`);
}

async function timeSave(preview: PreviewServer, projectDir: string, article: SavedArticle, number: number): Promise<PreviewSave> {
  const clause = saveClause(number);
  const edited = editFirstSentence(article.original, clause);
  const written = performance.now();
  await writeFile(article.file, edited);
  await untilServed(new URL(article.page, preview.server.url), clause);
  const pageMs = performance.now() - written;
  // Asked only once the page is served: by then the watcher has seen the write and settled()
  // waits for the build it started (and for any run after it that the same write asked for).
  await preview.settled();
  const searchMs = performance.now() - written;
  return { article: relative(projectDir, article.file), pageMs, searchMs, rssMiB: residentMiB() };
}

export async function probePreviewSaves(options: PreviewProbeOptions): Promise<PreviewProbeOutput> {
  const projectDir = resolve(options.projectDir);
  const articles = await savedArticles(projectDir);
  const started = performance.now();
  // As `npm start` starts it (start-command.ts), on any free port.
  const preview = await startPreviewServer({ projectDir, outputDir: '_site', pathPrefix: options.pathPrefix, port: 0, host: '127.0.0.1', log: options.log });
  try {
    await preview.settled();
    const firstBuildMs = performance.now() - started;
    const saves: PreviewSave[] = [];
    for (let number = 1; number <= options.saves; number += 1) {
      saves.push(await timeSave(preview, projectDir, articles[(number - 1) % articles.length] as SavedArticle, number));
    }
    return { firstBuildMs, saves };
  } finally {
    await preview.close();
  }
}

const PROBE_COMMAND = {
  name: 'preview-probe',
  usage: 'Usage: node --import tsx scripts/tools/bench/preview-probe.ts <project-dir> [--saves 100]\n',
  options: { saves: { type: 'string', default: String(DEFAULT_SAVES) } },
  allowPositionals: true,
} as const;

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  const commandLine = parseCommandLine(process.argv.slice(2), PROBE_COMMAND);
  const saves = commandLine.kind === 'run' ? parseCount(commandLine.values.saves, 1) : undefined;
  const projectDir = commandLine.kind === 'run' ? commandLine.positionals[0] : undefined;
  if (commandLine.kind !== 'run' || saves === undefined || projectDir === undefined || commandLine.positionals.length !== 1) {
    process.stderr.write(PROBE_COMMAND.usage);
    process.exitCode = 2;
  } else {
    const output = await probePreviewSaves({
      projectDir,
      saves,
      pathPrefix: siteSettingsFromEnvironment(process.env).pathPrefix,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${JSON.stringify(output)}\n`);
    // Last, so the bench's progress line (a stage's last line) is this, not the JSON.
    process.stderr.write(`preview probe: ${output.saves.length} saves after a first build of ${(output.firstBuildMs / 1000).toFixed(1)} s\n`);
  }
}
