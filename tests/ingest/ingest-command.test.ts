// The ingest command, run in-process on real fixture files copied into a temporary folder:
// the report of every edge case, exit codes, and what a second run, an editor's change, a
// changed raw file, --dry-run, --force and a new date do to the articles on disk.

import { appendFile, cp, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../../scripts/lib/fs/walk-files.ts';
import type { FileReport, IngestStatus } from '../../scripts/lib/ingest/ingest-batch.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { createArticleMarkdown } from '../../scripts/lib/site/article-markdown.ts';
import { generatedEdgeCases, RAW_EDGE_CASES_DIR } from '../support/raw-edge-case-bytes.ts';
import { useSuiteTempDirs, useTempDirs } from '../support/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SAMPLE_RAW = join(FIXTURES, 'raw');
/** Modification time given to every copied raw file: 13:00 in Damascus on 8 July 2017. */
const RAW_MTIME = new Date('2017-07-08T10:00:00Z');
const MTIME_DATE = '2017-07-08T13:00:00+03:00';
/** A time long past, given to written articles so that a rewrite would show in their mtime. */
const OLD_TIME = new Date('2001-01-01T00:00:00Z');

const MTIME_WARNING = 'no date in the manifest, the text or --date: the date is the file\'s modification time';
const MANIFEST_WARNING = 'manifest.csv line 3: «8 تموز 2017» is not a date (YYYY-MM-DD or ISO 8601 with offset); ignored for 20-unknown-section.txt';
const EDITED_WARNING = 'edited by an editor since ingest; kept as edited';
const KEPT_EDITED_REASON = 'the raw file changed, but an editor has changed the article since ingest: kept as edited (--force overwrites)';

const makeTempDir = useTempDirs('ingest-command-');
const md = createArticleMarkdown();

/** One file's entry in the --json report: the library's FileReport, as printed. */
type ReportEntry = FileReport;

interface JsonReport {
  files: ReportEntry[];
  summary: Record<IngestStatus | 'files', number> & { dryRun: boolean };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function ingest(argv: string[], cwd: string, isTerminal = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runIngestCommand(argv, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    isTerminal,
    cwd,
  });
  return { code, stdout, stderr };
}

async function ingestJson(argv: string[], cwd: string): Promise<{ code: number; report: JsonReport; byFile: Map<string, ReportEntry> }> {
  const run = await ingest([...argv, '--json'], cwd);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as JsonReport;
  const byFile = new Map(report.files.map((entry) => [entry.file.split('/').at(-1) ?? entry.file, entry]));
  return { code: run.code, report, byFile };
}

/** A working folder with a copy of a fixture folder as raw/, every raw file dated RAW_MTIME. */
async function workspace(fixture = RAW_EDGE_CASES_DIR, makeDir = makeTempDir): Promise<{ work: string; raw: string; out: string }> {
  const work = await makeDir();
  const raw = join(work, 'raw');
  await cp(fixture, raw, { recursive: true });
  for (const name of await readdir(raw)) await utimes(join(raw, name), RAW_MTIME, RAW_MTIME);
  return { work, raw, out: join(work, 'out') };
}

async function writeRaw(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await utimes(path, RAW_MTIME, RAW_MTIME);
}

/** Every file below a folder: relative path → bytes and modification time. */
async function snapshotFiles(folder: string): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>();
  for await (const path of walkFiles(folder)) {
    files.set(relative(folder, path), { bytes: (await readFile(path)).toString('base64'), mtimeMs: (await stat(path)).mtimeMs });
  }
  return files;
}

async function markdownFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for await (const path of walkFiles(folder)) if (path.endsWith('.md')) found.push(relative(folder, path).split('\\').join('/'));
  return found;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The non-empty lines of a raw fixture from the given line (1-based) on: its body paragraphs. */
async function rawBody(name: string, fromLine: number): Promise<string[]> {
  const text = await readFile(join(RAW_EDGE_CASES_DIR, name), 'utf8');
  return text.split('\n').slice(fromLine - 1).filter((line) => line.trim() !== '');
}

