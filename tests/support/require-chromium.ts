// Global setup of the browser test project: Chromium must be installed (see require-system-tools.ts).
import { requireSystemTools } from './require-system-tools.ts';

export default function requireChromium(): void {
  requireSystemTools('browser', ['chromium']);
}
