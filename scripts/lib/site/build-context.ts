// What a build needs to know beyond the content: the site settings, its "now"
// (injectable, so builds and tests are reproducible) and whether drafts and future
// articles are shown (only while previewing with the dev server).

import { siteSettings, type SiteSettings } from '../config/site.ts';

export interface BuildContext {
  site: SiteSettings;
  now: Date;
  includeDrafts: boolean;
}

/**
 * Reads SITE_NOW (ISO 8601) and Eleventy's run mode from the environment; the clock is
 * read here and nowhere else, and only when SITE_NOW is not set.
 */
export function buildContextFromEnvironment(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): BuildContext {
  const pinned = env.SITE_NOW ? new Date(env.SITE_NOW) : undefined;
  if (pinned && Number.isNaN(pinned.getTime())) throw new Error(`SITE_NOW must be an ISO 8601 date-time, not «${env.SITE_NOW}»`);
  const runMode = env.ELEVENTY_RUN_MODE;
  const includeDrafts = env.SITE_INCLUDE_DRAFTS !== undefined ? env.SITE_INCLUDE_DRAFTS === 'true' : runMode === 'serve' || runMode === 'watch';
  return { site: siteSettings, now: pinned ?? clock(), includeDrafts };
}

// Kept on globalThis, not in a module variable: Eleventy imports the config and data files
// with Node's own loader, so under a test runner this module can be loaded twice.
const CURRENT = Symbol.for('arabic-newsroom-ssg.build-context');
const shared = globalThis as { [CURRENT]?: BuildContext };

/** The build context of the build under way: set by buildSite, else read from the environment. */
export function currentBuildContext(): BuildContext {
  shared[CURRENT] ??= buildContextFromEnvironment(process.env);
  return shared[CURRENT];
}

/** Makes the next Eleventy run (in this process) use this context. */
export function setBuildContext(context: BuildContext): void {
  shared[CURRENT] = context;
}
