// The articles a build reads: the stamps that tell which files moved, and the entries the
// build cache keeps of each file, which must make the same article as the file itself.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLICATION } from '../../scripts/lib/config/site.ts';
import { readArticleDocument } from '../../scripts/lib/content/front-matter.ts';
import { articleStamps, readArticleBody, readArticles, type ArticleFileEntry, type ArticleItem, type ArticleSource } from '../../scripts/lib/site/article-source.ts';

const SAMPLE_CONTENT = join(import.meta.dirname, '..', '..', 'content');
let contentDir: string;
beforeEach(() => {
  contentDir = join(mkdtempSync(join(tmpdir(), 'article-source-')), 'content');
  cpSync(join(SAMPLE_CONTENT, 'articles'), join(contentDir, 'articles'), { recursive: true });
});
afterEach(() => rmSync(join(contentDir, '..'), { recursive: true, force: true }));

const checks = () => ({ sections: PUBLICATION.sections, contentLabel: 'content' });
const articlesDir = () => join(contentDir, 'articles');
/** The entries as the build cache stores and loads them: through JSON. */
const asStored = (entries: ReadonlyMap<string, ArticleFileEntry>): Map<string, ArticleFileEntry> => new Map(JSON.parse(JSON.stringify([...entries])));

/** Reads the articles, rewrites the first one's file with `edit`, then reads them again with the first read's entries as the cache. */
function readEditRead(edit: (text: string, article: ArticleItem) => string): { first: ArticleSource; article: ArticleItem; second: ArticleSource } {
  const first = readArticles(contentDir, articleStamps(contentDir, articlesDir()), new Map(), checks());
  const article = first.articles[0] as ArticleItem;
  const file = join(contentDir, article.inputPath);
  writeFileSync(file, edit(readFileSync(file, 'utf8'), article));
  const second = readArticles(contentDir, articleStamps(contentDir, articlesDir()), asStored(first.entries), checks());
  return { first, article, second };
}

describe('articleStamps', () => {
  it('stamps every Markdown article by its path in the content folder, in walking order, and no hidden file', () => {
    writeFileSync(join(articlesDir(), '.draft.md'), 'not an article');
    const stamps = articleStamps(contentDir, articlesDir());
    const paths = [...stamps.keys()];
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.every((path) => /^articles\/\d{4}\/\d{2}\/[0-9a-f]{16}\.md$/.test(path))).toBe(true);
    expect(paths).toEqual([...paths].sort());
  });

  it('moves the stamp of a file written again, even with the same bytes', () => {
    const before = articleStamps(contentDir, articlesDir());
    const [path] = before.keys() as IterableIterator<string>;
    const file = join(contentDir, path as string);
    const bytes = readFileSync(file);
    rmSync(file);
    writeFileSync(file, bytes);
    const after = articleStamps(contentDir, articlesDir());
    expect(after.get(path as string)).not.toBe(before.get(path as string));
    expect([...after.keys()]).toEqual([...before.keys()]);
  });
});

describe('readArticleBody', () => {
  it('gives the body the reader gives, for every sample article and one written on Windows with a byte order mark', () => {
    const files = [...articleStamps(contentDir, articlesDir()).keys()].map((path) => join(contentDir, path));
    const windows = join(contentDir, 'articles', 'windows.md');
    const sample = readFileSync(files[0] as string, 'utf8');
    writeFileSync(windows, `\ufeff${sample.replaceAll('\n', '\r\n')}---\r\nتحت خط فاصل\r\n`);
    expect(files.length).toBeGreaterThan(3);
    for (const file of [...files, windows]) {
      const body = readArticleBody(file);
      expect(body, file).toBe(readArticleDocument(readFileSync(file, 'utf8')).body);
      expect(body.length, file).toBeGreaterThan(100);
    }
  });
});

describe('readArticles from the cache', () => {
  it('makes from a stored entry the article its file makes: the same in every view', () => {
    const stamps = articleStamps(contentDir, articlesDir());
    const fresh = readArticles(contentDir, stamps, new Map(), checks());
    const cached = readArticles(contentDir, stamps, asStored(fresh.entries), checks());
    expect(cached.articles.length).toBe(fresh.articles.length);
    expect(JSON.stringify(cached.articles)).toBe(JSON.stringify(fresh.articles));
    expect(cached.articles.map((article) => article.bodyHash)).toEqual(fresh.articles.map((article) => article.bodyHash));
  });

  it('does not take a stored entry of a file whose headline changed since', () => {
    let title = '';
    const { first, article, second } = readEditRead((text, read) => {
      title = read.data.title;
      return text.replace(title, `${title} (مصحح)`);
    });
    const changed = second.articles.find((item) => item.url === article.url);
    expect(changed?.data.title).toBe(`${title} (مصحح)`);
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(article));
    expect(JSON.stringify(second.articles.filter((item) => item !== changed))).toBe(JSON.stringify(first.articles.filter((item) => item !== article)));
  });
});

describe('ingest\'s bookkeeping in the front matter', () => {
  it('is not part of the article the site has: a raw file scraped again with other bytes changes no view', () => {
    const { first, article, second } = readEditRead((text) => {
      expect(text).toMatch(/^sourceSha256: /m);
      // What ingest writes when the raw file's bytes change but not its text: other hashes.
      return text.replace(/^(sourceSha256|ingestSha256): .*$/gm, (_line, field: string) => `${field}: ${'ab'.repeat(32)}`);
    });
    expect(Object.keys(article.data).filter((field) => /Sha256$/.test(field))).toEqual([]);
    expect(second.entries.get(article.inputPath)?.sha256).not.toBe(first.entries.get(article.inputPath)?.sha256);
    expect(JSON.stringify(second.articles)).toBe(JSON.stringify(first.articles));
  });
});

describe('a content folder without its articles folder', () => {
  it('fails, naming the folder, rather than giving a site of no articles', () => {
    rmSync(articlesDir(), { recursive: true });
    expect(() => articleStamps(contentDir, articlesDir())).toThrow(/ENOENT.*articles/);
  });
});

describe('an article outside the build', () => {
  it('shows its fields and nothing of the cache: what a render worker and a template get', () => {
    const stamps = articleStamps(contentDir, articlesDir());
    const fresh = readArticles(contentDir, stamps, new Map(), checks());
    const cached = readArticles(contentDir, stamps, asStored(fresh.entries), checks());
    expect(Object.keys(cached.articles[0] as object)).toEqual(Object.keys(fresh.articles[0] as object));
    expect(Object.keys(cached.articles[0] as object)).not.toContain('digest');
    expect(structuredClone(cached.articles[0])).toEqual({ ...(fresh.articles[0] as object) });
  });
});
