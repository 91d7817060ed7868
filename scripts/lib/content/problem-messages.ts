// The words for an article's problems, one home for the build command and the preview: one
// line per problem, naming the file, line and field, in Arabic with the English beside it,
// each with its fix. The preview's overlay shows the same words (describeProblem).

import { COUNTED, countWithNoun, EDITOR_FIELD_NAMES, EDITOR_PROBLEMS, EDITOR_STRINGS, fillPlaceholders } from '../config/locale-ar.ts';
import type { ContentProblem, ProblemCode } from './content-problem.ts';

interface Wording {
  problem: string;
  fix: string;
  /** The fix when the nearest allowed value or field is known. */
  fixNearest?: string;
}

const ARABIC: Record<ProblemCode, Wording> = EDITOR_PROBLEMS;

const ENGLISH: Record<ProblemCode, Wording> = {
  unquotedColon: { problem: '{field} has a colon (:) but is not in quotes', fix: 'put the {field} in quotes: {field}: "…"' },
  unclosedQuote: { problem: 'the quote that opens {field} is never closed', fix: 'close the quote at the end of the same line' },
  needsQuotes: { problem: '{field} starts with a sign that means something else in YAML ({value})', fix: 'put the {field} in quotes: {field}: "…"' },
  textAfterQuote: { problem: 'text follows the quote that closes {field} (a quote inside the text ended it)', fix: 'put the whole {field} in quotes and use «» or the other kind of quote inside it' },
  badIndentation: { problem: 'bad indentation: the line starts with spaces where none belong', fix: 'remove the spaces at the start of the line (the items of one list are indented alike)' },
  tabIndentation: { problem: 'the line is indented with a tab', fix: 'indent with spaces, not tabs' },
  noFrontMatter: { problem: 'the file does not start with front matter (a --- line)', fix: 'start the file with ---, then the fields, then --- before the text' },
  noClosingDelimiter: { problem: 'the front matter is not closed by a --- line', fix: 'add a line with only --- after the last field, before the text' },
  duplicateField: { problem: '{field} is written twice', fix: 'delete one of the two lines' },
  invalidYaml: { problem: 'the front matter is not valid YAML: {reason}', fix: 'check this line and the one above it' },
  missing: { problem: '{field} is missing', fix: 'add a line: {field}: …' },
  unknownField: { problem: '{field} is not a known field', fix: 'correct its name or delete the line', fixNearest: 'did you mean {nearest}? Correct its name or delete the line' },
  text: { problem: '{field} must be non-empty text', fix: 'write the {field} as text, in quotes if it has a colon' },
  hex16: { problem: '{field} must be 16 lower-case hex digits', fix: 'restore the value ingest wrote' },
  hex64: { problem: '{field} must be 64 lower-case hex digits', fix: 'restore the value ingest wrote' },
  date: { problem: '{field} is not a real date: {value}', fix: "write it in quotes as '2017-07-05' or '2017-07-05T09:30:00+03:00'" },
  bareDate: { problem: '{field} is a date without quotes', fix: "put the date in quotes: {field}: '{value}'" },
  dateSource: { problem: '{field} must be one of manifest, line, option, mtime', fix: 'choose one of these values' },
  excerpt: { problem: '{field} must be text', fix: 'put the excerpt in quotes' },
  tags: { problem: '{field} must be a list of non-empty texts', fix: 'write each tag on a line of its own starting with "  - ", in quotes if it has a colon' },
  boolean: { problem: '{field} must be true or false', fix: 'write true or false' },
  unknownSection: {
    problem: 'section «{value}» is not one of the site\'s sections ({allowed})',
    fix: 'correct the section, or add the new section to scripts/lib/config/site.ts',
    fixNearest: 'did you mean «{nearest}»? Correct the section, or add the new section to scripts/lib/config/site.ts',
  },
  duplicateId: { problem: 'id {value} is also the id of {other}', fix: 'every article has an id of its own: delete the duplicate file' },
  image: {
    problem: '{field} must be src (a .jpg, .jpeg, .png or .webp file under images/ in the content folder) and alt text, with caption and credit text if wanted',
    fix: 'write them on indented lines under image:, such as "  src: images/2017/damascus.jpg" and "  alt: …"',
  },
  missingImage: { problem: 'the picture {value} does not exist', fix: 'put the picture at {value} or correct its src (relative to content/)' },
  notAnImage: { problem: '{value} is not a readable JPEG, PNG or WebP picture', fix: 'save the picture again in one of these formats' },
};

/** One problem in words: where it is, and what is wrong and how to fix it in each language. */
export interface ProblemDescription {
  /** file:line (field) */
  where: string;
  arabic: string;
  english: string;
}

function worded(wording: Wording, problem: ContentProblem, name: string): string {
  const values = { field: problem.field ?? '', name, ...problem.values };
  const fix = problem.values?.nearest !== undefined && wording.fixNearest ? wording.fixNearest : wording.fix;
  return `${fillPlaceholders(wording.problem, values)} — ${fillPlaceholders(fix, values)}`;
}

export function describeProblem(problem: ContentProblem): ProblemDescription {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ?? '';
  return {
    where: field === '' ? place : `${place} (${field})`,
    arabic: worded(ARABIC[problem.code], problem, EDITOR_FIELD_NAMES[field] ?? (field === '' ? 'القيمة' : `قيمة ${field}`)),
    english: worded(ENGLISH[problem.code], problem, field === '' ? 'value' : field),
  };
}

/** The one line a problem is printed as: where, then Arabic, then English. */
export function problemLine(problem: ContentProblem): string {
  const { where, arabic, english } = describeProblem(problem);
  return `${where}: ${arabic} | ${english}`;
}

const formatCount = (count: number): string => String(count);

/** The heading of a list of problems, in Arabic then English. */
export function problemsHeading(count: number): string {
  const arabic = fillPlaceholders(EDITOR_STRINGS.problemsFound, { count: countWithNoun(count, COUNTED.problems, formatCount) });
  return `${arabic} | ${count} problem${count === 1 ? '' : 's'} in the articles`;
}

/** The whole report: a heading, then one line per problem, in the order given. */
export function problemsReport(problems: readonly ContentProblem[]): string {
  return [problemsHeading(problems.length), ...problems.map(problemLine)].join('\n');
}
