// Checks XML the way a strict consumer would: saxes (a conformant, non-validating XML
// parser) for well-formedness, xmllint for schema validation.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses a whole document into a small tree; throws on anything not well-formed. */
export function parseXmlStrictly(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlElement[] = [root];
  parser.on('error', (error) => { throw error; });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => { stack.at(-1)!.text += text; });
  parser.on('cdata', (text) => { stack.at(-1)!.text += text; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(xml).close();
  const documentElement = root.children[0];
  if (!documentElement) throw new Error('no document element');
  return documentElement;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childText(element: XmlElement, name: string): string {
  return childrenNamed(element, name)[0]?.text ?? '';
}

const run = promisify(execFile);

/** xmllint --schema; resolves to '' when valid, rejects with xmllint's report otherwise. */
export async function validateWithXmllint(file: string, schema: string): Promise<string> {
  try {
    await run('xmllint', ['--version']);
  } catch {
    throw new Error('xmllint is not installed: apt-get install -y libxml2-utils (.ci/run does)');
  }
  const { stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', schema, file]);
  return stderr.includes('validates') ? '' : stderr;
}
