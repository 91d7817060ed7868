// Preloaded into a benchmark child (node --import) when GNU time is missing: writes the
// process's own resource usage to BENCH_RESOURCE_USAGE_FILE as it exits. It cannot see
// grandchildren (a search indexer's binary, for example), which GNU time does.

import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RESOURCE_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify(process.resourceUsage()));
  });
}
