// Reads the articles folder for a build: every Markdown article's front matter, validated
// (all problems of all files at once, each with its file, line and field, and a section the
// site does not have among them), and a hash of its body. A file whose stat has not
// moved since the last build is not read again: its entry comes from the build cache. A
// file whose stat moved (edited, or the project copied elsewhere) is read and hashed, so
// a copied project reuses every rendered page whose inputs are the same.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { SectionSetting } from '../config/site.ts';
import type { ArticleFrontMatter } from '../content/article-schema.ts';
import type { ContentProblem, FileProblem } from '../content/content-problem.ts';
import { readArticleDocument, splitFrontMatter } from '../content/front-matter.ts';
import { checkArticleDocument, fieldLine, sectionProblem } from '../content/front-matter-diagnosis.ts';
import { problemsReport } from '../content/problem-messages.ts';
import { changeStamp } from '../fs/file-stamp.ts';
import { fileUnder } from '../fs/stamp-chunks.ts';
import { walkedRelative, walkFilesSync } from '../fs/walk-files.ts';
import type { SourceImage } from '../images/image-variants.ts';

/**
 * Ingest's bookkeeping in an article's front matter: how it tells its raw file, a second copy
 * and an editor's change. No page shows it, so the site leaves it out of what it keeps of an
 * article: a raw file scraped again with other bytes but the same text changes these, and no
 * page need be rendered again for it.
 */
const INGEST_BOOKKEEPING = ['sourceSha256', 'textSha256', 'ingestSha256'] as const;

/** An article's validated front matter as the site has it: without ingest's bookkeeping. */
export type SiteArticleData = Omit<ArticleFrontMatter, (typeof INGEST_BOOKKEEPING)[number]>;

function withoutBookkeeping<T extends object>(data: T): Omit<T, (typeof INGEST_BOOKKEEPING)[number]> {
  const kept: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of INGEST_BOOKKEEPING) delete kept[field];
  return kept as Omit<T, (typeof INGEST_BOOKKEEPING)[number]>;
}

/** An article as the site sees it: its page's URL and its validated front matter. */
export interface ArticleItem {
  /** /articles/<id>/ */
  url: string;
  /** The file, relative to the content folder, with forward slashes (for messages). */
  inputPath: string;
  data: SiteArticleData;
  /** SHA-256 of the Markdown body: the rendered body is a function of it and the code. */
  bodyHash: string;
  /** The rendered body, filled in only for the pages a build renders. */
  templateContent?: string;
  /** Its picture's facts (front matter `image`), filled in by the build (attachImages). */
  image?: SourceImage;
}

/**
 * The site's article. In JSON — which is how a render key sees a view (render-plan.ts) — it
 * is a digest of its URL and front matter, worked out once: a view names many articles, and
 * an article is named by many views. Not of its body, which most views never show: the
 * views that do (its page, the feeds) carry the body hash themselves.
 */
class Article implements ArticleItem {
  templateContent?: string;
  image?: SourceImage;
  // Private in fact, not only to TypeScript: articles are cloned into render workers and
  // handed to templates, which get their fields and never the cache's digest.
  #digest?: string;

  /** `digest`: articleDigest of the same front matter, when the build cache kept it. */
  constructor(readonly url: string, readonly inputPath: string, readonly data: SiteArticleData, readonly bodyHash: string, digest?: string) {
    this.#digest = digest;
  }

  toJSON(): string {
    this.#digest ??= articleDigest(this.data);
    return this.#digest;
  }
}

const articleUrl = (id: string): string => `/articles/${id}/`;

/**
 * What an article is in a view's JSON: a digest of its URL and front matter. Kept in its
 * file's cache entry, since at 100,000 articles working it out anew took a second a build.
 * 128 bits of SHA-256 (22 characters of base64): a view names up to twenty articles, and at
 * 100,000 articles the render keys hash 120 MB of views, most of it these digests; a page
 * rendered again for a collision of 128 bits is not a risk worth twice the text.
 */
function articleDigest(data: SiteArticleData): string {
  return `article:${createHash('sha256').update(`${articleUrl(data.id)}\0${JSON.stringify(data)}`).digest('base64').slice(0, 22)}`;
}

/** An article item (what readArticles makes of a file), for code that has its facts already. */
export function articleItem(data: SiteArticleData, bodyHash: string, inputPath = `articles/${data.id}.md`): ArticleItem {
  return new Article(articleUrl(data.id), inputPath, withoutBookkeeping(data), bodyHash);
}

/** What the build cache keeps of one article file. */
export interface ArticleFileEntry {
  /** size:mtime:ctime:inode, in nanoseconds: any write moves it. */
  stamp: string;
  /** The file's SHA-256: what decides, when the stamp moved, whether anything changed. */
  sha256: string;
  /** The front matter, without ingest's bookkeeping (SiteArticleData). */
  data: Record<string, unknown>;
  bodyHash: string;
  /** articleDigest of its front matter (none with problems). */
  digest?: string;
  /** Problems found in the front matter, reported on every build until fixed. */
  problems: FileProblem[];
}

/** The articles cannot be built: every problem of every file, worded by problem-messages.ts. */
export class InvalidContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problemsReport(problems));
    this.name = 'InvalidContentError';
  }
}

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Parses and checks one article file's bytes. */
function readEntry(bytes: Buffer, fileSha256: string, stamp: string): ArticleFileEntry {
  const entry: ArticleFileEntry = { stamp, sha256: fileSha256, data: {}, bodyHash: '', problems: [] };
  const { document, problems } = checkArticleDocument(bytes.toString('utf8'), readArticleDocument);
  entry.problems = problems;
  if (document) {
    entry.data = withoutBookkeeping(document.data);
    entry.bodyHash = sha256(document.body);
    if (problems.length === 0) entry.digest = articleDigest(entry.data as unknown as SiteArticleData);
  }
  return entry;
}

