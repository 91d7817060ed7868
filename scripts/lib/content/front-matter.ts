// The one reader of an article file's front matter, for ingest, the build and the tools that
// measure them, and the YAML dialect ingest writes it in: gray-matter with js-yaml 4, the
// parser Eleventy 3 reads front matter with. And the one rule for where that front matter
// is in the text, for the code that works on the text itself (signatures, line numbers, edits).

import matter from 'gray-matter';
import yaml from 'js-yaml';

/**
 * YAML through js-yaml 4, the parser Eleventy 3 reads front matter with: gray-matter's own
 * js-yaml 3 writes some strings (a hash of digits ending in 8 or 9) bare that js-yaml 4
 * then reads as numbers. One YAML dialect for writing, reading and building.
 */
export const FRONT_MATTER_YAML = {
  parse: (text: string): object => (yaml.load(text) ?? {}) as object,
  // lineWidth -1: never fold long Arabic titles over several YAML lines.
  stringify: (data: object): string => yaml.dump(data, { lineWidth: -1 }),
};
// gray-matter's typings cannot express a custom engine with stringify: cast once, here.
export const MATTER_OPTIONS = { engines: { yaml: FRONT_MATTER_YAML } } as unknown as Parameters<typeof matter>[1] & Parameters<typeof matter.stringify>[2];

/**
 * A document's front matter and Markdown body: the one reader of article files, for ingest
 * and the build. Throws js-yaml's error on a front matter that is not YAML.
 */
export function readArticleDocument(document: string): { data: Record<string, unknown>; body: string } {
  const { data, content } = matter(document, MATTER_OPTIONS);
  return { data: data as Record<string, unknown>, body: content };
}

/** Reads a document's front matter (uncached: gray-matter's cache hands out shared objects). */
export function readFrontMatter(document: string): Record<string, unknown> {
  return readArticleDocument(document).data;
}

/** Where a document's front matter and its body are, as offsets into the document itself. */
export interface FrontMatterSplit {
  /** The lines between the opening and the closing delimiter lines, with their line ends: the YAML. */
  frontMatter: string;
  /** Where the closing delimiter line starts: `document.slice(0, closingStart)` is everything above it. */
  closingStart: number;
  /** Where the body starts: past the closing line's `---` and the one line end after it. */
  bodyStart: number;
  /** `document.slice(bodyStart)`: the Markdown body, exactly as readArticleDocument reads it. */
  body: string;
}

const DELIMITER = '---';
const BYTE_ORDER_MARK = '\ufeff';

/**
 * Whether a document opens a front matter: gray-matter's test (after one byte order mark,
 * which it drops), so that what counts as front matter is the same here as for the reader.
 * A first line of `---` opens one, whatever follows on it (gray-matter takes `--- yaml` as
 * a language name, and trailing spaces as none); `----` does not: a fourth dash makes it a
 * Markdown rule, not a delimiter.
 */
export function opensFrontMatter(document: string): boolean {
  const start = document.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
  return document.startsWith(DELIMITER, start) && document[start + DELIMITER.length] !== '-';
}

/**
 * The one rule for where an article's front matter ends, for every piece of code that finds
 * it in the text rather than through readArticleDocument. It is gray-matter's, the reader's,
 * so that a signature, a line number or an edit always means the front matter the build reads:
 * - it opens as opensFrontMatter says;
 * - it closes at the first later line that starts with `---`: `---`, `--- ` with trailing
 *   spaces and `----` all close it, and whatever follows the three dashes on that line goes
 *   to the body, as gray-matter leaves it (a `-`, a space);
 * - the closing line ends with \n or \r\n (an editor on Windows), or the document ends there;
 * - a `---` line further down is the body's (a Markdown rule), never the front matter's;
 * - an empty front matter (`---` right after `---`) is one, with no fields.
 * Undefined when the document opens no front matter, or opens one and never closes it:
 * gray-matter would then read the whole file as front matter with an empty body, which the
 * build refuses (front-matter-diagnosis: noClosingDelimiter) and no caller here can use.
 * Ingest writes `---\n`, the YAML (no line of which starts with `---`), `---\n`, the body.
 */
export function splitFrontMatter(document: string): FrontMatterSplit | undefined {
  if (!opensFrontMatter(document)) return undefined;
  const openingEnd = document.indexOf('\n');
  if (openingEnd < 0) return undefined;
  const closingNewline = document.indexOf(`\n${DELIMITER}`, openingEnd);
  if (closingNewline < 0) return undefined;
  const closingStart = closingNewline + 1;
  let bodyStart = closingStart + DELIMITER.length;
  if (document[bodyStart] === '\r') bodyStart += 1;
  if (document[bodyStart] === '\n') bodyStart += 1;
  return { frontMatter: document.slice(openingEnd + 1, closingStart), closingStart, bodyStart, body: document.slice(bodyStart) };
}
