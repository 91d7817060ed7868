// The benchmark corpus generator: the same seed gives byte-identical files, every file
// ingests cleanly with the project's own parser, and the corpus spreads over sections,
// dates, date forms, bylines and tags the way a newspaper's archive does.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { countWords, type CorpusModel } from '../../scripts/tools/bench/corpus-model.ts';
import {
  AGENCY_CREDITS, CLAUSE_FRAMES, FAMILY_NAMES, FIRST_NAMES, MENTION_FRAMES, PLACES, ROLES, SECTION_WEIGHTS,
} from '../../scripts/tools/bench/corpus-settings.ts';
import { corpusFileName, generateArticle, type GeneratedArticle } from '../../scripts/tools/bench/generate-article.ts';
import { indexDigitsFor, loadCorpusModel, writeCorpus } from '../../scripts/tools/bench/generate-corpus.ts';
import { runGenerateCorpusCommand } from '../../scripts/tools/bench/generate-corpus-command.ts';
import { walkFiles } from '../../scripts/lib/fs/walk-files.ts';
import { parseByline } from '../../scripts/lib/ingest/byline.ts';
import { ingestRawFiles } from '../../scripts/lib/ingest/ingest-batch.ts';
import { parseManifest } from '../../scripts/lib/ingest/manifest.ts';
import { parseRawArticle } from '../../scripts/lib/ingest/parse-raw-article.ts';
import { useSuiteTempDirs, useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('bench-corpus-');
const makeSuiteDir = useSuiteTempDirs('bench-corpus-suite-');

async function folderContents(folder: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(folder, name))] as const)));
}

let model: CorpusModel;
/** 400 articles generated in memory with seed 7. */
let sample: GeneratedArticle[];

beforeAll(async () => {
  model = await loadCorpusModel();
  const context = { model, sections: siteSettings.sections, seed: 7, indexDigits: 6 };
  sample = Array.from({ length: 400 }, (_, index) => generateArticle(context, index));
});

describe('determinism', () => {
  it('writes byte-identical files and manifest for the same seed', async () => {
    const [first, second] = [await makeTempDir(), await makeTempDir()];
    await writeCorpus({ articles: 40, seed: 3, outDir: first });
    await writeCorpus({ articles: 40, seed: 3, outDir: second });
    const [a, b] = [await folderContents(first), await folderContents(second)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBe(41);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name) as Buffer), name).toBe(true);
  });

  it('writes different files for a different seed', async () => {
    const [first, second] = [await makeTempDir(), await makeTempDir()];
    await writeCorpus({ articles: 20, seed: 1, outDir: first });
    await writeCorpus({ articles: 20, seed: 2, outDir: second });
    const [a, b] = [await folderContents(first), await folderContents(second)];
    const namesInBoth = [...a.keys()].filter((name) => b.has(name));
    expect(namesInBoth).toEqual(['manifest.csv']);
    const texts = (files: Map<string, Buffer>): string[] => [...files].filter(([name]) => name.endsWith('.txt')).map(([, bytes]) => bytes.toString('utf8'));
    const shared = texts(a).filter((text) => texts(b).includes(text));
    expect(shared).toEqual([]);
  });

  it('gives every article the same file name and text whatever else is generated', () => {
    const context = { model, sections: siteSettings.sections, seed: 7, indexDigits: 6 };
    expect(generateArticle(context, 123)).toEqual(sample[123]);
  });

  it.each([
    [1, 6], [1000, 6], [1_000_000, 6], [1_000_001, 7],
  ])('pads the index of %i articles to %i digits', (articles, digits) => {
    expect(indexDigitsFor(articles)).toBe(digits);
  });

  it('names files NNNNNN_<16 hex>.txt, the raw format ingest takes the id from', () => {
    expect(corpusFileName(5, 42, 6)).toMatch(/^000042_[0-9a-f]{16}\.txt$/);
    const names = new Set(sample.map((article) => article.fileName));
    expect(names.size).toBe(sample.length);
  });
});