describe('ingest command: the edge-case fixtures', () => {
  it('are committed with exactly the bytes the fixture script writes', async () => {
    for (const [name, bytes] of Object.entries(generatedEdgeCases())) {
      const committed = await readFile(join(RAW_EDGE_CASES_DIR, name));
      expect(Buffer.from(bytes).equals(committed), `${name} differs from what tests/support/raw-edge-case-bytes.ts writes`).toBe(true);
    }
  });

  it('are each listed in the folder\'s README', async () => {
    const readme = await readFile(join(RAW_EDGE_CASES_DIR, 'README.md'), 'utf8');
    const names = (await readdir(RAW_EDGE_CASES_DIR)).filter((name) => name.endsWith('.txt') || name === 'manifest.csv');
    expect(names).toHaveLength(23);
    for (const name of names) expect(readme).toContain(`\`${name}\``);
  });
});

describe('ingest command: one batch of edge cases', () => {
  let work: string;
  let raw: string;
  let out: string;
  let code: number;
  let report: JsonReport;
  let byFile: Map<string, ReportEntry>;
  const makeSuiteDir = useSuiteTempDirs('ingest-edge-cases-');

  beforeAll(async () => {
    ({ work, raw, out } = await workspace(RAW_EDGE_CASES_DIR, makeSuiteDir));
    ({ code, report, byFile } = await ingestJson([raw, '--out', out], work));
  });

  async function frontMatterOf(name: string): Promise<{ data: Record<string, unknown>; content: string; document: string }> {
    const article = byFile.get(name)?.article;
    if (!article) throw new Error(`${name} wrote no article`);
    const document = await readFile(join(work, article), 'utf8');
    const parsed = matter(document, {});
    return { data: parsed.data as Record<string, unknown>, content: parsed.content, document };
  }

  it('exits 1, because some files are rejected, and reports every .txt file once, in name order', async () => {
    expect(code).toBe(1);
    expect(report.summary).toEqual({ files: 22, created: 17, updated: 0, unchanged: 0, 'kept-edited': 0, duplicate: 1, rejected: 4, dryRun: false });
    const rawNames = (await readdir(RAW_EDGE_CASES_DIR)).filter((name) => name.endsWith('.txt')).sort();
    expect(report.files.map((entry) => entry.file)).toEqual(rawNames.map((name) => `raw/${name}`));
  });

  it.each<[string, IngestStatus, string | undefined, string[]]>([
    ['01-windows-1256.txt', 'created', undefined, [MANIFEST_WARNING, 'decoded from Windows-1256']],
    ['02-crlf-bom.txt', 'created', undefined, []],
    ['03-no-byline.txt', 'created', undefined, []],
    ['04-byline-with-place.txt', 'created', undefined, []],
    ['05-no-blank-lines.txt', 'created', undefined, []],
    ['06-date-arabic-indic-digits.txt', 'created', undefined, []],
    ['07-date-egyptian-month.txt', 'created', undefined, []],
    ['08-date-two-word-month.txt', 'created', undefined, []],
    ['09-date-hamza-variant.txt', 'created', undefined, []],
    ['10-date-wrong-weekday.txt', 'created', undefined, ['line 5: the date line says الجمعة but 2017-07-06 was a الخميس']],
    ['11-date-impossible.txt', 'created', undefined, ['line 5: the date line «31 شباط 2017» names no real day; the line is dropped', MTIME_WARNING]],
    ['12-markdown-specials.txt', 'created', undefined, [MTIME_WARNING]],
    ['13-html-script.txt', 'created', undefined, [MTIME_WARNING]],
    ['14-template-syntax.txt', 'created', undefined, [MTIME_WARNING]],
    ['15-yaml-hostile-title.txt', 'created', undefined, []],
    ['16-empty.txt', 'rejected', 'the file is empty', []],
    ['17-boilerplate-only.txt', 'rejected', 'the file has no text once the site boilerplate is removed', []],
    ['18-binary.txt', 'rejected', 'the file is binary, not text', []],
    ['20-unknown-section.txt', 'created', undefined, ['unknown section «منوعات»: written, but the build refuses it until the section is added to scripts/lib/config/site.ts']],
    ['21-latin-1.txt', 'rejected', 'the file is neither UTF-8 nor Arabic Windows-1256 text', []],
    ['22-manifest-dated.txt', 'created', undefined, []],
  ])('reports %s as %s', (name, status, reason, warnings) => {
    const entry = byFile.get(name);
    expect(entry).toBeDefined();
    expect({ status: entry?.status, reason: entry?.reason, warnings: entry?.warnings }).toEqual({ status, reason, warnings });
    if (status === 'rejected') expect(entry?.article).toBeUndefined();
  });

  it('reports the second copy of a text as a duplicate of the first, and writes it once', async () => {
    const original = byFile.get('03-no-byline.txt');
    expect(byFile.get('19-duplicate-of-03.txt')).toEqual({
      file: 'raw/19-duplicate-of-03.txt',
      status: 'duplicate',
      id: original?.id,
      reason: `the id ${original?.id} was already ingested from ${join(raw, '03-no-byline.txt')} in this run`,
      warnings: [],
    });
    expect((await markdownFiles(out)).filter((path) => path.endsWith(`${original?.id}.md`))).toHaveLength(1);
  });

  it('writes one article per accepted file, under the year and month of its date, and nothing else', async () => {
    const created = report.files.filter((entry) => entry.status === 'created');
    const expected = await Promise.all(created.map(async (entry) => {
      const { data } = await frontMatterOf(entry.file.slice('raw/'.length));
      const [year, month] = String(data.date).split('-');
      expect(entry.article).toBe(`out/${year}/${month}/${entry.id}.md`);
      return `${year}/${month}/${entry.id}.md`;
    }));
    expect(await markdownFiles(out)).toEqual([...expected].sort());
    expect(await readdir(out, { recursive: true })).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it.each<[string, Record<string, unknown>]>([
    ['01-windows-1256.txt', {
      section: 'سورية', title: 'دمشق تستضيف مؤتمراً للطاقة المتجددة بمشاركة «روسية» وإيرانية',
      byline: 'دمشق - سامر محمد', place: 'دمشق', author: 'سامر محمد', date: '2017-07-03', dateSource: 'line',
    }],
    ['02-crlf-bom.txt', {
      section: 'عربي ودولي', title: 'موسكو.. محادثات روسية إيرانية حول سورية', byline: 'وكالات', date: '2017-07-06', dateSource: 'line',
      excerpt: 'بحث وزيرا خارجية روسيا وإيران في موسكو أمس تطورات الأوضاع في سورية.',
    }],
    ['03-no-byline.txt', { section: 'محليات', title: 'انطلاق حملة لتنظيف الحدائق العامة في دمشق', date: '2017-07-04', dateSource: 'line' }],
    ['04-byline-with-place.txt', { byline: 'حلب - محمد منار حميجو', place: 'حلب', author: 'محمد منار حميجو', date: '2017-07-03' }],
    ['05-no-blank-lines.txt', {
      section: 'اقتصاد', title: 'ارتفاع صادرات الحمضيات عبر مرفأ اللاذقية', place: 'اللاذقية', author: 'عبير سمير', date: '2017-07-04',
    }],
    ['06-date-arabic-indic-digits.txt', { date: '2017-07-07', dateSource: 'line' }],
    ['07-date-egyptian-month.txt', { date: '2017-07-05', dateSource: 'line', byline: 'وكالات' }],
    ['08-date-two-word-month.txt', { date: '2017-10-10', dateSource: 'line', author: 'سارة سلامة' }],
    ['09-date-hamza-variant.txt', { date: '2017-05-02', dateSource: 'line' }],
    ['10-date-wrong-weekday.txt', { date: '2017-07-06', dateSource: 'line' }],
    ['11-date-impossible.txt', { date: MTIME_DATE, dateSource: 'mtime' }],
    ['12-markdown-specials.txt', { byline: 'د. نبيل طعمة', author: 'د. نبيل طعمة', date: MTIME_DATE, dateSource: 'mtime', excerpt: '# ليست هذه عنواناً' }],
    ['15-yaml-hostile-title.txt', { title: '- «عاجل»: "دمشق" تقول #نعم --- yes', byline: 'وكالات', date: '2017-07-05' }],
    ['20-unknown-section.txt', { section: 'منوعات', date: '2017-07-06', dateSource: 'line' }],
    ['22-manifest-dated.txt', { date: '2017-07-08T09:15:00+03:00', dateSource: 'manifest', sourceUrl: 'https://example.org/economy?id=1,2' }],
  ])('writes the front matter of %s', async (name, expected) => {
    const { data } = await frontMatterOf(name);
    expect(data).toMatchObject({ ...expected, source: name });
  });

  it.each(['03-no-byline.txt', '06-date-arabic-indic-digits.txt', '09-date-hamza-variant.txt', '13-html-script.txt'])(
    'writes %s, which has no byline, with no byline, author or place',
    async (name) => {
      const { data } = await frontMatterOf(name);
      for (const field of ['byline', 'author', 'place']) expect(data).not.toHaveProperty(field);
    },
  );

  it('writes a CRLF, BOM and no-break-space file as clean LF text', async () => {
    const { document, content } = await frontMatterOf('02-crlf-bom.txt');
    expect(document).not.toMatch(/[\r\ufeff\u00a0]/);
    expect(content).toBe('بحث وزيرا خارجية روسيا وإيران في موسكو أمس تطورات الأوضاع في سورية.\n\nوأكد الجانبان ضرورة تعزيز التنسيق بينهما في مكافحة الإرهاب.\n');
  });

  it('keeps «شارك» in the middle of the body and drops it from the trailing block', async () => {
    const { content } = await frontMatterOf('20-unknown-section.txt');
    expect(content.trimEnd().split('\n\n')).toEqual([
      'يعرف سكان شارع الحمراء قطاً رمادياً يعبر الشارع كل صباح في الساعة السابعة تماماً.',
      'شارك',
      'ويقول بائع الصحف إن القط لم يتأخر يوماً منذ ثلاث سنوات.',
    ]);
  });

  it.each([
    ['12-markdown-specials.txt', 7],
    ['13-html-script.txt', 5],
    ['14-template-syntax.txt', 5],
  ])('renders every paragraph of %s through markdown-it as exactly its text', async (name, fromLine) => {
    const { content } = await frontMatterOf(name);
    const paragraphs = await rawBody(name, fromLine);
    expect(paragraphs.length).toBeGreaterThanOrEqual(2);
    const html = md.render(content);
    expect(html).toBe(paragraphs.map((paragraph) => `<p>${htmlEscape(paragraph)}</p>\n`).join(''));
    expect(html).not.toMatch(/<(script|b|h1|ol|ul|li|blockquote|code|pre|a|img|table|hr|em|strong|s)[\s>]/);
  });

  it('leaves no template delimiter in the Markdown of the template-syntax file', async () => {
    const { content } = await frontMatterOf('14-template-syntax.txt');
    for (const delimiter of ['{{', '}}', '{%', '%}', '{#', '#}']) expect(content).not.toContain(delimiter);
  });

  it('re-running the same batch writes nothing: every article is unchanged, bytes and mtimes included', async () => {
    for (const path of await markdownFiles(out)) await utimes(join(out, path), OLD_TIME, OLD_TIME);
    const before = await snapshotFiles(out);
    const second = await ingestJson([raw, '--out', out], work);
    expect(second.code).toBe(1);
    expect(second.report.summary).toEqual({ files: 22, created: 0, updated: 0, unchanged: 17, 'kept-edited': 0, duplicate: 1, rejected: 4, dryRun: false });
    for (const [name, entry] of byFile) {
      const again = second.byFile.get(name);
      const expectedStatus = entry.status === 'created' ? 'unchanged' : entry.status;
      expect({ name, status: again?.status, article: again?.article, warnings: again?.warnings })
        .toEqual({ name, status: expectedStatus, article: entry.article, warnings: entry.warnings });
    }
    expect(await snapshotFiles(out)).toEqual(before);
  });
});

describe('ingest command: exit codes and usage', () => {
  it('exits 0 for a clean batch', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const { code, report } = await ingestJson([raw, '--out', out], work);
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ files: 6, created: 6, rejected: 0 });
  });

  it('exits 0 for a batch whose only trouble is a duplicate', async () => {
    const { work, raw, out } = await workspace();
    const { code, report } = await ingestJson([join(raw, '03-no-byline.txt'), join(raw, '19-duplicate-of-03.txt'), '--out', out], work);
    expect(code).toBe(0);
    expect(report.files.map((entry) => entry.status)).toEqual(['created', 'duplicate']);
  });

  it('exits 1 for an input that does not exist, and still ingests the others', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const missing = join(work, 'missing');
    const { code, report } = await ingestJson([missing, join(raw, '000_f4b3dfa3adcd8716.txt'), '--out', out], work);
    expect(code).toBe(1);
    expect(report.files).toEqual([
      { file: 'missing', status: 'rejected', reason: 'no such file or folder', warnings: [] },
      expect.objectContaining({ file: 'raw/000_f4b3dfa3adcd8716.txt', status: 'created' }),
    ]);
  });

  it.each<[string, (raw: string, out: string) => string[], string]>([
    ['no inputs', (_raw, out) => ['--out', out], 'ingest: name at least one raw file or folder'],
    ['a --date that is not a day', (raw, out) => [raw, '--out', out, '--date', 'yesterday'], 'ingest: --date must be a real day as YYYY-MM-DD, not «yesterday»'],
    ['a --date that does not exist', (raw, out) => [raw, '--out', out, '--date', '2017-02-30'], 'ingest: --date must be a real day as YYYY-MM-DD, not «2017-02-30»'],
    ['an unknown option', (raw, out) => [raw, '--out', out, '--frobnicate'], 'ingest: Unknown option \'--frobnicate\''],
    ['--out with no value', (raw) => [raw, '--out'], 'ingest: Option \'--out <value>\' argument missing'],
  ])('exits 2 for %s, says why on stderr and writes nothing', async (_case, argv, message) => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const run = await ingest(argv(raw, out), work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(await readdir(work)).toEqual(['raw']);
  });

  it('prints the usage on --help and exits 0', async () => {
    const run = await ingest(['--help'], process.cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run ingest -- <raw-dir-or-file>\.\.\./);
    expect(run.stdout).toContain('--dry-run');
  });

  it('prints one line per file and a summary line without --json', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const run = await ingest([raw, '--out', out], work);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('created      raw/000_f4b3dfa3adcd8716.txt → out/2017/07/f4b3dfa3adcd8716.md');
    expect(lines[6]).toBe('6 files: 6 created, 0 updated, 0 unchanged, 0 kept-edited, 0 duplicate, 0 rejected');
    expect(run.stdout).not.toContain('\x1b');
  });
});

