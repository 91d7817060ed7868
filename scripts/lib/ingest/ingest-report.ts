// How an ingest run is told to a person (one line per file, then a summary) or to a
// program (one JSON document, streamed as the files are done).

import type { FileReport, IngestSummary } from './ingest-batch.ts';

const STATUS_WIDTH = 'kept-edited'.length;

export function formatReportLine(report: FileReport, displayPath: (path: string) => string): string {
  let line = `${report.status.padEnd(STATUS_WIDTH)}  ${displayPath(report.file)}`;
  if (report.article) line += ` → ${displayPath(report.article)}`;
  if (report.reason) line += `: ${report.reason}`;
  if (report.warnings.length > 0) line += ` [${report.warnings.map((warning) => `warning: ${warning}`).join('; ')}]`;
  return line;
}

export function formatSummaryLine(summary: IngestSummary, dryRun: boolean): string {
  const counts = (['created', 'updated', 'unchanged', 'kept-edited', 'duplicate', 'rejected'] as const)
    .map((status) => `${summary[status]} ${status}`)
    .join(', ');
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  return `${dryRun ? 'dry run, nothing written: ' : ''}${files}: ${counts}`;
}

/** Streams `{"files":[…],"summary":{…}}` without holding every report in memory. */
export class JsonReportWriter {
  private count = 0;

  constructor(private readonly write: (text: string) => void) {
    this.write('{"files":[');
  }

  add(report: FileReport, displayPath: (path: string) => string): void {
    const entry = { ...report, file: displayPath(report.file), article: report.article && displayPath(report.article) };
    this.write(`${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
    this.count += 1;
  }

  finish(summary: IngestSummary, dryRun: boolean): void {
    this.write(`\n],"summary":${JSON.stringify({ ...summary, dryRun })}}\n`);
  }
}