describe('a batch that continues a corpus (the benchmark’s publish scenario)', () => {
  it('writes articles N… of the seed: the files a larger corpus has there, when the dates are left alone', async () => {
    const [whole, batch] = [await makeTempDir(), await makeTempDir()];
    await writeCorpus({ articles: 8, seed: 3, outDir: whole });
    await writeCorpus({ articles: 3, seed: 3, outDir: batch, firstIndex: 5 });
    const [a, b] = [await folderContents(whole), await folderContents(batch)];
    const names = [...b.keys()].filter((name) => name.endsWith('.txt'));
    expect(names).toEqual([...a.keys()].filter((name) => name.endsWith('.txt')).slice(5));
    for (const name of names) expect((b.get(name) as Buffer).equals(a.get(name) as Buffer), name).toBe(true);
    const rows = (files: Map<string, Buffer>): string[] => (files.get('manifest.csv') as Buffer).toString('utf8').trim().split('\n').slice(1);
    expect(rows(b)).toEqual(rows(a).filter((row) => names.some((name) => row.startsWith(name))));
  });

  it('dates every article within the days given, and with no time of day when asked', () => {
    const context = { model, sections: siteSettings.sections, seed: 7, indexDigits: 6, days: { first: '2026-01-01', last: '2026-01-01' }, timesOfDay: false };
    const batch = Array.from({ length: 60 }, (_, index) => generateArticle(context, 400 + index));
    expect(new Set(batch.map((article) => article.facts.date))).toEqual(new Set(['2026-01-01']));
    const manifestDates = batch.flatMap((article) => (article.manifest?.date === undefined ? [] : [article.manifest.date]));
    expect(manifestDates.length).toBeGreaterThan(20);
    expect(manifestDates.every((date) => date === '2026-01-01')).toBe(true);
  });

  it('changes only the dates: the rest of each article is the one the seed and index give', () => {
    const dated = { model, sections: siteSettings.sections, seed: 7, indexDigits: 6, days: { first: '2026-01-01', last: '2026-01-01' }, timesOfDay: false };
    for (const index of [0, 1, 2, 3, 50, 123]) {
      const [original, moved] = [sample[index] as GeneratedArticle, generateArticle(dated, index)];
      expect(moved.fileName).toBe(original.fileName);
      expect({ ...moved.facts, date: '' }).toEqual({ ...original.facts, date: '' });
      expect(moved.manifest?.url).toBe(original.manifest?.url);
    }
  });

  it('refuses a range of days that is empty or not made of days', () => {
    const base = { model, sections: siteSettings.sections, seed: 7, indexDigits: 6 };
    expect(() => generateArticle({ ...base, days: { first: '2026-01-02', last: '2026-01-01' } }, 0)).toThrow(/empty/);
    expect(() => generateArticle({ ...base, days: { first: 'today', last: '2026-01-01' } }, 0)).toThrow(/not a calendar day/);
  });
});

