// The ingestSha256 signature: exactIngestSha256 vouches for a whole document only when it
// is exactly what ingest writes, so that a recorded value can stand for the text.

import { describe, expect, it } from 'vitest';
import type { ArticleFrontMatter } from '../../scripts/lib/content/article-schema.ts';
import { renderArticleDocument, renderSignedArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { exactIngestSha256, isUntouchedIngestOutput, signArticleDocument } from '../../scripts/lib/ingest/article-fingerprint.ts';

const frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'> = {
  id: 'f4b3dfa3adcd8716',
  title: 'طهران.. لتعزيز التنسيق مع موسكو',
  section: 'سورية',
  date: '2017-07-05',
  dateSource: 'manifest',
  excerpt: 'أكدت إيران…',
  tags: ['إيران'],
  source: '000_f4b3dfa3adcd8716.txt',
  sourceSha256: 'a'.repeat(64),
  textSha256: 'b'.repeat(64),
};

describe('renderSignedArticleDocument', () => {
  it('returns the document renderArticleDocument writes and the value of its ingestSha256 line', () => {
    const signed = renderSignedArticleDocument(frontMatter, ['الفقرة الأولى', 'الفقرة الثانية']);
    expect(signed.document).toBe(renderArticleDocument(frontMatter, ['الفقرة الأولى', 'الفقرة الثانية']));
    expect(signed.document).toContain(`\ningestSha256: '${signed.ingestSha256}'\n---\n`);
  });
});

describe('signArticleDocument', () => {
  it('refuses a document without front matter: there is no place for its line', () => {
    expect(() => signArticleDocument('نص\n')).toThrow(/without front matter/);
  });
});

describe('exactIngestSha256', () => {
  const { document, ingestSha256 } = renderSignedArticleDocument(frontMatter, ['الفقرة الأولى', 'الفقرة الثانية']);

  it('gives the signature of a document exactly as ingest wrote it', () => {
    expect(exactIngestSha256(document)).toBe(ingestSha256);
  });

  it('gives it for the smallest document signArticleDocument can sign', () => {
    const signed = signArticleDocument('---\nid: x\n---\nنص\n');
    expect(exactIngestSha256(signed.document)).toBe(signed.ingestSha256);
  });

  it.each([
    ['a corrected body', document.replace('الفقرة الثانية', 'الفقرة الثانية بعد التصحيح')],
    ['an added field', document.replace('section: سورية\n', 'section: سورية\ndraft: true\n')],
    ['an added final newline', `${document}\n`],
    ['the fingerprint line removed', document.replace(/^ingestSha256: .*\n/m, '')],
    ['a forged fingerprint', document.replace(/^ingestSha256: '[0-9a-f]{64}'$/m, `ingestSha256: '${'0'.repeat(64)}'`)],
    ['no front matter', 'الفقرة\n'],
    ['an empty text', ''],
  ])('gives nothing for a document with %s', (_case, edited) => {
    expect(exactIngestSha256(edited)).toBeUndefined();
  });

  it('gives nothing for a document an editor re-ordered, though its text is untouched', () => {
    const moved = document.replace(/^(---\n)([\s\S]*?)(ingestSha256: '[0-9a-f]{64}'\n)/, '$1$3$2');
    expect(moved).not.toBe(document);
    expect(isUntouchedIngestOutput(moved)).toBe(true);
    expect(exactIngestSha256(moved)).toBeUndefined();
  });
});
