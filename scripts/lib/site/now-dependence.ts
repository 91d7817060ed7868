// What of a build's output depends on "now", kept as data, so that a later build can tell
// without planning the whole site whether another now changes anything: a scheduled
// article falls due, an article leaves the news sitemap's window, or an empty feed (dated
// "now") is re-dated. Pure.

import { articleInstant } from '../content/article-date.ts';
import type { ArticleItem } from './article-source.ts';
import type { BuildContext } from './build-context.ts';
import { isPublished } from './published-index.ts';
import type { SitePlan } from './render-plan.ts';
import { NEWS_WINDOW_MS } from './sitemaps.ts';

export interface NowDependence {
  /** The now the output was made for (ISO 8601). */
  now: string;
  /** Dates of the articles not published yet for want of time (drafts never are). */
  scheduled: string[];
  /** Dates of the articles in the news sitemap. */
  inNewsWindow: string[];
  /** Whether some feed has no items, and so is dated now itself. */
  emptyFeed: boolean;
}

/** `articles`: all of them, published or not; `timely`: what the plan made of now (render-plan.ts). */
export function nowDependence(articles: readonly ArticleItem[], timely: SitePlan['timely'], context: BuildContext): NowDependence {
  return {
    now: context.now.toISOString(),
    scheduled: articles.filter((item) => item.data.draft !== true && !isPublished(item.data, context)).map((item) => item.data.date),
    inNewsWindow: timely.newsWindow.map((item) => item.data.date),
    emptyFeed: timely.emptyFeed,
  };
}

/** Whether a build at context.now writes what the build at dependence.now wrote, the content being the same. */
export function sameOutputAt(dependence: NowDependence, context: BuildContext): boolean {
  const then = Date.parse(dependence.now);
  const now = context.now.getTime();
  if (now === then) return true;
  // Going back in time may bring articles back into the window: not worth telling apart.
  if (now < then || dependence.emptyFeed) return false;
  if (dependence.scheduled.some((date) => isPublished({ date }, context))) return false;
  return dependence.inNewsWindow.every((date) => articleInstant(date).getTime() >= now - NEWS_WINDOW_MS);
}
