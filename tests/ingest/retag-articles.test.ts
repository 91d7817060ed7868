// Re-tagging an archive from the articles' own Markdown (ingest --retag with no raw files):
// the tags the raw text would get, only the tags changed, an editor's article left alone.

import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { hashTree } from '../../scripts/lib/fs/compare-trees.ts';
import { walkFiles } from '../../scripts/lib/fs/walk-files.ts';
import { readFrontMatter } from '../../scripts/lib/content/front-matter.ts';
import { articleParagraphs, isUntouchedIngestOutput, retagArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { escapeMarkdownParagraph } from '../../scripts/lib/ingest/escape-markdown.ts';
import { ingestRawFiles, type FileReport } from '../../scripts/lib/ingest/ingest-batch.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { retagArticles } from '../../scripts/lib/ingest/retag-articles.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('retag-');
const BUNDLED = join(PROJECT_DIR, 'content/articles');
const SEED = '2017/07/f4b3dfa3adcd8716.md';
const OLD_SEED_TAGS = ['سورية', 'إيران', 'روسيا', 'الولايات المتحدة', 'طهران', 'موسكو', 'الإرهاب'];

async function copyOfBundled(): Promise<string> {
  const out = join(await makeTempDir(), 'articles');
  await cp(BUNDLED, out, { recursive: true });
  return out;
}

async function retag(out: string, dryRun = false): Promise<{ reports: FileReport[]; summary: Awaited<ReturnType<typeof retagArticles>> }> {
  const reports: FileReport[] = [];
  const summary = await retagArticles({ outDir: out, settings: ingestSettings, dryRun, onReport: (report) => reports.push(report) });
  return { reports, summary };
}

/** The seed article as the rules before scoring tagged it: signed, untouched ingest output. */
async function withOldSeedTags(out: string): Promise<void> {
  const path = join(out, SEED);
  const old = retagArticleDocument(await readFile(path, 'utf8'), OLD_SEED_TAGS);
  if (old === undefined) throw new Error('the seed article cannot be retagged');
  expect(isUntouchedIngestOutput(old)).toBe(true);
  await writeFile(path, old);
}

describe('articleParagraphs', () => {
  it.each([
    ['a plain paragraph', 'أكدت إيران أن التنسيق ضروري.'],
    ['a heading marker', '# ليس عنواناً'],
    ['an ordered-list marker', '1. ليس قائمة'],
    ['a bullet', '* ليس قائمة'],
    ['a quote', '> ليس اقتباساً'],
    ['markup and templates', '<script>x</script> [a](b) {{ x }} {% y %} {# z #}'],
    ['backslashes and ampersands', 'a\\b & c \\\\ d'],
    ['leading blanks', '   \tمسافة في البداية'],
  ])('reads back %s as written', (_case, paragraph) => {
    expect(articleParagraphs(`${[paragraph, 'الثانية'].map(escapeMarkdownParagraph).join('\n\n')}\n`)).toEqual([paragraph, 'الثانية']);
  });
});

describe('retagging from the Markdown', () => {
  it('finds in every bundled article the tags ingest gave it from the raw text, and writes nothing', async () => {
    const out = await copyOfBundled();
    const before = await hashTree(out);
    const { summary } = await retag(out);
    expect(summary).toMatchObject({ files: 6, unchanged: 6, updated: 0 });
    expect(await hashTree(out)).toEqual(before);
  });

  it('finds the raw text\'s tags in the Markdown of the edge cases and hostile files too', async () => {
    const out = join(await makeTempDir(), 'articles');
    const inputs = ['raw-edge-cases', 'raw-hostile'].map((folder) => join(PROJECT_DIR, 'tests/fixtures', folder));
    const ingested = await ingestRawFiles({ inputs, outDir: out, site: siteSettings, settings: ingestSettings, date: '2017-07-01' });
    expect(ingested.created).toBeGreaterThan(20);
    const { summary, reports } = await retag(out);
    expect(reports.filter((report) => report.status !== 'unchanged')).toEqual([]);
    expect(summary.unchanged).toBe(ingested.created);
  });

  it('changes only the tags of an article with stale ones: byte for byte what ingest writes now', async () => {
    const out = await copyOfBundled();
    await withOldSeedTags(out);
    expect(readFrontMatter(await readFile(join(out, SEED), 'utf8')).tags).toEqual(OLD_SEED_TAGS);
    const dry = await retag(out, true);
    expect(dry.summary).toMatchObject({ updated: 1, unchanged: 5 });
    expect(readFrontMatter(await readFile(join(out, SEED), 'utf8')).tags).toEqual(OLD_SEED_TAGS);
    const { reports, summary } = await retag(out);
    expect(summary).toMatchObject({ files: 6, updated: 1, unchanged: 5 });
    expect(reports.find((report) => report.file.endsWith(SEED))).toMatchObject({
      status: 'updated', id: 'f4b3dfa3adcd8716',
      warnings: ['tags «سورية، إيران، روسيا، الولايات المتحدة، طهران، موسكو، الإرهاب» now «سورية، الولايات المتحدة، إيران، روسيا»'],
    });
    expect(await hashTree(out)).toEqual(await hashTree(BUNDLED));
  });

  it('leaves an article an editor changed as it is, and reports it kept-edited', async () => {
    const out = await copyOfBundled();
    await withOldSeedTags(out);
    await appendFile(join(out, SEED), '\nتصحيح.\n');
    const edited = await readFile(join(out, SEED), 'utf8');
    const { reports, summary } = await retag(out);
    expect(summary).toMatchObject({ 'kept-edited': 1, unchanged: 5 });
    expect(reports.find((report) => report.file.endsWith(SEED))).toMatchObject({ status: 'kept-edited', reason: expect.stringContaining('«سورية، الولايات المتحدة، إيران، روسيا»') });
    expect(await readFile(join(out, SEED), 'utf8')).toBe(edited);
  });

  it('leaves ingest of the unchanged raw files with nothing to write afterwards', async () => {
    const out = await copyOfBundled();
    const raw = join(PROJECT_DIR, 'tests/fixtures/raw');
    await ingestRawFiles({ inputs: [raw], outDir: out, site: siteSettings, settings: ingestSettings });
    await withOldSeedTags(out);
    await retag(out);
    const summary = await ingestRawFiles({ inputs: [raw], outDir: out, site: siteSettings, settings: ingestSettings });
    expect(summary).toMatchObject({ files: 6, unchanged: 6 });
    expect(await hashTree(out)).toEqual(await hashTree(BUNDLED));
  });

  it('is what `ingest --retag` does with no raw files, and refuses --force and --date there', async () => {
    const out = await copyOfBundled();
    await withOldSeedTags(out);
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => { stdout += text; }, stderr: (text: string) => { stderr += text; }, isTerminal: false, cwd: PROJECT_DIR };
    expect(await runIngestCommand(['--retag', '--out', out, '--force'], io)).toBe(2);
    expect(stderr).toContain('--force and --date do not apply');
    expect(await runIngestCommand(['--retag', '--out', out], io)).toBe(0);
    expect(stdout).toContain('6 files: 0 created, 1 updated, 5 unchanged, 0 kept-edited, 0 duplicate, 0 rejected');
    const files: string[] = [];
    for await (const path of walkFiles(out)) files.push(path);
    expect(files).toHaveLength(6);
    expect(await hashTree(out)).toEqual(await hashTree(BUNDLED));
  });
});
