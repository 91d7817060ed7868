import { defineConfig } from 'vitest/config';

// Four projects, all run by `npm test`. `npm run test:unit` runs only the first: pure
// modules and small file-system runs, in seconds, on a machine without Chromium or xmllint.
// - integration: starts processes or worker threads, or does seconds of real work (many
//   whole ingest runs); needs Node only;
// - site: builds whole sites (Eleventy, Pagefind, child processes), or needs xmllint;
// - browser: drives Debian's Chromium.
// A project whose system tool is missing fails at once, naming what to install.
// tests/architecture/test-projects.test.ts checks that every test file is in exactly one.

/** Tests that build whole sites, spawn builds, or validate with xmllint. */
const SITE_TESTS = [
  'tests/build/**/*.test.ts',
  'tests/fs/command-bundle.test.ts',
  'tests/reliability/**/*.test.ts',
  'tests/search/build-search.test.ts',
  'tests/search/pagefind-lane.test.ts',
  'tests/search/search-build.test.ts',
  'tests/site/article-image-build.test.ts',
  'tests/site/build-failure.test.ts',
  'tests/site/build-options.test.ts',
  'tests/site/feeds.test.ts',
  'tests/site/host-files.test.ts',
  'tests/site/render-pages.test.ts',
];

/**
 * Tests that start processes or worker threads, or do seconds of real work: Node alone, but
 * not the developer's fast path.
 */
const INTEGRATION_TESTS = [
  'tests/bench/measure.test.ts',
  'tests/bench/preview-probe.test.ts',
  'tests/ingest/ingest-rerun.test.ts',
  'tests/ingest/prepare-pool.test.ts',
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
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...INTEGRATION_TESTS, ...SITE_TESTS, ...BROWSER_TESTS],
          // One worker per core (vitest's default leaves one core idle: a single worker on two
          // cores), each importing the library once for all its files rather than once per
          // file: the files share no mocks, globals or settings, and the library's module-level
          // state is caches keyed by their inputs. `npm test` runs this project first.
          maxWorkers: '100%',
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: INTEGRATION_TESTS, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'site', include: SITE_TESTS, setupFiles: REGISTER_TSX, globalSetup: ['tests/support/require-xmllint.ts'], sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'browser', include: BROWSER_TESTS, setupFiles: REGISTER_TSX, globalSetup: ['tests/support/require-chromium.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
