// Node's options for a production build (`npm run build`, and the benchmark's build stage,
// which must run what `npm run build` runs; a test checks that package.json agrees).
//
// Node 20's default heap limit here is about 4 GB. Pages are rendered in Eleventy runs of
// 5,000 (render-pages.ts), but a 100k clean build still peaks near 4.6 GB (the plan, the
// records and what V8 has not collected yet); 8 GB leaves room. The limit is a ceiling,
// not a reservation: a 10k build stays near 1 GB either way.
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-old-space-size=8192'];