describe('ingest command: running again', () => {
  it('re-running a clean batch is a no-op: all unchanged, bytes and mtimes kept, exit 0', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    expect((await ingestJson([raw, '--out', out], work)).code).toBe(0);
    for (const path of await markdownFiles(out)) await utimes(join(out, path), OLD_TIME, OLD_TIME);
    const before = await snapshotFiles(out);
    const { code, report } = await ingestJson([raw, '--out', out], work);
    expect(code).toBe(0);
    expect(report.files.map((entry) => entry.status)).toEqual(Array(6).fill('unchanged'));
    expect(report.files.every((entry) => entry.warnings.length === 0)).toBe(true);
    expect(await snapshotFiles(out)).toEqual(before);
  });

  it('updates the article of a changed raw file that no editor has touched', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    await ingestJson([raw, '--out', out], work);
    const rawFile = join(raw, '001_3c9e1a7b52d04f86.txt');
    await writeRaw(rawFile, (await readFile(rawFile, 'utf8')).replace('12 بالمئة', '15 بالمئة'));
    const { code, byFile, report } = await ingestJson([raw, '--out', out], work);
    expect(code).toBe(0);
    expect(byFile.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'updated', article: 'out/2017/07/3c9e1a7b52d04f86.md', warnings: [] });
    expect(report.summary).toMatchObject({ updated: 1, unchanged: 5 });
    const document = await readFile(join(out, '2017/07/3c9e1a7b52d04f86.md'), 'utf8');
    expect(document).toContain('15 بالمئة');
    expect(document).not.toContain('12 بالمئة');
  });

  describe('an article an editor has changed', () => {
    async function editedWorkspace(): Promise<{ work: string; raw: string; out: string; article: string; edited: string }> {
      const space = await workspace(SAMPLE_RAW);
      await ingestJson([space.raw, '--out', space.out], space.work);
      const article = join(space.out, '2017/07/3c9e1a7b52d04f86.md');
      await appendFile(article, '\nتصحيح من المحرر.\n');
      return { ...space, article, edited: await readFile(article, 'utf8') };
    }

    it('is kept, with a warning, when its raw file has not changed', async () => {
      const { work, raw, out, article, edited } = await editedWorkspace();
      const { code, byFile } = await ingestJson([raw, '--out', out], work);
      expect(code).toBe(0);
      expect(byFile.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'unchanged', warnings: [EDITED_WARNING] });
      expect(await readFile(article, 'utf8')).toBe(edited);
    });

    it('is kept, and reported kept-edited, when its raw file has changed', async () => {
      const { work, raw, out, article, edited } = await editedWorkspace();
      const rawFile = join(raw, '001_3c9e1a7b52d04f86.txt');
      await writeRaw(rawFile, (await readFile(rawFile, 'utf8')).replace('12 بالمئة', '15 بالمئة'));
      const { code, byFile } = await ingestJson([raw, '--out', out], work);
      expect(code).toBe(0);
      expect(byFile.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({
        status: 'kept-edited', article: 'out/2017/07/3c9e1a7b52d04f86.md', reason: KEPT_EDITED_REASON,
      });
      expect(await readFile(article, 'utf8')).toBe(edited);
      // And it stays kept on the next run.
      expect((await ingestJson([raw, '--out', out], work)).byFile.get('001_3c9e1a7b52d04f86.txt')?.status).toBe('kept-edited');
      expect(await readFile(article, 'utf8')).toBe(edited);
    });

    it('is kept when the editor also broke its front matter (no closing --- line)', async () => {
      const { work, raw, out, article } = await editedWorkspace();
      const broken = (await readFile(article, 'utf8')).replace(/\n---\n/u, '\n');
      await writeFile(article, broken);
      const rawFile = join(raw, '001_3c9e1a7b52d04f86.txt');
      await writeRaw(rawFile, (await readFile(rawFile, 'utf8')).replace('12 بالمئة', '15 بالمئة'));
      const { byFile } = await ingestJson([raw, '--out', out], work);
      expect(byFile.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'kept-edited', article: 'out/2017/07/3c9e1a7b52d04f86.md' });
      expect(await readFile(article, 'utf8')).toBe(broken);
    });

    it('is overwritten with --force, which the report says', async () => {
      const { work, raw, out, article } = await editedWorkspace();
      const rawFile = join(raw, '001_3c9e1a7b52d04f86.txt');
      await writeRaw(rawFile, (await readFile(rawFile, 'utf8')).replace('12 بالمئة', '15 بالمئة'));
      const { code, byFile } = await ingestJson([raw, '--out', out, '--force'], work);
      expect(code).toBe(0);
      expect(byFile.get('001_3c9e1a7b52d04f86.txt')).toMatchObject({ status: 'updated', warnings: ['overwrote an editor\'s changes (--force)'] });

      const fresh = await makeTempDir();
      await ingestJson([raw, '--out', fresh], work);
      expect(await readFile(article, 'utf8')).toBe(await readFile(join(fresh, '2017/07/3c9e1a7b52d04f86.md'), 'utf8'));
    });
  });

  it('reports a new file with the text of an existing article as a duplicate of it', async () => {
    const { work, raw, out } = await workspace();
    const first = await ingestJson([join(raw, '03-no-byline.txt'), '--out', out], work);
    const original = first.byFile.get('03-no-byline.txt');
    const copy = join(raw, '900_0123456789abcdef.txt');
    await cp(join(raw, '03-no-byline.txt'), copy);
    const { code, byFile } = await ingestJson([copy, '--out', out], work);
    expect(code).toBe(0);
    expect(byFile.get('900_0123456789abcdef.txt')).toMatchObject({
      status: 'duplicate', id: '0123456789abcdef', article: original?.article, reason: `same text as the article ${original?.id}`,
    });
    expect(await markdownFiles(out)).toEqual([original?.article?.slice('out/'.length)]);
  });

  it('moves an article whose date changed: the old file is removed, never doubled', async () => {
    const { work, raw, out } = await workspace();
    await rm(join(raw, 'manifest.csv'));
    const input = join(raw, '13-html-script.txt');
    const first = await ingestJson([input, '--out', out, '--date', '2017-07-06'], work);
    const entry = first.byFile.get('13-html-script.txt');
    expect(entry).toMatchObject({ status: 'created', article: `out/2017/07/${entry?.id}.md`, warnings: [] });
    const { data } = matter(await readFile(join(work, entry?.article ?? ''), 'utf8'), {});
    expect(data).toMatchObject({ date: '2017-07-06', dateSource: 'option' });

    const moved = await ingestJson([input, '--out', out, '--date', '2018-01-02'], work);
    expect(moved.byFile.get('13-html-script.txt')).toMatchObject({
      status: 'updated', article: `out/2018/01/${entry?.id}.md`, warnings: [`moved from ${join(out, '2017', '07', `${entry?.id}.md`)}`],
    });
    expect(await markdownFiles(out)).toEqual([`2018/01/${entry?.id}.md`]);
  });

  it('moves an article dated by a manifest entry added later', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    await ingestJson([raw, '--out', out], work);
    await appendFile(join(raw, 'manifest.csv'), '003_b7250e94c1f86a3d.txt,2017-08-01T10:00:00+03:00,\n');
    const { byFile } = await ingestJson([raw, '--out', out], work);
    expect(byFile.get('003_b7250e94c1f86a3d.txt')).toMatchObject({ status: 'updated', article: 'out/2017/08/b7250e94c1f86a3d.md' });
    expect((await markdownFiles(out)).filter((path) => path.includes('b7250e94c1f86a3d'))).toEqual(['2017/08/b7250e94c1f86a3d.md']);
  });
});

