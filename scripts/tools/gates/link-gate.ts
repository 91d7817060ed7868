// Gate: no broken internal link or anchor, following pages, feeds and sitemaps (hyperlink).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function brokenLinks(siteDir: string, canonicalRoot: string, projectDir: string): Promise<{ checks: number; failures: string[] }> {
  const entryPoints = ['index.html', '404.html', 'sitemap.xml', 'feed.xml', 'rss.xml', 'search/index.html']
    .map((file) => join(siteDir, file))
    .filter((path) => existsSync(path));
  const hyperlink = join(projectDir, 'node_modules/.bin/hyperlink');
  const args = ['--root', siteDir, '--canonicalroot', canonicalRoot, '--recursive', '--internal', ...entryPoints];
  const output = await run(hyperlink, args, { maxBuffer: 256 * 1024 * 1024 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  const checks = Number(/^# tests (\d+)/m.exec(output)?.[1] ?? 0);
  const failures = output.split('\n').filter((line) => line.startsWith('not ok'));
  if (checks === 0) failures.push(`hyperlink ran no check:\n${output.slice(-2000)}`);
  return { checks, failures };
}
