// Node's options for a production build (`npm run build`, and the benchmark's build stage,
// which must run what `npm run build` runs; a test checks that package.json agrees).
//
// Node 20's default heap limit here is about 4 GB. Eleventy holds every page's data for the
// whole build (about 33 KB an article, 3.3 GB at 100,000) and a 100k build ran out of heap;
// 8 GB lets it finish. The limit is a ceiling, not a reservation: a 10k build stays near
// 2 GB either way.
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192'];
