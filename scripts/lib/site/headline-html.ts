// A headline as the pages show it: right to left (or left to right when wholly Latin), with
// each Latin run isolated left to right inside it. The text is escaped: a headline is text,
// never markup.

import { splitHeadline } from '../arabic/isolate-latin.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** `<bdi dir="rtl">Arabic <bdi dir="ltr">Latin</bdi> Arabic</bdi>`, escaped. */
export function headlineHtml(title: unknown): string {
  const headline = splitHeadline(String(title ?? ''));
  const inner = headline.parts
    .map((part) => (part.latin ? `<bdi dir="ltr">${escapeHtml(part.text)}</bdi>` : escapeHtml(part.text)))
    .join('');
  return `<bdi dir="${headline.direction}">${inner}</bdi>`;
}
