// Parses the text of one raw article (see docs/raw-format.md): section, title, optional byline
// and date line, body paragraphs, trailing site chrome dropped. Pure: no file system.

import { createHash } from 'node:crypto';
import { normaliseArabic } from '../arabic/normalise.ts';
import { parseByline, type Byline } from './byline.ts';
import { parseDateLine } from './date-line.ts';
import { collapseWhiteSpace } from './white-space.ts';

export interface ParsedRawArticle {
  section: string;
  title: string;
  byline?: Byline;
  /** YYYY-MM-DD from the date line, when there is one. */
  dateFromLine?: string;
  /** Body paragraphs in order, trailing spaces trimmed, leading spaces kept. */
  paragraphs: string[];
  /** SHA-256 of the article's normalised text: equal for two files that say the same thing. */
  textSha256: string;
  warnings: string[];
}

export type ParseRawResult = { ok: true; article: ParsedRawArticle } | { ok: false; reason: string };

interface NumberedLine {
  number: number;
  text: string;
}

// C0 controls (but tab) and DEL: never text, and not allowed in the XML of feeds and sitemaps.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TRAILING_BLANKS = /[\s\u00a0\u200f\u200e]+$/u;
const BLANK = /^[\s\u00a0\u200f\u200e]$/u;

/** Splits on any line ending and trims trailing white space, no-break spaces included. */
function contentLines(text: string): NumberedLine[] {
  let clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Each step only when it has something to do: most files have no control character and no CR.
  if (CONTROL_CHARACTER.test(clean)) clean = clean.replace(CONTROL_CHARACTERS, '');
  const rawLines = clean.includes('\r') ? clean.split(/\r\n|\r|\n/) : clean.split('\n');
  const lines: NumberedLine[] = [];
  rawLines.forEach((rawLine, index) => {
    const line = rawLine !== '' && BLANK.test(rawLine.slice(-1)) ? rawLine.replace(TRAILING_BLANKS, '') : rawLine;
    if (line.trim() !== '') lines.push({ number: index + 1, text: line });
  });
  return lines;
}

// The site chrome at the end of a file repeats from file to file: remember recent lines.
const comparableLines = new Map<string, string>();
const COMPARABLE_LINES_KEPT = 1000;

function comparableLine(line: string): string {
  let comparable = comparableLines.get(line);
  if (comparable === undefined) {
    comparable = collapseWhiteSpace(normaliseArabic(line)).trim();
    if (comparableLines.size >= COMPARABLE_LINES_KEPT) comparableLines.clear();
    comparableLines.set(line, comparable);
  }
  return comparable;
}

/** The last boilerplate list seen, as compared: a batch passes the same list for every file. */
let lastBoilerplate: { key: string; lines: ReadonlySet<string> } | undefined;

function withoutTrailingBoilerplate(lines: NumberedLine[], boilerplateLines: readonly string[]): NumberedLine[] {
  const key = JSON.stringify(boilerplateLines);
  if (lastBoilerplate?.key !== key) lastBoilerplate = { key, lines: new Set(boilerplateLines.map(comparableLine)) };
  const boilerplate = lastBoilerplate.lines;
  let end = lines.length;
  while (end > 0 && boilerplate.has(comparableLine(lines[end - 1]?.text ?? ''))) end -= 1;
  return lines.slice(0, end);
}

function normalisedTextHash(parts: readonly string[]): string {
  const canonical = parts.map((part) => collapseWhiteSpace(part.normalize('NFC')).trim()).join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

export function parseRawArticle(text: string, boilerplateLines: readonly string[]): ParseRawResult {
  const lines = withoutTrailingBoilerplate(contentLines(text), boilerplateLines);
  if (lines.length === 0) return { ok: false, reason: 'the file has no text once the site boilerplate is removed' };
  const [sectionLine, titleLine] = lines;
  const section = sectionLine?.text.trim() ?? '';
  if (section.startsWith('|')) return { ok: false, reason: `line ${sectionLine?.number}: expected the section, found a byline` };
  if (!titleLine) return { ok: false, reason: 'the file has a section but no title' };
  const title = titleLine.text.trim();
  if (title.startsWith('|')) return { ok: false, reason: `line ${titleLine.number}: expected the title, found a byline` };

  const warnings: string[] = [];
  let next = 2;
  let byline: Byline | undefined;
  const bylineLine = lines[next];
  if (bylineLine?.text.trim().startsWith('|')) {
    const credit = bylineLine.text.trim().slice(1).trim();
    if (credit === '') warnings.push(`line ${bylineLine.number}: empty byline ignored`);
    else byline = parseByline(credit);
    next += 1;
  }
  let dateFromLine: string | undefined;
  const dateLine = lines[next];
  if (dateLine) {
    const parsed = parseDateLine(dateLine.text);
    if (parsed.kind === 'date') {
      dateFromLine = parsed.date;
      warnings.push(...parsed.warnings.map((warning) => `line ${dateLine.number}: ${warning}`));
      next += 1;
    } else if (parsed.kind === 'invalid') {
      warnings.push(`line ${dateLine.number}: ${parsed.reason}; the line is dropped`);
      next += 1;
    }
  }

  const paragraphs = lines.slice(next).map((line) => line.text);
  if (paragraphs.length === 0) return { ok: false, reason: 'the article has no body paragraphs' };
  const textSha256 = normalisedTextHash([section, title, byline?.byline ?? '', dateFromLine ?? '', ...paragraphs]);
  return { ok: true, article: { section, title, byline, dateFromLine, paragraphs, textSha256, warnings } };
}
