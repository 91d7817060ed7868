// What a build needs to know of its moment and mode: "now" (injectable, so builds and
// tests are reproducible) and whether drafts and future articles are shown (only while
// previewing with the dev server).

export interface BuildContext {
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
  return { now: pinned ?? clock(), includeDrafts };
}

let current: BuildContext | undefined;

/** The one build context of this process, read from the environment on first use. */
export function currentBuildContext(): BuildContext {
  current ??= buildContextFromEnvironment(process.env);
  return current;
}
