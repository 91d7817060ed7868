// Fails a test project at once, with the fix, when a system tool its tests drive is missing
// (a fresh machine): Debian's Chromium for browser tests, xmllint for the feeds' and
// sitemaps' schemas. A failure, not a skip, so that CI never passes without them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../scripts/tools/browser/chromium.ts';

export type SystemTool = 'chromium' | 'xmllint';

function isInstalled(tool: SystemTool): boolean {
  if (tool === 'chromium') return existsSync(CHROMIUM_PATH);
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const DESCRIPTION: Record<SystemTool, string> = {
  chromium: `Chromium (${CHROMIUM_PATH}; CHROMIUM_PATH names another)`,
  xmllint: 'xmllint (libxml2-utils)',
};

const DEBIAN_PACKAGE: Record<SystemTool, string> = { chromium: 'chromium', xmllint: 'libxml2-utils' };

/** Throws, naming what to install and how, unless every tool is there. */
export function requireSystemTools(project: string, tools: readonly SystemTool[]): void {
  const missing = tools.filter((tool) => !isInstalled(tool));
  if (missing.length === 0) return;
  throw new Error(
    `The ${project} tests need ${missing.map((tool) => DESCRIPTION[tool]).join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Install with:\n`
    + `  apt-get update && apt-get install -y ${missing.map((tool) => DEBIAN_PACKAGE[tool]).join(' ')}\n`
    + '(.ci/run does this.) `npm run test:unit` runs the tests that need neither.',
  );
}
