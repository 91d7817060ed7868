// Global setup of the site test project: xmllint must be installed (see require-system-tools.ts).
import { requireSystemTools } from './require-system-tools.ts';

export default function requireXmllint(): void {
  requireSystemTools('site', ['xmllint']);
}
