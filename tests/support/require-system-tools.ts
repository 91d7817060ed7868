// Fails the test run at once, with the fix, when the system tools the tests drive are
// missing (a fresh machine): Debian's Chromium for browser tests, xmllint for sitemaps.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../scripts/lib/browser/chromium.ts';

export default function requireSystemTools(): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium (${CHROMIUM_PATH})`);
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
  } catch {
    missing.push('xmllint');
  }
  if (missing.length > 0) {
    throw new Error(`The tests need ${missing.join(' and ')}. Install them with:\n  apt-get update && apt-get install -y chromium libxml2-utils\n(.ci/run does this.)`);
  }
}
