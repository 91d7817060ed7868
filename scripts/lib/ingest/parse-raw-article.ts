// Parses the text of one raw article (see RAW-FORMAT.md): section, title, optional byline
// and date line, body paragraphs, trailing site chrome dropped. Pure: no file system.

import { createHash } from 'node:crypto';
import { normaliseArabic } from '../arabic/normalise.ts';
import { parseByline, type Byline } from './byline.ts';
import { parseDateLine } from './date-line.ts';

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

/** Splits on any line ending and trims trailing white space, no-break spaces included. */
function contentLines(text: string): NumberedLine[] {
  return text
    .replace(/^\ufeff/, '')
    .replace(CONTROL_CHARACTERS, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.replace(/[\s\u00a0\u200f\u200e]+$/u, '') }))
    .filter((line) => line.text.trim() !== '');
}

function withoutTrailingBoilerplate(lines: NumberedLine[], boilerplateLines: readonly string[]): NumberedLine[] {
  const boilerplate = new Set(boilerplateLines.map((line) => normaliseArabic(line).replace(/\s+/g, ' ').trim()));
  let end = lines.length;
  while (end > 0 && boilerplate.has(normaliseArabic(lines[end - 1]?.text ?? '').replace(/\s+/g, ' ').trim())) end -= 1;
  return lines.slice(0, end);
}

function normalisedTextHash(parts: readonly string[]): string {
  const canonical = parts.map((part) => part.normalize('NFC').replace(/\s+/gu, ' ').trim()).join('\n');
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
