// The articles' pictures for a build: each front-matter `image` resolved to its file's facts
// (image-facts.ts), or the build refused naming every article whose picture is missing or
// unreadable, with its file and line, like the other front-matter problems.

import { readFileSync } from 'node:fs';
import type { ContentProblem } from '../content/content-problem.ts';
import { fieldLine } from '../content/front-matter-diagnosis.ts';
import { readImageFacts } from '../images/image-facts.ts';
import { InvalidContentError, type ArticleItem } from './article-source.ts';

export interface ImageChecks {
  contentDir: string;
  /** The content folder as messages name it ('content'). */
  contentLabel: string;
  /** Absolute file of each article, by URL: where a problem's line is read from. */
  fileByUrl: ReadonlyMap<string, string>;
  /** Where the pictures' facts are kept between builds. */
  cacheFile: string;
}

export async function attachImages(articles: readonly ArticleItem[], checks: ImageChecks): Promise<void> {
  const withImage = articles.filter((article) => article.data.image !== undefined);
  const { facts, problems } = await readImageFacts(checks.contentDir, withImage.map((article) => article.data.image?.src as string), checks.cacheFile);
  const problemBySrc = new Map(problems.map((problem) => [problem.src, problem.code]));
  const label = (path: string): string => (checks.contentLabel === '' ? path : `${checks.contentLabel}/${path}`);
  const found: ContentProblem[] = [];
  for (const article of withImage) {
    const src = article.data.image?.src as string;
    const code = problemBySrc.get(src);
    if (code) {
      const file = checks.fileByUrl.get(article.url);
      const line = file === undefined ? undefined : fieldLine(readFileSync(file, 'utf8'), 'image');
      found.push({ file: label(article.inputPath), code, field: 'image', ...(line === undefined ? {} : { line }), values: { value: label(src) } });
      continue;
    }
    article.image = facts.get(src);
  }
  if (found.length > 0) throw new InvalidContentError(found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
}
