// Builds the article ingest writes from a parsed raw file: front matter, Markdown body
// and where it goes (<yyyy>/<mm>/<id>.md). Pure: the caller does the reading and writing.

import type { SiteSettings } from '../config/site.ts';
import type { IngestSettings } from '../config/ingest-settings.ts';
import { articleMonthFolder } from '../content/article-date.ts';
import type { ArticleFrontMatter } from '../content/article-schema.ts';
import { knownSectionSlug } from '../content/section-slug.ts';
import { articleId } from './article-id.ts';
import { renderSignedArticleDocument } from './article-document.ts';
import { resolveArticleDate } from './article-date-source.ts';
import { leadExcerpt } from './lead-excerpt.ts';
import type { TagMatcher } from './match-tags.ts';
import type { ParsedRawArticle } from './parse-raw-article.ts';
import { chooseTags } from './score-tags.ts';

export interface RawFileFacts {
  fileName: string;
  sourceSha256: string;
  fileModified: Date;
  manifestDate?: string;
  manifestUrl?: string;
  optionDate?: string;
}

export interface BuiltArticle {
  frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'>;
  document: string;
  /** The document's ingestSha256 line's value. */
  ingestSha256: string;
  /** Path below the articles folder, with forward slashes. */
  relativePath: string;
  /** The tags the current rules give (frontMatter.tags, unless other tags were kept). */
  ruleTags: string[];
  warnings: string[];
}

/**
 * The rules ingest writes an article by: the site's time zone and sections, the excerpt's
 * length, tag scoring and the compiled gazetteer. (A site build's context, with its "now",
 * is another thing: BuildContext, site/build-context.ts.)
 */
export interface IngestRules {
  site: Pick<SiteSettings, 'timeZone' | 'sections'>;
  ingest: Pick<IngestSettings, 'excerptLength' | 'tagScoring'>;
  tags: TagMatcher;
}

/**
 * keptTags: the tags of the article already written from this text, which stay unless tags
 * are recomputed on purpose (ingest --retag): a change of the tagging rules alone rewrites nothing.
 */
export function buildArticle(parsed: ParsedRawArticle, facts: RawFileFacts, rules: IngestRules, keptTags?: readonly string[]): BuiltArticle {
  const warnings = [...parsed.warnings];
  const resolved = resolveArticleDate(
    { manifest: facts.manifestDate, line: parsed.dateFromLine, option: facts.optionDate, fileModified: facts.fileModified },
    rules.site.timeZone,
  );
  if (resolved.warning) warnings.push(resolved.warning);
  if (!knownSectionSlug(parsed.section, rules.site.sections)) {
    warnings.push(`unknown section «${parsed.section}»: written, but the build refuses it until the section is added to scripts/lib/config/site.ts`);
  }
  const id = articleId(facts.fileName, parsed.textSha256);
  const ruleTags = chooseTags(parsed, rules.tags, rules.ingest.tagScoring);
  const frontMatter: Omit<ArticleFrontMatter, 'ingestSha256'> = {
    id,
    title: parsed.title,
    section: parsed.section,
    byline: parsed.byline?.byline,
    author: parsed.byline?.author,
    place: parsed.byline?.place,
    date: resolved.date,
    dateSource: resolved.dateSource,
    excerpt: leadExcerpt(parsed.paragraphs[0] ?? '', rules.ingest.excerptLength),
    tags: keptTags ? [...keptTags] : ruleTags,
    source: facts.fileName,
    sourceUrl: facts.manifestUrl,
    sourceSha256: facts.sourceSha256,
    textSha256: parsed.textSha256,
  };
  const { document, ingestSha256 } = renderSignedArticleDocument(frontMatter, parsed.paragraphs);
  return {
    frontMatter,
    document,
    ingestSha256,
    relativePath: `${articleMonthFolder(resolved.date, rules.site.timeZone)}/${id}.md`,
    ruleTags,
    warnings,
  };
}
