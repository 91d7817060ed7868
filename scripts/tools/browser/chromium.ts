// Launches Debian's Chromium through playwright-core, with the flags this sandbox needs
// (no GPU, no sandbox as root, no background network chatter). Browsers are never
// downloaded: the project uses the system's Chromium.
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Loads playwright-core (a second's import) only to launch: reading CHROMIUM_PATH does not. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
