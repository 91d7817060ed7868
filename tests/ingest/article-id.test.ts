import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { articleId } from '../../scripts/lib/ingest/article-id.ts';
import { parseRawArticle } from '../../scripts/lib/ingest/parse-raw-article.ts';

const TEXT_HASH = '0123456789abcdef'.repeat(4);

function textHash(text: string): string {
  const result = parseRawArticle(text, ingestSettings.boilerplateLines);
  if (!result.ok) throw new Error(result.reason);
  return result.article.textSha256;
}

describe('articleId', () => {
  it.each([
    ['the id in a NNN_<hex>.txt name', '000_f4b3dfa3adcd8716.txt', 'f4b3dfa3adcd8716'],
    ['a longer serial number', '123456_3c9e1a7b52d04f86.txt', '3c9e1a7b52d04f86'],
    ['an upper-case id, lower-cased', '001_3C9E1A7B52D04F86.txt', '3c9e1a7b52d04f86'],
  ])('takes %s', (_case, fileName, id) => {
    expect(articleId(fileName, TEXT_HASH)).toBe(id);
  });

  it.each([
    ['a free-form name', 'article.txt'],
    ['15 hex digits', '000_f4b3dfa3adcd871.txt'],
    ['17 hex digits', '000_f4b3dfa3adcd87160.txt'],
    ['no serial number', '_f4b3dfa3adcd8716.txt'],
    ['a non-hex digit', '000_f4b3dfa3adcd871g.txt'],
    ['another extension', '000_f4b3dfa3adcd8716.md'],
    ['a hyphen for the underscore', '000-f4b3dfa3adcd8716.txt'],
  ])('derives the id from the text hash for a file named with %s', (_case, fileName) => {
    expect(articleId(fileName, TEXT_HASH)).toBe('0123456789abcdef');
  });

  it('gives the same id to the same text, whatever the file is called or how its lines end', () => {
    const text = 'سورية\n\nالعنوان\n\n| وكالات\n\nالفقرة\n';
    const first = articleId('first.txt', textHash(text));
    const second = articleId('copy (2).txt', textHash(`\ufeff${text.replace(/\n/g, '\r\n')}شارك\n`));
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(second).toBe(first);
  });

  it('gives a different id to a different text', () => {
    expect(articleId('a.txt', textHash('سورية\nالعنوان\nالفقرة\n'))).not.toBe(articleId('a.txt', textHash('سورية\nالعنوان\nفقرة أخرى\n')));
  });
});