/**
 * One article file read as readArticles reads it: its item, or undefined when the file has a
 * problem (the build that follows names it). For npm start's page of a saved article, shown
 * before the rest of the build (build/saved-article-pages.ts).
 */
export function readArticleFile(file: string, inputPath: string): ArticleItem | undefined {
  const bytes = readFileSync(file);
  const entry = readEntry(bytes, sha256(bytes), '');
  if (entry.problems.length > 0) return undefined;
  const data = entry.data as unknown as SiteArticleData;
  return new Article(articleUrl(data.id), inputPath, data, entry.bodyHash, entry.digest);
}

/**
 * The stat stamp of every Markdown article under articlesDir, by path relative to the content
 * folder, in the order the folder is walked: read once a build, both to tell that nothing
 * changed and to know which files to read again (at 100,000 articles a stat of each is a second).
 */
export function articleStamps(contentDir: string, articlesDir: string): Map<string, string> {
  const stamps = new Map<string, string>();
  // Synchronously, and without path.relative for each file: at 100,000 articles the async
  // walk and relative() took 1.2 s of the 2.5 s a no-change build spends checking, this 0.7 s.
  // A missing folder fails the build, as a walk of it would: an empty site must never replace
  // the live one because the articles folder was moved or mistyped.
  readdirSync(articlesDir);
  const key = walkedRelative(contentDir);
  for (const file of walkFilesSync(articlesDir)) {
    if (file.endsWith('.md')) stamps.set(key(file), changeStamp(file));
  }
  return stamps;
}

/**
 * The Markdown body of an article file, for the pages a build renders: cut where the reader
 * cuts it (splitFrontMatter), its front matter read already by readArticles. Parsing the
 * YAML again with gray-matter was a third of the time a render spent on bodies (1.0 of 2.9 s
 * for 10,000 articles, markdown-it 1.1 s). A file that no longer splits so (changed since it
 * was read) is read as the reader reads it.
 */
export function readArticleBody(file: string): string {
  const document = readFileSync(file, 'utf8');
  return splitFrontMatter(document)?.body ?? readArticleDocument(document).body;
}

export interface ArticleSource {
  articles: ArticleItem[];
  /** Absolute file of each article, by URL: where its body is read from. */
  fileByUrl: Map<string, string>;
  /** This build's entries, by path relative to the content folder: the next build's cache. */
  entries: Map<string, ArticleFileEntry>;
  /** Files read and parsed (their stamp moved and their bytes with it, or the cache had no entry): the others' entries were the cache's. */
  parsed: number;
}

export interface ArticleChecks {
  /** The site's sections: an article in any other fails the build. */
  sections: readonly SectionSetting[];
  /** The content folder as messages name it (relative to the project: 'content'). */
  contentLabel: string;
}

/**
 * Every article of `stamps` (articleStamps of the content folder). `cached` are the previous
 * build's entries; an entry is reused when the file's stamp is the same. Throws
 * InvalidContentError naming every problem.
 */
export function readArticles(contentDir: string, stamps: ReadonlyMap<string, string>, cached: ReadonlyMap<string, ArticleFileEntry>, checks: ArticleChecks): ArticleSource {
  const entries = new Map<string, ArticleFileEntry>();
  const articles: ArticleItem[] = [];
  const fileByUrl = new Map<string, string>();
  const problems: ContentProblem[] = [];
  const pathById = new Map<string, string>();
  const label = (inputPath: string): string => (checks.contentLabel === '' ? inputPath : `${checks.contentLabel}/${inputPath}`);
  // A site has a handful of section names and many articles: each name is looked up once.
  const configured = new Map<string, boolean>();
  const isConfigured = (section: string): boolean => {
    let known = configured.get(section);
    if (known === undefined) configured.set(section, known = sectionProblem(section, checks.sections) === undefined);
    return known;
  };
  // Appended, not joined: the paths are the walk's, and path.join was a fifth of this loop at 100,000 articles.
  const fileOf = fileUnder(contentDir);
  let parsed = 0;
  for (const [inputPath, stamp] of stamps) {
    const file = fileOf(inputPath);
    let entry = cached.get(inputPath);
    if (!entry || entry.stamp !== stamp) {
      const bytes = readFileSync(file);
      const sum = sha256(bytes);
      if (entry?.sha256 === sum) entry = { ...entry, stamp };
      else {
        entry = readEntry(bytes, sum, stamp);
        parsed += 1;
      }
    }
    entries.set(inputPath, entry);
    if (entry.problems.length > 0) { problems.push(...entry.problems.map((problem) => ({ file: label(inputPath), ...problem }))); continue; }
    const data = entry.data as unknown as SiteArticleData;
    // Not kept in the entry: the sections are configuration, the entry is the file's.
    if (!isConfigured(data.section)) {
      problems.push({ file: label(inputPath), ...sectionProblem(data.section, checks.sections, readFileSync(file, 'utf8')) as FileProblem });
      continue;
    }
    const first = pathById.get(data.id);
    if (first !== undefined) {
      problems.push({ file: label(inputPath), code: 'duplicateId', field: 'id', line: fieldLine(readFileSync(file, 'utf8'), 'id'), values: { value: data.id, other: label(first) } });
      continue;
    }
    pathById.set(data.id, inputPath);
    const url = articleUrl(data.id);
    articles.push(new Article(url, inputPath, data, entry.bodyHash, entry.digest));
    fileByUrl.set(url, file);
  }
  if (problems.length > 0) throw new InvalidContentError(problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))));
  return { articles, fileByUrl, entries, parsed };
}
