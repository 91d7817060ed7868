// Browser tests launch Chromium the way the project's scripts do.
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../scripts/tools/browser/chromium.ts';