describe('generated files in the raw format', () => {
  let rawDir: string;
  let articlesDir: string;
  let expected: Map<string, GeneratedArticle>;

  beforeAll(async () => {
    rawDir = await makeSuiteDir();
    articlesDir = await makeSuiteDir();
    await writeCorpus({ articles: 50, seed: 11, outDir: rawDir });
    const context = { model, sections: siteSettings.sections, seed: 11, indexDigits: indexDigitsFor(50) };
    expected = new Map(Array.from({ length: 50 }, (_, index) => generateArticle(context, index)).map((article) => [article.fileName, article]));
  });

  it('parses every one of 50 files with parseRawArticle, with no rejection and no warning', async () => {
    const names = (await readdir(rawDir)).filter((name) => name.endsWith('.txt'));
    expect(names).toHaveLength(50);
    for (const name of names) {
      const parsed = parseRawArticle(await readFile(join(rawDir, name), 'utf8'), ingestSettings.boilerplateLines);
      expect(parsed.ok, name).toBe(true);
      if (!parsed.ok) continue;
      const facts = (expected.get(name) as GeneratedArticle).facts;
      expect(parsed.article.warnings, name).toEqual([]);
      expect(parsed.article.section).toBe(facts.section);
      expect(parsed.article.byline?.byline).toBe(facts.byline);
      if (facts.dateLine) expect(parsed.article.dateFromLine, name).toBe(facts.date);
      else expect(parsed.article.dateFromLine).toBeUndefined();
      expect(parsed.article.paragraphs).toHaveLength(facts.paragraphs);
      expect(parsed.article.paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph), 0)).toBe(facts.words);
    }
  });

  it('gives every file without a date line a manifest date', async () => {
    const manifest = parseManifest(await readFile(join(rawDir, 'manifest.csv'), 'utf8'));
    expect(manifest.warnings).toEqual([]);
    for (const [name, article] of expected) {
      const entry = manifest.entries.get(name);
      if (article.facts.dateSource === 'manifest') expect(entry?.date?.slice(0, 10), name).toBe(article.facts.date);
      else {
        expect(article.facts.dateLine, name).toBeDefined();
        expect(entry?.date).toBeUndefined();
      }
    }
  });

  it('ingests all 50 files: created, none rejected, each dated, tagged and filed as generated', async () => {
    const summary = await ingestRawFiles({ inputs: [rawDir], outDir: articlesDir, site: siteSettings, settings: ingestSettings });
    expect(summary).toMatchObject({ files: 50, created: 50, rejected: 0, duplicate: 0 });
    let articles = 0;
    for await (const path of walkFiles(articlesDir)) {
      const { data } = matter(await readFile(path, 'utf8'), {});
      const facts = (expected.get(String(data.source)) as GeneratedArticle).facts;
      articles += 1;
      expect(String(data.date).slice(0, 10)).toBe(facts.date);
      expect(data.dateSource).toBe(facts.dateSource);
      expect(data.section).toBe(facts.section);
      // Tagged from what it mentions, never more: a passing mention makes no tag (score-tags.ts).
      expect(facts.mentions).toEqual(expect.arrayContaining(data.tags ?? []));
      expect((data.tags ?? []).length).toBeLessThanOrEqual(ingestSettings.tagScoring.maxTags);
    }
    expect(articles).toBe(50);
  });
});

