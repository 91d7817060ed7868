// Structured data for search engines: a NewsArticle per article, serialised so that no
// text in it can end the <script> element it sits in.

import type { SiteSettings } from '../config/site.ts';
import { siteImage } from '../images/site-image.ts';
import { isAgencyCredit } from '../ingest/byline.ts';
import { absoluteUrl } from './urls.ts';

export interface JsonLdArticle {
  title: string;
  section: string;
  date: string;
  updated?: string;
  excerpt: string;
  author?: string;
  byline?: string;
  tags: readonly string[];
  /** Its picture's preview file (image-variants.ts); the site's own picture when it has none. */
  image?: { path: string; width: number; height: number } | null;
}

/** JSON that is safe inside <script type="application/ld+json">: <, >, & and line separators escaped. */
export function serialiseJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function imageObject(image: { path: string; width: number; height: number }, site: SiteSettings): Record<string, unknown> {
  return { '@type': 'ImageObject', url: absoluteUrl(image.path, site), width: image.width, height: image.height };
}

export function newsArticleJsonLd(article: JsonLdArticle, path: string, site: SiteSettings): Record<string, unknown> {
  const url = absoluteUrl(path, site);
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl('/', site),
    logo: { '@type': 'ImageObject', url: absoluteUrl('/assets/logo.svg', site) },
  };
  const credit = article.author ?? article.byline;
  const author = credit === undefined
    ? publisher
    : isAgencyCredit(credit) ? { '@type': 'Organization', name: credit } : { '@type': 'Person', name: credit };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt,
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    // Google asks for an image for Top Stories: the article's, else the site's.
    image: [imageObject(article.image ?? siteImage(site.name), site)],
    author,
    publisher,
    inLanguage: site.language,
    articleSection: article.section,
    keywords: article.tags.join('، '),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
  };
}

/** One step of a breadcrumb trail: its name and root-relative path. */
export interface Crumb {
  name: string;
  path: string;
}

/** A BreadcrumbList for a page's trail (الرئيسية › سورية), each step with its absolute URL. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], site: SiteSettings): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: absoluteUrl(crumb.path, site) })),
  };
}
