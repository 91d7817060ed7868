import { describe, expect, it } from 'vitest';
import type { FileReport, IngestSummary } from '../../scripts/lib/ingest/ingest-batch.ts';
import { displayPath } from '../../scripts/lib/ingest/ingest-batch.ts';
import { formatReportLine, formatSummaryLine, JsonReportWriter } from '../../scripts/lib/ingest/ingest-report.ts';

const shown = (path: string): string => path.replace('/work/', '');

const summary: IngestSummary = { files: 7, created: 2, updated: 1, unchanged: 1, 'kept-edited': 1, duplicate: 1, rejected: 1 };

describe('formatReportLine', () => {
  it.each<[string, FileReport, string]>([
    [
      'a created article',
      { file: '/work/raw/a.txt', status: 'created', id: 'f4b3dfa3adcd8716', article: '/work/out/2017/07/f4b3dfa3adcd8716.md', warnings: [] },
      'created      raw/a.txt → out/2017/07/f4b3dfa3adcd8716.md',
    ],
    [
      'a rejected file with its reason',
      { file: '/work/raw/empty.txt', status: 'rejected', reason: 'the file is empty', warnings: [] },
      'rejected     raw/empty.txt: the file is empty',
    ],
    [
      'warnings',
      { file: '/work/raw/b.txt', status: 'created', article: '/work/out/b.md', warnings: ['decoded from Windows-1256', 'unknown section «منوعات»'] },
      'created      raw/b.txt → out/b.md [warning: decoded from Windows-1256; warning: unknown section «منوعات»]',
    ],
    [
      'the longest status',
      { file: '/work/raw/c.txt', status: 'kept-edited', article: '/work/out/c.md', reason: 'edited', warnings: [] },
      'kept-edited  raw/c.txt → out/c.md: edited',
    ],
  ])('writes %s on one line', (_case, report, line) => {
    expect(formatReportLine(report, shown)).toBe(line);
  });
});

describe('formatSummaryLine', () => {
  it('counts every status', () => {
    expect(formatSummaryLine(summary, false)).toBe('7 files: 2 created, 1 updated, 1 unchanged, 1 kept-edited, 1 duplicate, 1 rejected');
  });

  it('says when nothing was written, and counts one file in the singular', () => {
    const one: IngestSummary = { files: 1, created: 1, updated: 0, unchanged: 0, 'kept-edited': 0, duplicate: 0, rejected: 0 };
    expect(formatSummaryLine(one, true)).toBe('dry run, nothing written: 1 file: 1 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 0 rejected');
  });
});

describe('JsonReportWriter', () => {
  it('streams one JSON document with every report and the summary', () => {
    let output = '';
    const writer = new JsonReportWriter((text) => { output += text; });
    writer.add({ file: '/work/raw/a.txt', status: 'created', article: '/work/out/a.md', warnings: [] }, shown);
    writer.add({ file: '/work/raw/b.txt', status: 'rejected', reason: 'the file is "binary"', warnings: ['w'] }, shown);
    writer.finish(summary, true);
    expect(JSON.parse(output)).toEqual({
      files: [
        { file: 'raw/a.txt', status: 'created', article: 'out/a.md', warnings: [] },
        { file: 'raw/b.txt', status: 'rejected', reason: 'the file is "binary"', warnings: ['w'] },
      ],
      summary: { ...summary, dryRun: true },
    });
  });

  it('writes a valid document for no files', () => {
    let output = '';
    const writer = new JsonReportWriter((text) => { output += text; });
    writer.finish({ ...summary, files: 0 }, false);
    expect(JSON.parse(output)).toMatchObject({ files: [], summary: { files: 0, dryRun: false } });
  });
});

describe('displayPath', () => {
  it.each([
    ['a path inside the base, made relative with forward slashes', '/work/main/tests/raw/a.txt', '/work/main', 'tests/raw/a.txt'],
    ['a path outside the base, kept as given', '/tmp/raw/a.txt', '/work/main', '/tmp/raw/a.txt'],
  ])('shows %s', (_case, path, base, expected) => {
    expect(displayPath(path, base)).toBe(expected);
  });
});