describe('ingest command: dates from --date and file mtimes', () => {
  it('dates files with no manifest entry and no date line by --date, and leaves the others alone', async () => {
    const { work, raw, out } = await workspace();
    const { byFile } = await ingestJson([join(raw, '12-markdown-specials.txt'), join(raw, '03-no-byline.txt'), '--out', out, '--date', '2017-06-30'], work);
    // The folder's manifest has a bad row: its warning goes with the first file read from the folder.
    expect(byFile.get('12-markdown-specials.txt')).toMatchObject({ warnings: [MANIFEST_WARNING], article: expect.stringMatching(/^out\/2017\/06\//) });
    expect(byFile.get('03-no-byline.txt')?.warnings).toEqual([]);
    expect(byFile.get('03-no-byline.txt')).toMatchObject({ article: expect.stringMatching(/^out\/2017\/07\//) });
  });

  it('dates a file by its modification time in Damascus, with a warning', async () => {
    const { work, raw, out } = await workspace();
    const input = join(raw, '12-markdown-specials.txt');
    await utimes(input, new Date('2017-07-31T21:30:00Z'), new Date('2017-07-31T21:30:00Z'));
    const { byFile } = await ingestJson([input, '--out', out], work);
    const entry = byFile.get('12-markdown-specials.txt');
    expect(entry).toMatchObject({ warnings: [MANIFEST_WARNING, MTIME_WARNING], article: `out/2017/08/${entry?.id}.md` });
    const { data } = matter(await readFile(join(work, entry?.article ?? ''), 'utf8'), {});
    expect(data).toMatchObject({ date: '2017-08-01T00:30:00+03:00', dateSource: 'mtime' });
  });
});

describe('ingest command: --dry-run', () => {
  it('reports what it would create and writes nothing', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const { code, report } = await ingestJson([raw, '--out', out, '--dry-run'], work);
    expect(code).toBe(0);
    expect(report.files.map((entry) => entry.status)).toEqual(Array(6).fill('created'));
    expect(report.summary).toMatchObject({ created: 6, dryRun: true });
    expect(await exists(out)).toBe(false);
  });

  it('reports an update, a move and leftovers without touching the existing articles', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    await ingestJson([raw, '--out', out], work);
    const rawFile = join(raw, '001_3c9e1a7b52d04f86.txt');
    await writeRaw(rawFile, (await readFile(rawFile, 'utf8')).replace('2017-07-06', '2017-09-06'));
    const leftover = join(out, '2017', '07', '.3c9e1a7b52d04f86.md.0123456789ab.tmp');
    await writeFile(leftover, 'half an article');
    const before = await snapshotFiles(out);
    const run = await ingest([raw, '--out', out, '--dry-run'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('updated      raw/001_3c9e1a7b52d04f86.txt → out/2017/09/3c9e1a7b52d04f86.md');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('dry run, nothing written: 6 files: 0 created, 1 updated, 5 unchanged, 0 kept-edited, 0 duplicate, 0 rejected');
    expect(await snapshotFiles(out)).toEqual(before);
  });
});

describe('ingest command: writing', () => {
  it('removes temporary files a killed run left behind', async () => {
    const { work, raw, out } = await workspace(SAMPLE_RAW);
    const leftover = join(out, '2017', '07', '.f4b3dfa3adcd8716.md.0123456789ab.tmp');
    await mkdir(join(out, '2017', '07'), { recursive: true });
    await writeFile(leftover, 'half an article');
    await ingestJson([raw, '--out', out], work);
    expect(await exists(leftover)).toBe(false);
    expect(await markdownFiles(out)).toHaveLength(6);
  });

  it('rejects, per file, the articles it cannot write (a file stands where a folder should) and writes the others', async () => {
    const { work, raw, out } = await workspace();
    await mkdir(out);
    await writeFile(join(out, '2017'), 'a file where the 2017 folder should be');
    const inputs = ['03-no-byline.txt', '12-markdown-specials.txt', '09-date-hamza-variant.txt'].map((name) => join(raw, name));
    const { code, byFile, report } = await ingestJson([...inputs, '--out', out, '--date', '2018-01-02'], work);
    expect(code).toBe(1);
    for (const [name, folder] of [['03-no-byline.txt', '07'], ['09-date-hamza-variant.txt', '05']] as const) {
      const entry = byFile.get(name);
      expect(entry).toMatchObject({ status: 'rejected', reason: `cannot write ${join(out, '2017', folder, `${entry?.id}.md`)}: ENOTDIR` });
    }
    const written = byFile.get('12-markdown-specials.txt');
    expect(written).toMatchObject({ status: 'created', article: `out/2018/01/${written?.id}.md` });
    expect(report.summary).toMatchObject({ created: 1, rejected: 2 });
    expect(await markdownFiles(out)).toEqual([`2018/01/${written?.id}.md`]);
    expect(await readFile(join(out, '2017'), 'utf8')).toBe('a file where the 2017 folder should be');
  });

  it('shows a running count on a terminal for a batch of more than 300 files', async () => {
    const work = await makeTempDir();
    const raw = join(work, 'raw');
    await mkdir(raw);
    await Promise.all(Array.from({ length: 302 }, (_, index) =>
      writeFile(join(raw, `${String(index).padStart(3, '0')}.txt`), `محليات\nالخبر رقم ${index}\n2017-07-06\nنص الخبر رقم ${index}.\n`)));
    const terminal = await ingest([raw, '--out', join(work, 'out')], work, true);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain('… 300 files done');
    expect(terminal.stdout).toContain('\r\x1b[K');
    expect(terminal.stdout).toMatch(/\r\x1b\[K302 files: 302 created, .*\n$/);

    const piped = await ingest([raw, '--out', join(work, 'out')], work, false);
    expect(piped.stdout).not.toContain('files done');
    expect(piped.stdout.trimEnd().split('\n')).toHaveLength(303);
  });
});
