// The site's settings, in one typed place. Everything a build or a template needs to know
// about the publication (not its strings, language and direction: those are the locale
// module's, locale-ar.ts, and only named here).

import { LOCALE } from './locale-ar.ts';

export interface SectionSetting {
  /** The section's name as the raw articles and the site write it. */
  name: string;
  /** Its URL segment: /sections/<slug>/. */
  slug: string;
}

export interface SiteSettings {
  /** The publication's name, shown in the header, titles and feeds. */
  name: string;
  /** Absolute origin the site is served from, without a trailing slash. */
  baseUrl: string;
  /** Path the site lives under on that origin ('/' or e.g. '/news/'). */
  pathPrefix: string;
  /** The language and direction of every page, feed and sitemap (LOCALE, locale-ar.ts). */
  language: typeof LOCALE.language;
  direction: typeof LOCALE.direction;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /** The locale as Open Graph writes it (og:locale). */
  openGraphLocale: string;
  /** Digits the reader sees: 'latn' (0-9, as Syrian dailies print) or 'arab' (٠-٩). */
  numberingSystem: 'latn' | 'arab';
  /** Time zone every date is shown in and every calendar day is counted in. */
  timeZone: string;
  /** Articles on one list page (home, section, tag, archive month). */
  articlesPerPage: number;
  /**
   * Authority of the tag: URIs that identify articles in feeds (RFC 4151: a domain the
   * publisher owned on a date). Never change it: feed readers would see every article anew.
   */
  feedIdAuthority: string;
  /** Articles in each feed. */
  feedSize: number;
  /** URLs in one sitemap file before /sitemap.xml becomes an index (the protocol's limit is 50,000). */
  sitemapUrlsPerFile: number;
  /** Show the Hijri date beside the Gregorian one on article pages. */
  showHijriDate: boolean;
  /** Known sections, in the order the navigation lists them. */
  sections: readonly SectionSetting[];
}

/** What the environment may set of the settings (SITE_BASE_URL, SITE_PATH_PREFIX, SITE_ARTICLES_PER_PAGE). */
type FromEnvironment = 'baseUrl' | 'pathPrefix' | 'articlesPerPage';

/** The environment, as the entry points hand it on. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The publication: every setting the environment does not change. Code that needs only
 * these (ingest: the sections and the time zone) never reads the environment.
 */
export const PUBLICATION: Omit<SiteSettings, FromEnvironment> = {
  name: 'الوطن',
  language: LOCALE.language,
  direction: LOCALE.direction,
  locale: LOCALE.tag,
  openGraphLocale: LOCALE.openGraph,
  numberingSystem: 'latn',
  timeZone: 'Asia/Damascus',
  feedIdAuthority: 'alwatan.sy,2017',
  feedSize: 50,
  showHijriDate: false,
  sitemapUrlsPerFile: 50_000,
  sections: [
    { name: 'سورية', slug: 'syria' },
    { name: 'عربي ودولي', slug: 'arab-world' },
    { name: 'اقتصاد', slug: 'economy' },
    { name: 'رياضة', slug: 'sports' },
    { name: 'ثقافة وفن', slug: 'culture' },
    { name: 'محليات', slug: 'local' },
    { name: 'قضايا وآراء', slug: 'opinion' },
  ],
};

/**
 * The site's settings for this run: the publication, with what the environment sets (the
 * origin and path a deploy serves it from, the list length). Read here and nowhere else,
 * once, by the entry points and the build context they make; not when this module loads.
 */
export function siteSettingsFromEnvironment(env: Environment): SiteSettings {
  const read = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  return {
    ...PUBLICATION,
    baseUrl: read('SITE_BASE_URL', 'https://example.org').replace(/\/+$/, ''),
    pathPrefix: read('SITE_PATH_PREFIX', '/'),
    articlesPerPage: Number(read('SITE_ARTICLES_PER_PAGE', '20')),
  };
}
