// What a build needs to know beyond the content: the site settings, its "now"
// (injectable, so builds and tests are reproducible) and whether drafts and future
// articles are shown (only while previewing with the dev server).

import { siteSettingsFromEnvironment, type SiteSettings } from '../config/site.ts';
import { articleTimestamp } from '../content/article-date.ts';

export interface BuildContext {
  site: SiteSettings;
  now: Date;
  includeDrafts: boolean;
  /**
   * Let Eleventy keep file contents and compiled layouts across builds of this process
   * (default true). Off for processes that change files between in-process builds (tests):
   * Eleventy would serve them the old text.
   */
  cacheTemplates?: boolean;
}

/**
 * SITE_NOW read strictly as ISO 8601 (a day is its midnight UTC): Date's own parser takes
 * «5», rolls 2017-02-30 over to March and reads a time without an offset in the machine's
 * zone, none of which is reproducible.
 */
function parseSiteNow(text: string): Date | undefined {
  const time = articleTimestamp(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * Reads SITE_NOW (ISO 8601) and Eleventy's run mode from the environment; the clock is
 * read here and nowhere else, and only when SITE_NOW is not set.
 */
export function buildContextFromEnvironment(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): BuildContext {
  const pinned = env.SITE_NOW ? parseSiteNow(env.SITE_NOW) : undefined;
  if (env.SITE_NOW && !pinned) throw new Error(`SITE_NOW must be an ISO 8601 date-time, not «${env.SITE_NOW}»`);
  const runMode = env.ELEVENTY_RUN_MODE;
  const includeDrafts = env.SITE_INCLUDE_DRAFTS !== undefined ? env.SITE_INCLUDE_DRAFTS === 'true' : runMode === 'serve' || runMode === 'watch';
  return { site: siteSettingsFromEnvironment(env), now: pinned ?? clock(), includeDrafts };
}
