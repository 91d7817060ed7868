// What the last ingest run into a folder of articles knew: each raw file's stamp and the
// article it became, each article file's stamp. With it a re-run trusts files whose stamps
// have not moved instead of reading them; without it (or with any doubt) ingest does the full work.
//
// One file, written whole and atomically: a line saying whose state it is, then a line for
// each month folder of articles, holding its articles and the raw files that became them.
// A run writes again only the lines of the folders it changed and copies the others as it
// read them: a publish into a 100,000-article archive changes one folder or two, and
// serialising the whole state (64 MB) was half a second of it.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestSettings } from '../config/ingest-settings.ts';
import type { SiteSettings } from '../config/site.ts';
import { DATE_SOURCES, type DateSource } from '../content/article-schema.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { sameStamp, type FileStamp } from '../fs/file-stamp.ts';

/** Bumped when the meaning of the state file changes. */
const STATE_FORMAT = 2;
const STATE_KIND = 'arabic-newsroom-ingest-state';

/** An article file as the last run left it. */
export interface ArticleRecord extends FileStamp {
  id: string;
  sourceSha256?: string;
  textSha256?: string;
  /** Set when the file is exactly the document ingest writes with this ingestSha256 (no editor's change). */
  ingestSha256?: string;
}

/** A raw file whose article the last run wrote or found already written, byte for byte. */
export interface RawFileRecord extends FileStamp {
  sha256: string;
  id: string;
  textSha256: string;
  /** The article, relative to the articles folder, with forward slashes. */
  article: string;
  /** ingestSha256 of the document the raw file became. */
  ingestSha256: string;
  dateSource: DateSource;
  /** --date as it was, when the date came from it or from the file's mtime (both depend on it). */
  optionDate?: string;
  /** The raw file's manifest.csv row as it was: date and url, null where there was none. */
  manifest: [string | null, string | null];
  /** The report's warnings for the file, but the folder's manifest warnings. */
  warnings: string[];
}

/**
 * A raw file record as stored: what its article's record already says (id, hashes) is not
 * repeated, and it is only stored while that article is still the document it became.
 */
interface StoredRawFile extends FileStamp {
  article: string;
  dateSource: DateSource;
  optionDate?: string;
  manifestDate?: string;
  manifestUrl?: string;
  warnings?: string[];
}

export interface IngestState {
  /** Raw files by absolute path. */
  rawFiles: Map<string, RawFileRecord>;
  /** Article files by path relative to the articles folder, with forward slashes. */
  articles: Map<string, ArticleRecord>;
  /**
   * Stamps at or after this time are doubtful: a file changed in the same clock tick as the
   * state was written would keep its stamp (the "racy" case git knows).
   */
  writtenAtMs: number;
  /** Whether every stamp in it was older than the file (none doubtful). */
  settled: boolean;
  /** The file's lines as read: its header, and each folder's line with the records read from it. */
  lines?: { header: string; folders: Map<string, FolderLine> };
}

/** The first line of the file: whose state it is. */
interface StateHeader {
  kind: string;
  format: number;
  configuration: string;
  outDir: string;
}

/** A folder's line: its articles (by path relative to the articles folder) and the raw files that became them. */
interface StoredFolder {
  folder: string;
  rawFiles: Record<string, StoredRawFile>;
  articles: Record<string, ArticleRecord>;
}

/** A folder's line as read: its text, and the records made of it, in its order (what a line written again from the same records would say). */
export interface FolderLine {
  text: string;
  articles: readonly ArticleRecord[];
  rawFiles: readonly RawFileRecord[];
}

/** The folder an article's path is in, the key of its line: 2017/07 for 2017/07/x.md. */
const folderOf = (articlePath: string): string => articlePath.slice(0, Math.max(0, articlePath.lastIndexOf('/')));

/** Beside the articles folder, not in it: the folder holds articles and nothing else. */
export function ingestStatePath(outDir: string): string {
  const folder = resolve(outDir);
  return join(dirname(folder), `.${basename(folder)}.ingest-state.json`);
}

/** True when a recorded stamp can be trusted to mean "this file has not changed". */
export function isTrustedStamp(recorded: FileStamp, current: FileStamp, state: IngestState): boolean {
  return sameStamp(recorded, current) && Math.max(recorded.mtimeMs, recorded.ctimeMs) < state.writtenAtMs;
}

/** A raw file as it is now, beside what its record says it was. */
export interface RawFileNow {
  stamp: FileStamp;
  /** Its manifest.csv row now: date and url, null where there is none. */
  manifest: [string | null, string | null];
  /** --date of this run. */
  optionDate?: string;
}

/**
 * Whether a raw file's record still holds: 'unchanged' (nothing that shapes its article has
 * moved), 'check-bytes' (only its stamp moved, as a touch or a copy does: its bytes decide)
 * or 'changed' (prepare it again).
 */
