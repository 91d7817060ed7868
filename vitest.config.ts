import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test`. `npm run test:unit` runs only the first: pure
// modules and small file-system runs, in seconds, on a machine without Chromium or xmllint.
// - site: builds whole sites (Eleventy, Pagefind, child processes), or needs xmllint;
// - browser: drives Debian's Chromium.
// A project whose system tool is missing fails at once, naming what to install.

/** Tests that build whole sites, spawn builds, or validate with xmllint. */
const SITE_TESTS = [
  'tests/build/**/*.test.ts',
  'tests/reliability/**/*.test.ts',
  'tests/search/build-search.test.ts',
  'tests/search/search-build.test.ts',
  'tests/site/article-image-build.test.ts',
  'tests/site/build-failure.test.ts',
  'tests/site/build-options.test.ts',
  'tests/site/feeds.test.ts',
  'tests/site/host-files.test.ts',
  'tests/site/site-build.test.ts',
];

/** Tests that drive Chromium. */
const BROWSER_TESTS = [
  'tests/browser/**/*.test.ts',
  'tests/serve/preview-server.test.ts',
];

/** Lets Node's own import() read TypeScript, for Eleventy's config and data files (see the file). */
const REGISTER_TSX = ['tests/support/register-tsx.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...SITE_TESTS, ...BROWSER_TESTS] },
      },
      {
        extends: true,
        test: { name: 'site', include: SITE_TESTS, setupFiles: REGISTER_TSX, globalSetup: ['tests/support/require-xmllint.ts'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: BROWSER_TESTS, setupFiles: REGISTER_TSX, globalSetup: ['tests/support/require-chromium.ts'] },
      },
    ],
  },
});
