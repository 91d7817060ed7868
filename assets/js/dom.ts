// Small DOM helpers shared by the browser scripts of the search page.

export function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search page: ${selector} is missing`);
  return element;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text in its own direction inside the right-to-left page: <bdi>. */
export function isolated(text: string): HTMLElement {
  const node = document.createElement('bdi');
  node.textContent = text;
  return node;
}
