// The edits of the benchmark's publishing scenarios, as an editor would make them: one
// sentence of an article's body, an article's headline, a layout. Pure: text in, text out,
// so each can be tested for changing what it says and nothing else.

import { readFrontMatter, splitFrontMatter } from '../../lib/content/front-matter.ts';

/** What the body edit adds to a sentence: plain Arabic, nothing Markdown reads as markup. */
export const BODY_EDIT_CLAUSE = '، بحسب ما أكدت مصادر مطلعة';
/** What the headline edit adds to a title. */
export const HEADLINE_EDIT_SUFFIX = ' (محدَّث)';
/** The comment the layout edit adds: invisible to a reader, a change to every page's source. */
export const LAYOUT_EDIT_COMMENT = '<!-- bench: layout edited -->';

interface SplitDocument {
  /** From the opening --- line to the closing --- line and its line end, both lines included. */
  head: string;
  body: string;
}

/** The article cut where the build's reader cuts it (splitFrontMatter): an edit of the body stays in the body. */
function splitDocument(document: string): SplitDocument {
  const split = splitFrontMatter(document);
  if (!split) throw new Error('the article has no front matter');
  return { head: document.slice(0, split.bodyStart), body: split.body };
}

/**
 * The article with the first sentence of its body lengthened by a clause: the first line
 * with text, cut at the first full stop that ends a sentence (or at its end when it has none).
 * The preview probe passes a clause of its own per save, so each save's page can be told apart.
 */
export function editFirstSentence(document: string, clause: string = BODY_EDIT_CLAUSE): string {
  const { head, body } = splitDocument(document);
  const line = /^[^\S\r\n]*\S.*$/mu.exec(body);
  if (!line) throw new Error('the article has no body text');
  const text = line[0];
  const stop = /\.(?=\s|$)/u.exec(text);
  const edited = stop
    ? `${text.slice(0, stop.index)}${clause}${text.slice(stop.index)}`
    : `${text}${clause}.`;
  return `${head}${body.slice(0, line.index)}${edited}${body.slice(line.index + text.length)}`;
}

/**
 * The article with a new headline: its `title:` line rewritten as a double-quoted YAML
 * scalar (a JSON string is one, whatever the title holds), every other byte as it was.
 */
export function editHeadline(document: string, retitle: (title: string) => string = (title) => `${title}${HEADLINE_EDIT_SUFFIX}`): string {
  const { head, body } = splitDocument(document);
  const title = readFrontMatter(document).title;
  if (typeof title !== 'string') throw new Error('the article has no title in its front matter');
  const line = /^title:.*$/mu.exec(head);
  if (!line) throw new Error('the article’s title is not on a `title:` line of its own');
  const edited = `title: ${JSON.stringify(retitle(title))}`;
  return `${head.slice(0, line.index)}${edited}${head.slice(line.index + line[0].length)}${body}`;
}

/** The layout with a comment before its last closing </footer>, or at its end when it has none. */
export function editLayout(template: string): string {
  const close = template.lastIndexOf('</footer>');
  if (close === -1) return `${template}${template.endsWith('\n') || template === '' ? '' : '\n'}${LAYOUT_EDIT_COMMENT}\n`;
  return `${template.slice(0, close)}  ${LAYOUT_EDIT_COMMENT}\n${template.slice(close)}`;
}

/** The item at a fixed fraction of a list (0 the first, just under 1 the last): a deterministic pick. */
export function itemAt<T>(items: readonly T[], fraction: number): T {
  if (items.length === 0) throw new Error('there is nothing to pick from');
  const index = Math.min(items.length - 1, Math.max(0, Math.floor(items.length * fraction)));
  return items[index] as T;
}
