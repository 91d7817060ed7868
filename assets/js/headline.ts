// A headline in the browser as the site's pages render it (scripts/lib/site/headline-html.ts):
// <bdi dir="rtl"> with each Latin run in <bdi dir="ltr">, for the search results. Text only:
// the parts are text nodes, never markup.

import { splitHeadline } from '../../scripts/lib/arabic/isolate-latin.ts';

export function headlineElement(text: string): HTMLElement {
  const { direction, parts } = splitHeadline(text);
  const node = document.createElement('bdi');
  node.dir = direction;
  for (const part of parts) {
    if (!part.latin) {
      node.append(part.text);
      continue;
    }
    const run = document.createElement('bdi');
    run.dir = 'ltr';
    run.textContent = part.text;
    node.append(run);
  }
  return node;
}
