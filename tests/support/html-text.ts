// Reads text back out of generated HTML the way a browser would, for asserting that article
// text came out literally.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The text of the first element matching the opening-tag pattern, tags removed, entities decoded. */
export function elementText(html: string, openingTag: RegExp, closingTag: string): string | undefined {
  const match = openingTag.exec(html);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  const end = html.indexOf(closingTag, start);
  return decodeHtmlEntities(html.slice(start, end).replace(/<[^>]*>/g, ''));
}

export function attributeValues(html: string, selector: RegExp): string[] {
  return [...html.matchAll(selector)].map((match) => decodeHtmlEntities(match[1] ?? ''));
}

export interface ParsedElement {
  tag: string;
  attributes: Record<string, string>;
}

/** Every element of a document as a browser's HTML parser (parse5) sees it. */
export async function parsedElements(html: string): Promise<ParsedElement[]> {
  const { parse } = await import('parse5');
  const elements: ParsedElement[] = [];
  type Node = { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };
  const walk = (node: Node): void => {
    if (node.tagName) elements.push({ tag: node.tagName, attributes: Object.fromEntries((node.attrs ?? []).map((attr) => [attr.name, attr.value])) });
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return elements;
}
