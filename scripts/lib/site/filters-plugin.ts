// The filters templates use: URLs under the path prefix, Arabic dates, digits and plurals,
// strings from the locale module, structured data. Logic lives here, not in templates.

import { formatArabicNumber } from '../arabic/format-number.ts';
import { formatArabicDate, formatArabicMonth, formatHijriDate } from '../content/format-date.ts';
import { COUNTED, countWithNoun, fillPlaceholders, STRINGS, type StringKey } from '../config/locale-ar.ts';
import type { SiteSettings } from '../config/site.ts';
import { LEVANTINE_MONTHS } from '../arabic/months.ts';
import { articleSortKey, articleYear } from '../content/article-date.ts';
import { readingMinutes } from '../content/reading-time.ts';
import { sectionSlug } from '../content/section-slug.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { cssString } from './css-string.ts';
import { headlineHtml } from './headline-html.ts';
import { articleTimes } from './article-times.ts';
import { siteImage } from '../images/site-image.ts';
import { breadcrumbJsonLd, newsArticleJsonLd, serialiseJsonForScript, type Crumb, type JsonLdArticle } from './json-ld.ts';
import type { ListPage } from './news-index.ts';
import { shareLinks } from './share-links.ts';
import { absoluteUrl, sitePath } from './urls.ts';

type Filter = (...args: never[]) => unknown;

export function filtersPlugin(site: SiteSettings) {
  const digits = (value: number): string => formatArabicNumber(value, site.numberingSystem);
  const filters: Record<string, Filter> = {
    /** Root-relative path → path under the prefix. */
    // page.url is false for a page that is not written (an unpublished draft): no link.
    href: (path: string | false) => (typeof path === 'string' ? sitePath(path, site) : ''),
    absoluteUrl: (path: string | false) => (typeof path === 'string' ? absoluteUrl(path, site) : ''),
    arabicDate: (date: string) => formatArabicDate(date, site),
    hijriDate: (date: string) => formatHijriDate(date, site),
    /** An article's published date and its last update, each with its <time datetime> value (article-times.ts). */
    articleTimes: (data: { date: string; updated?: string }) => articleTimes(data, site),
    /** The search index's sort key and year filter of an article date (content/article-date.ts). */
    searchSortKey: (date: string) => articleSortKey(date, site.timeZone),
    searchYear: (date: string) => articleYear(date, site.timeZone),
    arabicMonth: (year: number, month: number) => formatArabicMonth(year, month, site.numberingSystem),
    /** «تموز»: a month's name alone (1 is كانون الثاني). */
    monthName: (month: number) => LEVANTINE_MONTHS[month - 1] ?? '',
    /** «3 دقائق للقراءة» for an article's rendered body (reading-time.ts). */
    readingTime: (html: string) => fillPlaceholders(STRINGS.readingTime, { duration: countWithNoun(readingMinutes(html), COUNTED.minutes, digits) }),
    /** The BreadcrumbList of a page's trail, serialised for a <script> element (output with `| safe`). */
    breadcrumbJsonLd: (crumbs: Crumb[]) => serialiseJsonForScript(breadcrumbJsonLd(crumbs, site)),
    digits: (value: number) => digits(value),
    /** «3 مقالات»: a count with its noun in the right plural form. */
    countOf: (count: number, noun: keyof typeof COUNTED) => countWithNoun(count, COUNTED[noun], digits),
    /** A locale string with {placeholders} filled; numbers are written in the site's digits. */
    t: (key: StringKey, values: Record<string, string | number> = {}) =>
      fillPlaceholders(STRINGS[key], Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'number' ? digits(value) : value]))),
    newsArticleJsonLd: (article: JsonLdArticle, path: string | false) => serialiseJsonForScript(newsArticleJsonLd(article, path || '/', site)),
    jsonForScript: (value: unknown) => serialiseJsonForScript(value),
    /** Text as a CSS string literal (output with `| safe`). */
    cssString: (text: string) => cssString(text),
    /** An article's headline as escaped HTML, right to left with its Latin runs isolated (output with `| safe`). */
    headline: (title: string) => headlineHtml(title),
    shareLinks: (title: string, path: string | false) => shareLinks(title, absoluteUrl(path || '/', site)),
    /** A picture's srcset, each file under the path prefix (image-variants.ts). */
    srcset: (candidates: { path: string; width: number }[]) => candidates.map(({ path, width }) => `${sitePath(path, site)} ${width}w`).join(', '),
    /** The site's own picture for previews of shared links (site-image.ts). */
    siteImage: () => siteImage(site.name),
    sectionSlugOf: (name: string) => sectionSlug(name, site.sections),
    /** The <title> of a list page: «سورية — صفحة 2». */
    listTitle: (listPage: ListPage<unknown>) => listPageTitle(listPage, site),
    contentSecurityPolicy: () => contentSecurityPolicy(),
    /** Up to n items of a list. */
    take: (items: unknown[], count: number) => items.slice(0, count),
  };
  return (eleventyConfig: { addFilter(name: string, filter: Filter): void }): void => {
    for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  };
}

function listPageTitle(listPage: ListPage<unknown>, site: SiteSettings): string {
  const name = listPage.kind === 'home'
    ? (listPage.pageNumber === undefined ? site.name : STRINGS.latest)
    : listPage.kind === 'month'
      ? fillPlaceholders(STRINGS.archiveMonthTitle, { month: formatArabicMonth(listPage.year ?? 0, listPage.month ?? 0, site.numberingSystem) })
      : listPage.key;
  if (listPage.pageNumber === undefined) return name;
  return `${name} — ${fillPlaceholders(STRINGS.page, { x: formatArabicNumber(listPage.pageNumber, site.numberingSystem) })}`;
}
