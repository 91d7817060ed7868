// Runs the quality gates on a built site served on 127.0.0.1: html-validate, internal
// links, accessibility (axe-core and HTML_CodeSniffer contrast, light and dark) and
// Lighthouse scores. Returns what failed; printing is the caller's.

import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../browser/chromium.ts';
import { startStaticServer } from '../../lib/serve/static-server.ts';
import { checkAccessibility } from './accessibility-gate.ts';
import { htmlValidateErrors } from './html-validate-gate.ts';
import { LIGHTHOUSE_MINIMUMS, lighthouseScores, type Category } from './lighthouse-gate.ts';
import { brokenLinks } from './link-gate.ts';

export interface GateTarget {
  /** A name for the report: 'bundled', 'generated'. */
  name: string;
  siteDir: string;
  /** Port the site was built for (its base URL is http://127.0.0.1:<port>). */
  port: number;
  /** Site paths to check in the browser. */
  accessibilityPaths: readonly string[];
  /** Site paths to score with Lighthouse. */
  lighthousePaths: readonly string[];
}

export interface GateResult {
  gate: string;
  target: string;
  passed: boolean;
  summary: string;
  details: string[];
}

export async function runGates(target: GateTarget, projectDir: string, log: (line: string) => void): Promise<GateResult[]> {
  const results: GateResult[] = [];
  const record = (result: GateResult): void => {
    results.push(result);
    log(`${result.passed ? 'PASS' : 'FAIL'}  ${target.name.padEnd(9)}  ${result.gate.padEnd(14)}  ${result.summary}`);
    for (const detail of result.details.slice(0, 40)) log(`        ${detail}`);
  };

  const html = await htmlValidateErrors(target.siteDir);
  record({ gate: 'html-validate', target: target.name, passed: html.errors.length === 0, summary: `${html.pages} pages, ${html.errors.length} errors`, details: html.errors });

  const origin = `http://127.0.0.1:${target.port}/`;
  const links = await brokenLinks(target.siteDir, origin, projectDir);
  record({ gate: 'links', target: target.name, passed: links.failures.length === 0, summary: `${links.checks} checks, ${links.failures.length} broken`, details: links.failures });

  const server = await startStaticServer({ root: target.siteDir, port: target.port });
  try {
    const browser = await launchChromium();
    try {
      const pages = await checkAccessibility(browser, target.accessibilityPaths.map((path) => new URL(path.replace(/^\//, ''), origin).href));
      const axe = pages.flatMap((page) => page.axeViolations.map((violation) => `${page.scheme} ${page.url}: ${violation}`));
      const contrast = pages.flatMap((page) => page.contrastErrors.map((error) => `${page.scheme} ${page.url}: ${error}`));
      const consoleErrors = pages.flatMap((page) => page.consoleErrors.map((error) => `${page.scheme} ${page.url}: ${error}`));
      record({ gate: 'axe-core', target: target.name, passed: axe.length === 0, summary: `${pages.length} page views, ${axe.length} violations`, details: axe });
      record({ gate: 'contrast', target: target.name, passed: contrast.length === 0, summary: `HTML_CodeSniffer WCAG2AA, ${contrast.length} contrast errors`, details: contrast });
      record({ gate: 'console', target: target.name, passed: consoleErrors.length === 0, summary: `${consoleErrors.length} console errors`, details: consoleErrors });
    } finally {
      await browser.close();
    }
    const scores = await lighthouseScores(target.lighthousePaths.map((path) => new URL(path.replace(/^\//, ''), origin).href), CHROMIUM_PATH, CHROMIUM_ARGS);
    for (const page of scores) {
      const failing = (Object.keys(LIGHTHOUSE_MINIMUMS) as Category[]).filter((category) => page.scores[category] < LIGHTHOUSE_MINIMUMS[category]);
      record({
        gate: 'lighthouse', target: target.name, passed: failing.length === 0,
        summary: `${new URL(page.url).pathname}  performance ${page.scores.performance}, accessibility ${page.scores.accessibility}, best practices ${page.scores['best-practices']}, SEO ${page.scores.seo}`,
        details: page.failedAudits,
      });
    }
  } finally {
    await server.close();
  }
  return results;
}