export function rawFileStanding(record: RawFileRecord, now: RawFileNow, state: IngestState): 'unchanged' | 'check-bytes' | 'changed' {
  const datedByOptionOrMtime = record.dateSource === 'option' || record.dateSource === 'mtime';
  if (datedByOptionOrMtime && record.optionDate !== now.optionDate) return 'changed';
  if (record.manifest[0] !== now.manifest[0] || record.manifest[1] !== now.manifest[1]) return 'changed';
  if (isTrustedStamp(record, now.stamp, state)) return 'unchanged';
  if (now.stamp.size !== record.size || (record.dateSource === 'mtime' && now.stamp.mtimeMs !== record.mtimeMs)) return 'changed';
  return 'check-bytes';
}

const SOURCE_FOLDERS = ['../ingest', '../arabic', '../content'];
const OUTPUT_SHAPING_PACKAGES = ['js-yaml', 'gray-matter'];

/** The source of the modules that shape an article: a change there must not be mistaken for "unchanged". */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  for (const folder of SOURCE_FOLDERS) {
    const path = fileURLToPath(new URL(`${folder}/`, import.meta.url));
    for (const name of readdirSync(path).filter((entry) => entry.endsWith('.ts')).sort()) {
      hash.update(`${folder}/${name}\0`).update(readFileSync(join(path, name))).update('\0');
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of OUTPUT_SHAPING_PACKAGES) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\0`);
  return hash.digest('hex');
}

let cachedCodeFingerprint: string | undefined;

/**
 * Everything besides the raw files that shapes ingest's output: this code and its YAML
 * packages, the runtime's Unicode and time-zone data, and the settings. Undefined when it
 * cannot be worked out, and then no state is used.
 */
export function ingestConfiguration(settings: IngestSettings, site: Pick<SiteSettings, 'timeZone' | 'sections'>): string | undefined {
  try {
    cachedCodeFingerprint ??= codeFingerprint();
  } catch {
    return undefined;
  }
  const { versions } = process;
  return createHash('sha256').update(JSON.stringify({
    format: STATE_FORMAT,
    code: cachedCodeFingerprint,
    runtime: [versions.node, versions.v8, versions.icu, versions.unicode, versions.tz],
    settings: {
      boilerplateLines: settings.boilerplateLines,
      tagGazetteer: settings.tagGazetteer,
      tagScoring: settings.tagScoring,
      currencyWords: settings.currencyWords,
      excerptLength: settings.excerptLength,
    },
    site: { timeZone: site.timeZone, sections: site.sections },
  })).digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';
const isStamp = (value: Record<string, unknown>): boolean => isNumber(value.size) && isNumber(value.mtimeMs) && isNumber(value.ctimeMs);

function isArticleRecord(value: unknown): value is ArticleRecord {
  return isObject(value) && isStamp(value) && isText(value.id)
    && isOptionalText(value.sourceSha256) && isOptionalText(value.textSha256) && isOptionalText(value.ingestSha256);
}

function isStoredRawFile(value: unknown): value is StoredRawFile {
  return isObject(value) && isStamp(value) && isText(value.article) && (DATE_SOURCES as readonly unknown[]).includes(value.dateSource)
    && isOptionalText(value.optionDate) && isOptionalText(value.manifestDate) && isOptionalText(value.manifestUrl)
    && (value.warnings === undefined || (Array.isArray(value.warnings) && value.warnings.every(isText)));
}

function storedRawFile(record: RawFileRecord): StoredRawFile {
  const stored: StoredRawFile = { size: record.size, mtimeMs: record.mtimeMs, ctimeMs: record.ctimeMs, article: record.article, dateSource: record.dateSource };
  if (record.optionDate !== undefined) stored.optionDate = record.optionDate;
  if (record.manifest[0] !== null) stored.manifestDate = record.manifest[0];
  if (record.manifest[1] !== null) stored.manifestUrl = record.manifest[1];
  if (record.warnings.length > 0) stored.warnings = record.warnings;
  return stored;
}

/**
 * The state the last run left for this articles folder, when it was written by this code
 * with this configuration; undefined when missing, unreadable or not to be trusted.
 */
export async function readIngestState(outDir: string, configuration: string | undefined): Promise<IngestState | undefined> {
  if (configuration === undefined) return undefined;
  const path = ingestStatePath(outDir);
  try {
    // Stat first: a state rewritten in between then only looks older, which trusts less.
    const info = await stat(path);
    const [headerText = '', ...folderTexts] = (await readFile(path, 'utf8')).split('\n');
    const header: unknown = JSON.parse(headerText);
    if (!isObject(header) || header.kind !== STATE_KIND || header.format !== STATE_FORMAT) return undefined;
    if (header.configuration !== configuration || header.outDir !== resolve(outDir)) return undefined;
    const articles = new Map<string, ArticleRecord>();
    const rawFiles = new Map<string, RawFileRecord>();
    const folders = new Map<string, FolderLine>();
    for (const text of folderTexts) {
      if (text === '') continue;
      const line = readFolderLine(text, articles, rawFiles);
      if (!line) return undefined;
      folders.set(line.folder, line.read);
    }
    const writtenAtMs = Math.min(info.mtimeMs, info.ctimeMs);
    const settled = [...articles.values(), ...rawFiles.values()].every((stamp) => Math.max(stamp.mtimeMs, stamp.ctimeMs) < writtenAtMs);
    return { rawFiles, articles, writtenAtMs, settled, lines: { header: headerText, folders } };
  } catch {
    return undefined;
  }
}

/** One folder's line, its records added to the state's; undefined when it is not one. */
function readFolderLine(text: string, articles: Map<string, ArticleRecord>, rawFiles: Map<string, RawFileRecord>): { folder: string; read: FolderLine } | undefined {
  const stored: unknown = JSON.parse(text);
  if (!isObject(stored) || !isText(stored.folder) || !isObject(stored.rawFiles) || !isObject(stored.articles)) return undefined;
  const folder = stored.folder;
  const read = { text, articles: [] as ArticleRecord[], rawFiles: [] as RawFileRecord[] };
  for (const [articlePath, record] of Object.entries(stored.articles)) {
    if (!isArticleRecord(record) || folderOf(articlePath) !== folder) return undefined;
    articles.set(articlePath, record);
    read.articles.push(record);
  }
  for (const [rawPath, storedRaw] of Object.entries(stored.rawFiles)) {
    if (!isStoredRawFile(storedRaw) || folderOf(storedRaw.article) !== folder) return undefined;
    const article = articles.get(storedRaw.article);
    const { id, sourceSha256, textSha256, ingestSha256 } = article ?? {};
    if (id === undefined || sourceSha256 === undefined || textSha256 === undefined || ingestSha256 === undefined) continue;
    const record: RawFileRecord = {
      size: storedRaw.size, mtimeMs: storedRaw.mtimeMs, ctimeMs: storedRaw.ctimeMs,
      sha256: sourceSha256, id, textSha256, article: storedRaw.article, ingestSha256,
      dateSource: storedRaw.dateSource as DateSource,
      ...(storedRaw.optionDate === undefined ? {} : { optionDate: storedRaw.optionDate }),
      manifest: [storedRaw.manifestDate ?? null, storedRaw.manifestUrl ?? null],
      warnings: storedRaw.warnings ?? [],
    };
    rawFiles.set(rawPath, record);
    read.rawFiles.push(record);
  }
  return { folder, read };
}

/** A folder's records as a run leaves them, by path: what its line is written from. */
interface FolderRecords {
  articles: [string, ArticleRecord][];
  rawFiles: [string, RawFileRecord][];
}

/** Whether a folder's records are, one by one, the very ones read from its line: then the line stands as it was, not made again. */
function sameRecords(line: FolderLine, records: FolderRecords): boolean {
  return line.articles.length === records.articles.length && line.rawFiles.length === records.rawFiles.length
    && records.articles.every(([, record], position) => line.articles[position] === record)
    && records.rawFiles.every(([, record], position) => line.rawFiles[position] === record);
}

/**
 * Writes the state atomically; a state that cannot be written is only a slower next run.
 * A raw file is kept only while its article is still the document it became. The same state
 * as the one read is not written again (a watching dev server would rebuild for nothing),
 * unless it held stamps too recent to trust, which a newer file makes trusted.
 */
export async function writeIngestState(
  outDir: string,
  configuration: string | undefined,
  rawFiles: ReadonlyMap<string, RawFileRecord>,
  articles: ReadonlyMap<string, ArticleRecord>,
  previous?: IngestState,
): Promise<void> {
  if (configuration === undefined) return;
  const byFolder = new Map<string, FolderRecords>();
  const folderEntry = (articlePath: string): FolderRecords => {
    const folder = folderOf(articlePath);
    let entry = byFolder.get(folder);
    if (!entry) byFolder.set(folder, entry = { articles: [], rawFiles: [] });
    return entry;
  };
  for (const entry of articles) folderEntry(entry[0]).articles.push(entry);
  for (const [path, record] of rawFiles) {
    const article = articles.get(record.article);
    if (article?.ingestSha256 === record.ingestSha256 && article.id === record.id && article.textSha256 === record.textSha256
      && article.sourceSha256 === record.sha256) folderEntry(record.article).rawFiles.push([path, record]);
  }
  const header: StateHeader = { kind: STATE_KIND, format: STATE_FORMAT, configuration, outDir: resolve(outDir) };
  const lines = [JSON.stringify(header)];
  const read = previous?.lines;
  let same = previous?.settled === true && read !== undefined && read.header === lines[0] && read.folders.size === byFolder.size;
  for (const [folder, entry] of byFolder) {
    const before = read?.folders.get(folder);
    if (before && sameRecords(before, entry)) {
      lines.push(before.text);
      continue;
    }
    const stored: StoredFolder = {
      folder,
      rawFiles: Object.fromEntries(entry.rawFiles.map(([path, record]) => [path, storedRawFile(record)])),
      articles: Object.fromEntries(entry.articles),
    };
    const text = JSON.stringify(stored);
    // Records made again with the same facts (a raw file found unchanged by its bytes) say the same.
    if (text !== before?.text) same = false;
    lines.push(text);
  }
  if (same) return;
  await writeFileAtomic(ingestStatePath(outDir), `${lines.join('\n')}\n`).catch(() => undefined);
}