describe('spread over 400 articles', () => {
  it('keeps every body between 600 and 900 words', () => {
    const words = sample.map((article) => article.facts.words);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...words)).toBeLessThanOrEqual(900);
    // Spread over the range, not piled at one end.
    expect(words.filter((count) => count < 700).length).toBeGreaterThan(50);
    expect(words.filter((count) => count > 800).length).toBeGreaterThan(30);
  });

  it('uses all 7 sections of the section table, the larger ones more often', () => {
    const counts = new Map<string, number>();
    for (const article of sample) counts.set(article.facts.section, (counts.get(article.facts.section) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(siteSettings.sections.map((section) => section.name).sort());
    expect([...counts.keys()].sort()).toEqual(SECTION_WEIGHTS.map(([name]) => name).sort());
    expect(counts.get('سورية')).toBeGreaterThan(counts.get('قضايا وآراء') as number);
  });

  it('spreads dates over every year from 2016 to 2025', () => {
    const years = new Set(sample.map((article) => article.facts.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(sample.every((article) => article.facts.date >= '2016-01-01' && article.facts.date <= '2025-12-31')).toBe(true);
  });

  it('dates most files from the manifest and the rest from every form of date line', () => {
    const fromManifest = sample.filter((article) => article.facts.dateSource === 'manifest').length;
    expect(fromManifest / sample.length).toBeGreaterThan(0.6);
    expect(fromManifest / sample.length).toBeLessThan(0.9);
    const forms = new Set(sample.map((article) => article.facts.dateLine).filter((form) => form !== undefined));
    expect([...forms].sort()).toEqual(['arabic-indic', 'arabic-indic-egyptian', 'egyptian', 'iso', 'levantine', 'levantine-weekday']);
    expect(sample.some((article) => /[٠-٩]/u.test(article.text))).toBe(true);
  });

  it('has bylines of every kind, read by ingest as the kind they were meant to be', () => {
    const kinds = new Set(sample.map((article) => article.facts.bylineKind));
    expect([...kinds].sort()).toEqual(['agency', 'author', 'none', 'place-author']);
    for (const article of sample) {
      const { byline, bylineKind } = article.facts;
      if (bylineKind === 'none') continue;
      const read = parseByline(byline as string);
      if (bylineKind === 'agency') expect(read.isAgency, byline).toBe(true);
      if (bylineKind === 'place-author') expect(read.place, byline).toBeDefined();
      if (bylineKind === 'author') expect(read.place === undefined && !read.isAgency, byline).toBe(true);
    }
  });

  it('mentions gazetteer names at varied rates: some in many articles, some in few, none in some', () => {
    const counts = new Map<string, number>();
    for (const article of sample) for (const tag of model.tags.match(article.text)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const rates = [...counts.values()];
    expect(counts.size).toBeGreaterThanOrEqual(12);
    expect(Math.max(...rates)).toBeGreaterThan(150);
    expect(Math.min(...rates)).toBeLessThan(20);
    expect(sample.some((article) => model.tags.match(article.text).length === 0)).toBe(true);
  });

  it('ends most files with the site chrome ingest drops', () => {
    const withChrome = sample.filter((article) => article.text.replace(/\s+$/u, '').endsWith('صحيفة الوطن')).length;
    expect(withChrome / sample.length).toBeGreaterThan(0.7);
    expect(withChrome).toBeLessThan(sample.length);
  });

  it('draws its sentences from the sample articles', () => {
    const sampleWords = new Set(model.clauses.flatMap((clause) => clause.text.split(' ')));
    const words = sample.flatMap((article) => article.text.split(/\s+/u)).filter((word) => /^\p{Script=Arabic}+$/u.test(word));
    const known = words.filter((word) => sampleWords.has(word)).length;
    expect(known / words.length).toBeGreaterThan(0.6);
  });
});

describe('the pools of names, places and phrases', () => {
  it.each([
    ['places', PLACES], ['first names', FIRST_NAMES], ['family names', FAMILY_NAMES], ['roles', ROLES],
    ['clause frames', CLAUSE_FRAMES], ['mention frames', MENTION_FRAMES], ['agency credits', AGENCY_CREDITS],
  ])('%s mention no gazetteer name (so tag rates stay as configured)', (_, pool) => {
    for (const entry of pool) expect(model.tags.match(entry), entry).toEqual([]);
  });
});

describe('the generate-corpus command', () => {
  const run = async (argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await runGenerateCorpusCommand(argv, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
    return { code, stdout, stderr };
  };

  it('writes the corpus and says what it wrote', async () => {
    const out = join(await makeTempDir(), 'corpus');
    const result = await run(['--articles', '5', '--out', out, '--seed', '9']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote 5 raw articles \([\d.]+ MiB\) and manifest\.csv \(\d+ rows\) into /);
    expect((await readdir(out)).filter((name) => name.endsWith('.txt'))).toHaveLength(5);
  });

  it.each([
    [['--out', '/tmp/x'], '--articles must be a whole number'],
    [['--articles', '0', '--out', '/tmp/x'], '--articles must be a whole number'],
    [['--articles', 'ten', '--out', '/tmp/x'], '--articles must be a whole number'],
    [['--articles', '5', '--out', '/tmp/x', '--seed=-1'], '--seed must be'],
    [['--articles', '5', '--out', '/tmp/x', '--seed', '4294967296'], '--seed must be'],
    [['--articles', '5'], 'name the output folder'],
    [['--articles', '5', '--out', '/tmp/x', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a folder that is not empty', async () => {
    const out = await makeTempDir();
    await writeCorpus({ articles: 1, seed: 1, outDir: out });
    const result = await run(['--articles', '5', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not empty');
  });
});
