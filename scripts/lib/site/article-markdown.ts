// Markdown for articles: markdown-it with raw HTML off, so article text can never become
// markup, and no typographic rewriting of the reporter's punctuation.

import MarkdownIt from 'markdown-it';

type MarkdownRenderer = InstanceType<typeof MarkdownIt>;

export function createArticleMarkdown(): MarkdownRenderer {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}
