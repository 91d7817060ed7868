// Share links that need no script: each network's plain URL, with the Arabic title and
// the article URL encoded so that no space or Arabic letter travels raw.
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { shareLinks } from '../../scripts/lib/site/share-links.ts';

const TITLE = 'افتتاح معرض دمشق الدولي & «الدورة 59» #سورية';
const ARTICLE_URL = 'https://paper.example/news/articles/f4b3dfa3adcd8716/?a=1&b=2';
const links = shareLinks(TITLE, ARTICLE_URL);

function linkFor(network: string) {
  const link = links.find((entry) => entry.network === network);
  if (!link) throw new Error(`no ${network} link`);
  return link;
}

describe('shareLinks', () => {
  it('offers the five networks in order, labelled in Arabic from the locale', () => {
    expect(links.map((link) => [link.network, link.label])).toEqual([
      ['whatsapp', STRINGS.shareWhatsApp],
      ['telegram', STRINGS.shareTelegram],
      ['facebook', STRINGS.shareFacebook],
      ['x', STRINGS.shareX],
      ['email', STRINGS.shareEmail],
    ]);
  });

  it.each([
    ['whatsapp', 'https://wa.me/?', { text: `${TITLE} ${ARTICLE_URL}` }],
    ['telegram', 'https://t.me/share/url?', { url: ARTICLE_URL, text: TITLE }],
    ['facebook', 'https://www.facebook.com/sharer/sharer.php?', { u: ARTICLE_URL }],
    ['x', 'https://x.com/intent/post?', { url: ARTICLE_URL, text: TITLE }],
    ['email', 'mailto:?', { subject: TITLE, body: ARTICLE_URL }],
  ])('gives %s a link that decodes back to the title and URL', (network, start, parameters) => {
    const { href } = linkFor(network);
    expect(href.startsWith(start)).toBe(true);
    const query = href.slice(start.length).split('&').map((pair) => pair.split('='));
    expect(Object.fromEntries(query.map(([name, value]) => [name, decodeURIComponent(value ?? '')]))).toEqual(parameters);
  });

  it.each(links.map((link) => [link.network, link.href]))('leaves no space, Arabic letter or stray # in the %s link', (_network, href) => {
    expect(href).not.toMatch(/[\s\u0600-\u06ff«»#]/);
  });

  it('encodes the Arabic title as UTF-8 percent escapes', () => {
    expect(shareLinks('سورية', 'https://paper.example/')[1]?.href)
      .toContain('text=%D8%B3%D9%88%D8%B1%D9%8A%D8%A9');
  });
});
