// Tells an editor which mistake broke an article's front matter, from the document's text
// and js-yaml's error: «bad indentation of a mapping entry» on `title: وزير الخارجية: لا`
// is an unquoted colon in the title, the commonest slip in Arabic headlines. Pure: the
// messages themselves are problem-messages.ts's business.

import { editDistance, nearestArabicName } from '../arabic/edit-distance.ts';
import type { SectionSetting } from '../config/site.ts';
import { ARTICLE_FIELDS, validateArticleFrontMatter } from './article-schema.ts';
import type { FileProblem } from './content-problem.ts';
import { opensFrontMatter, splitFrontMatter } from './front-matter.ts';
import { configuredSection } from './section-slug.ts';

/** A top-level `field: value` line. */
const FIELD_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/u;

/**
 * A plain value starting with one of YAML's signs is read as something else: a list ([),
 * a mapping ({), an alias (*), an anchor (&, dropped), a tag (!), a block (| >), a comment
 * (#, the value gone), a directive (%), a reserved sign (@ `), a list item or key (- ? :).
 */
const YAML_SIGN_START = /^(?:[[\]{}#&*!|>%@`]|[-?:,](?:\s|$))/u;

const documentLines = (document: string): string[] => document.replace(/^\ufeff/u, '').split(/\r?\n/u);

/** Index in documentLines of the closing `---` line (where splitFrontMatter finds it), or -1. */
function closingIndex(document: string): number {
  const split = splitFrontMatter(document);
  return split ? document.slice(0, split.closingStart).split('\n').length - 1 : -1;
}

/** The 1-based line of a top-level field in the front matter, if it is written there. */
export function fieldLine(document: string, field: string): number | undefined {
  const lines = documentLines(document);
  const end = closingIndex(document);
  for (let index = 1; index < (end < 0 ? lines.length : end); index += 1) {
    if (FIELD_LINE.exec(lines[index] as string)?.[1] === field) return index + 1;
  }
  return undefined;
}

/** The field a line belongs to: its own, or that of the nearest field line above it. */
function enclosingField(lines: readonly string[], index: number): string | undefined {
  for (let at = Math.min(index, lines.length - 1); at > 0; at -= 1) {
    const field = FIELD_LINE.exec(lines[at] as string)?.[1];
    if (field) return field;
  }
  return undefined;
}

/** The front matter's delimiters: a document must open with `---` and close it with another. */
export function delimiterProblem(document: string): FileProblem | undefined {
  if (!opensFrontMatter(document)) return { code: 'noFrontMatter', line: 1 };
  if (splitFrontMatter(document)) return undefined;
  const lines = documentLines(document);
  // Where the fields stop (a blank line, or text that is no field): where --- belongs.
  const stop = lines.findIndex((line, index) => index > 0 && (line.trim() === '' || !(FIELD_LINE.test(line) || /^[ \t]/u.test(line))));
  return { code: 'noClosingDelimiter', line: stop < 0 ? lines.length : stop + 1 };
}

/** Whether a quoted value that opens with `quote` closes on its line. */
function closesOnLine(value: string, quote: string): boolean {
  const inside = value.slice(1);
  return (quote === "'" ? inside.replace(/''/gu, '') : inside.replace(/\\./gu, '')).includes(quote);
}

/** The problem behind a js-yaml error on this document (its mark's line counts from the opening ---). */
export function yamlErrorProblem(document: string, error: unknown): FileProblem {
  const failure = error as { reason?: unknown; message?: unknown; mark?: { line?: unknown } };
  const reason = typeof failure.reason === 'string' ? failure.reason : String(failure.message ?? error).split('\n')[0] as string;
  const lines = documentLines(document);
  const index = typeof failure.mark?.line === 'number' ? failure.mark.line : undefined;
  if (index === undefined) return { code: 'invalidYaml', values: { reason } };
  const line = index + 1;
  const fieldLineMatch = FIELD_LINE.exec(lines[index] ?? '');
  if (/tab characters/u.test(reason)) return { code: 'tabIndentation', line, field: enclosingField(lines, index) };
  // A quote opened and not closed on its line runs on into the next fields, and js-yaml
  // stumbles later, wherever the next quote happens to be (ingest never writes one).
  const end = closingIndex(document);
  for (let at = 1; at <= Math.min(index, end < 0 ? lines.length - 1 : end - 1); at += 1) {
    const match = FIELD_LINE.exec(lines[at] as string);
    const value = match?.[2]?.trim() ?? '';
    const quote = value[0];
    if (match && (quote === '"' || quote === "'") && !closesOnLine(value, quote)) return { code: 'unclosedQuote', line: at + 1, field: match[1] };
  }
  if (/within a (double|single) quoted scalar/u.test(reason)) return { code: 'unclosedQuote', line, field: enclosingField(lines, index) };
  if (/duplicated mapping key/u.test(reason)) return { code: 'duplicateField', line, field: fieldLineMatch?.[1] ?? enclosingField(lines, index) };
  const value = fieldLineMatch?.[2]?.trim() ?? '';
  if (fieldLineMatch && YAML_SIGN_START.test(value)) return { code: 'needsQuotes', line, field: fieldLineMatch[1], values: { value } };
  if (/bad indentation of a mapping entry/u.test(reason)) {
    if (fieldLineMatch && /^["']/u.test(value)) return { code: 'textAfterQuote', line, field: fieldLineMatch[1] };
    if (fieldLineMatch && /:(?:\s|$)/u.test(value)) return { code: 'unquotedColon', line, field: fieldLineMatch[1] };
    return { code: 'badIndentation', line, field: enclosingField(lines, index) };
  }
  return { code: 'invalidYaml', line, field: enclosingField(lines, index), values: { reason } };
}

/** The value of a field as its line writes it. */
function writtenValue(document: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  return FIELD_LINE.exec(documentLines(document)[line - 1] ?? '')?.[2]?.trim() || undefined;
}

/** A misspelt field's likely meaning: the article field within two edits of it. */
function nearestField(field: string): string | undefined {
  const nearest = ARTICLE_FIELDS.map((known) => ({ known, distance: editDistance(field.toLowerCase(), known.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return nearest && nearest.distance <= 2 ? nearest.known : undefined;
}

/** What article-schema.ts finds wrong with the data, each with its line and the value as written. */
export function schemaProblems(document: string, data: Record<string, unknown>): FileProblem[] {
  return validateArticleFrontMatter(data).map((problem) => {
    const line = fieldLine(document, problem.field);
    const value = writtenValue(document, line);
    const nearest = problem.code === 'unknownField' ? nearestField(problem.field) : undefined;
    // `title: #عاجل` is read as an empty title: the fix is quotes, not a title.
    const misread = value !== undefined && YAML_SIGN_START.test(value) && problem.code !== 'unknownField';
    return {
      code: misread ? 'needsQuotes' : problem.code,
      field: problem.field,
      ...(line === undefined ? {} : { line }),
      ...(value === undefined && nearest === undefined ? {} : { values: { ...(value === undefined ? {} : { value }), ...(nearest === undefined ? {} : { nearest }) } }),
    };
  });
}

export interface CheckedDocument {
  /** The front matter and body, when the front matter could be read. */
  document?: { data: Record<string, unknown>; body: string };
  /** Every problem found: one for a front matter that cannot be read, else the schema's. */
  problems: FileProblem[];
}

/**
 * Reads an article document with `read` (the project's one reader, passed in: this module
 * parses no YAML of its own) and names what is wrong with it, in the order a reader
 * meets it: the delimiters, the YAML, then the fields.
 */
export function checkArticleDocument(text: string, read: (text: string) => { data: Record<string, unknown>; body: string }): CheckedDocument {
  const delimiter = delimiterProblem(text);
  if (delimiter) return { problems: [delimiter] };
  let document: { data: Record<string, unknown>; body: string };
  try {
    document = read(text);
  } catch (error) {
    return { problems: [yamlErrorProblem(text, error)] };
  }
  return { document, problems: schemaProblems(text, document.data) };
}

/**
 * A section the site does not have: the navigation would grow one for a typo (سوريا for
 * سورية). Named with the sections allowed and the nearest of them. `document` gives the line.
 */
export function sectionProblem(section: string, sections: readonly SectionSetting[], document?: string): FileProblem | undefined {
  if (configuredSection(section, sections)) return undefined;
  const names = sections.map((entry) => entry.name);
  const line = document === undefined ? undefined : fieldLine(document, 'section');
  const nearest = nearestArabicName(section, names);
  return {
    code: 'unknownSection',
    field: 'section',
    ...(line === undefined ? {} : { line }),
    values: { value: section, allowed: names.join('، '), ...(nearest === undefined ? {} : { nearest }) },
  };
}
