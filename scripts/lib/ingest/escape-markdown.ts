// Escapes one raw paragraph so that markdown-it renders it as exactly that text: no
// heading, list, quote, code, link, emphasis, entity or HTML can form, and no template
// delimiter survives in the Markdown source. Escaping is kept minimal so that editors
// can still read and correct the Markdown by hand.

// Characters that mean something anywhere in a Markdown line (or to a template engine).
const INLINE_SPECIALS = /[\\`*_[\]<&~|{}]/g;
// The opener of a template tag or comment ({% or {#) keeps a backslash on both characters,
// so that the pair never stands together in the Markdown source.
const TEMPLATE_OPENER = /\{([%#])/g;
// Characters that only mean something at the start of a line.
const LINE_START_SPECIALS = /^([#>+\-=:])/;
// An ordered-list marker: digits followed by '.' or ')'.
const ORDERED_LIST_MARKER = /^(\d{1,9})([.)])/;

// A paragraph with none of these needs no escaping at all (most news paragraphs): inline
// specials anywhere, a line-start special, a digit or a blank at the start.
const NEEDS_ESCAPING = /[\\`*_[\]<&~|{}]|^[#>+\-=: \t\d]/;

/** Markdown source for one paragraph whose rendering is the paragraph's text, verbatim. */
export function escapeMarkdownParagraph(paragraph: string): string {
  if (!NEEDS_ESCAPING.test(paragraph)) return paragraph;
  const leading = /^[ \t]*/.exec(paragraph)?.[0] ?? '';
  // Leading blanks would make an indented code block: keep them as character references.
  const indent = [...leading].map((blank) => `&#${blank.codePointAt(0)};`).join('');
  const escaped = paragraph
    .slice(leading.length)
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(TEMPLATE_OPENER, '{\\$1')
    .replace(LINE_START_SPECIALS, '\\$1')
    .replace(ORDERED_LIST_MARKER, '$1\\$2');
  return indent + escaped;
}
