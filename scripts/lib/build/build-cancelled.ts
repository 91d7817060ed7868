// The error of a build whose caller said its content would never be ready (build-site.ts
// BuildOptions.contentReady: npm run publish, when ingest stopped at a usage error). In a
// module of its own: the build command tells it apart without loading the build.

export class BuildCancelled extends Error {
  constructor() {
    super('build: cancelled before it looked at the content (its caller stopped)');
    this.name = 'BuildCancelled';
  }
}
