// The ingest command: reads its arguments, runs the batch, reports. Returns the exit code
// (0 all ingested or unchanged, 1 some files rejected, 2 usage) instead of exiting, so it
// can be tested without a process.

import { readCommandLine, usageError, type CommandOutput } from '../cli/command-line.ts';
import { ingestSettings } from '../config/ingest-settings.ts';
import { PUBLICATION } from '../config/site.ts';
import { parseCalendarDay } from '../content/article-date.ts';
import { displayPath, ingestRawFiles, type FileReport } from './ingest-batch.ts';
import { formatReportLine, formatSummaryLine, JsonReportWriter } from './ingest-report.ts';
import { retagArticles } from './retag-articles.ts';

export interface CommandIo extends CommandOutput {
  /** Whether stdout is a terminal (progress is shown only there). */
  isTerminal: boolean;
  cwd: string;
}

export const INGEST_USAGE = `Usage: npm run ingest -- <raw-dir-or-file>... [--out content/articles] [--date YYYY-MM-DD] [--dry-run] [--force] [--retag] [--json]
       npm run ingest -- --retag [--out content/articles] [--dry-run] [--json]

  --out DIR      where articles are written as <yyyy>/<mm>/<id>.md (default content/articles)
  --date DAY     date for files with no manifest entry and no date line
  --dry-run      report what would happen, write nothing
  --force        overwrite articles that an editor has changed
  --retag        recompute the tags of articles already written, by the current rules
                 (otherwise an article keeps its tags while its raw text is the same);
                 with no raw files, from the articles' own Markdown in --out
  --json         print the report as JSON
`;

const INGEST_COMMAND = {
  name: 'ingest',
  usage: INGEST_USAGE,
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/articles' },
    date: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    retag: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
} as const;

/** Files done before a terminal starts showing a running count. */
const PROGRESS_AFTER = 300;

export async function runIngestCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const commandLine = readCommandLine(argv, INGEST_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const { values, positionals } = commandLine;
  if (positionals.length === 0 && !values.retag) {
    return usageError(INGEST_COMMAND, io, 'name at least one raw file or folder');
  }
  if (positionals.length === 0 && (values.force || values.date !== undefined)) {
    return usageError(INGEST_COMMAND, io, '--retag without raw files changes only tags: --force and --date do not apply');
  }
  if (values.date !== undefined && !parseCalendarDay(values.date)) {
    io.stderr(`ingest: --date must be a real day as YYYY-MM-DD, not «${values.date}»\n`);
    return 2;
  }

  const shown = (path: string): string => displayPath(path, io.cwd);
  const dryRun = values['dry-run'];
  const json = values.json ? new JsonReportWriter(io.stdout) : undefined;
  let done = 0;
  const showProgress = io.isTerminal && !json;
  const onReport = (report: FileReport): void => {
    done += 1;
    if (json) return json.add(report, shown);
    const clear = showProgress && done > PROGRESS_AFTER ? '\r\x1b[K' : '';
    io.stdout(`${clear}${formatReportLine(report, shown)}\n`);
    if (showProgress && done >= PROGRESS_AFTER) io.stdout(`… ${done} files done`);
  };
  const summary = positionals.length === 0
    ? await retagArticles({ outDir: values.out, settings: ingestSettings, dryRun, onReport })
    : await ingestRawFiles({
      inputs: positionals,
      outDir: values.out,
      date: values.date,
      dryRun,
      force: values.force,
      retag: values.retag,
      site: PUBLICATION,
      settings: ingestSettings,
      onReport,
    });
  if (json) json.finish(summary, dryRun);
  else io.stdout(`${showProgress && done >= PROGRESS_AFTER ? '\r\x1b[K' : ''}${formatSummaryLine(summary, dryRun)}\n`);
  return summary.rejected > 0 ? 1 : 0;
}
