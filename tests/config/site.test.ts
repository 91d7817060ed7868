// The site's settings: the publication is fixed, and what the environment may change is read
// from the environment the entry point hands over, only when asked.
import { describe, expect, it } from 'vitest';
import { LOCALE } from '../../scripts/lib/config/locale-ar.ts';
import { PUBLICATION, siteSettingsFromEnvironment } from '../../scripts/lib/config/site.ts';

describe('siteSettingsFromEnvironment', () => {
  it('gives the defaults without SITE_* (or with them empty)', () => {
    for (const env of [{}, { SITE_BASE_URL: '', SITE_PATH_PREFIX: '', SITE_ARTICLES_PER_PAGE: '' }]) {
      expect(siteSettingsFromEnvironment(env)).toMatchObject({ baseUrl: 'https://example.org', pathPrefix: '/', articlesPerPage: 20 });
    }
  });

  it('takes the origin (without a trailing slash), the path prefix and the list length from the environment given', () => {
    const settings = siteSettingsFromEnvironment({ SITE_BASE_URL: 'https://alwatan.sy//', SITE_PATH_PREFIX: '/news/', SITE_ARTICLES_PER_PAGE: '4' });
    expect(settings).toMatchObject({ baseUrl: 'https://alwatan.sy', pathPrefix: '/news/', articlesPerPage: 4 });
    expect(settings).toMatchObject(PUBLICATION);
  });

  it('reads only the environment it is given, not the process\'s', () => {
    process.env.SITE_BASE_URL = 'https://from-the-process.example';
    try {
      expect(siteSettingsFromEnvironment({}).baseUrl).toBe('https://example.org');
    } finally {
      delete process.env.SITE_BASE_URL;
    }
  });
});

describe('PUBLICATION', () => {
  it('names the language as the locale module does', () => {
    expect(PUBLICATION).toMatchObject({ language: LOCALE.language, direction: LOCALE.direction, locale: LOCALE.tag, openGraphLocale: LOCALE.openGraph });
    expect(PUBLICATION).not.toHaveProperty('baseUrl');
  });
});
