import { describe, expect, it } from 'vitest';
import { isAgencyCredit, parseByline } from '../../scripts/lib/ingest/byline.ts';

describe('parseByline', () => {
  it.each([
    ['an agency credit', 'وكالات', { byline: 'وكالات', isAgency: true }],
    ['a named agency', 'سانا', { byline: 'سانا', isAgency: true }],
    ['an agency in another spelling', 'وكالة', { byline: 'وكالة', isAgency: true }],
    ['a dateline place and an author', 'دمشق - رامي سلوم', { byline: 'دمشق - رامي سلوم', place: 'دمشق', author: 'رامي سلوم', isAgency: false }],
    ['a place and an agency', 'موسكو - سانا', { byline: 'موسكو - سانا', place: 'موسكو', author: 'سانا', isAgency: true }],
    ['only the first « - » as the separator', 'حلب - محمد - منار', { byline: 'حلب - محمد - منار', place: 'حلب', author: 'محمد - منار', isAgency: false }],
    ['an author with a title', 'د. نبيل طعمة', { byline: 'د. نبيل طعمة', author: 'د. نبيل طعمة', isAgency: false }],
    ['a hyphenated name (no spaces around the dash)', 'سامي الخليل-حداد', { byline: 'سامي الخليل-حداد', author: 'سامي الخليل-حداد', isAgency: false }],
    ['a dash with nothing after it', 'دمشق - ', { byline: 'دمشق -', author: 'دمشق -', isAgency: false }],
    ['surrounding spaces', '  سارة سلامة  ', { byline: 'سارة سلامة', author: 'سارة سلامة', isAgency: false }],
  ])('reads %s', (_case, text, expected) => {
    expect(parseByline(text)).toEqual(expected);
  });
});

describe('isAgencyCredit', () => {
  it.each([['وكالات', true], ['أ ف ب', true], ['أ.ف.ب', true], ['رويترز', true], ['رامي سلوم', false], ['', false]])(
    '«%s» credits an agency: %s',
    (text, expected) => {
      expect(isAgencyCredit(text)).toBe(expected);
    },
  );
});
