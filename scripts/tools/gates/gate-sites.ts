// The two sites the quality gates check: the bundled sample content, and a generated
// corpus of a few hundred articles so that pagination, tags and archives are exercised.
// Both are built for http://127.0.0.1:<port> so canonical URLs match where they are served.

import { PUBLICATION, siteSettingsFromEnvironment } from '../../lib/config/site.ts';
import { ingestSettings } from '../../lib/config/ingest-settings.ts';
import { writeCorpus } from '../bench/generate-corpus.ts';
import { ingestRawFiles } from '../../lib/ingest/ingest-batch.ts';
import { buildSite } from '../../lib/build/build-site.ts';
import { createSiteWorkspace } from '../../lib/site/site-workspace.ts';
import type { GateTarget } from './run-gates.ts';

/** Fixed, so builds (and so the gates' results) are reproducible. */
const GATES_NOW = new Date('2026-01-01T12:00:00+03:00');

const PAGES_TO_CHECK = ['/', '/sections/', '/tags/', '/archive/', '/subscribe/', '/404.html'];

async function buildFor(projectDir: string, inputDir: string, outputDir: string, port: number): Promise<void> {
  await buildSite({
    projectDir, inputDir, outputDir,
    // The site as configured, whatever the environment running the gates sets.
    context: { site: { ...siteSettingsFromEnvironment({}), baseUrl: `http://127.0.0.1:${port}`, pathPrefix: '/' }, now: GATES_NOW, includeDrafts: false },
  });
}

export async function bundledGateSite(projectDir: string, port: number): Promise<GateTarget> {
  const workspace = await createSiteWorkspace(projectDir, 'gates-bundled-');
  await buildFor(projectDir, `${projectDir}/content`, workspace.outputDir, port);
  return {
    name: 'bundled', siteDir: workspace.outputDir, port,
    accessibilityPaths: [...PAGES_TO_CHECK, '/sections/syria/', '/tags/iran/', '/archive/2017/', '/archive/2017/07/', '/articles/f4b3dfa3adcd8716/', '/articles/8f41d2c6e9a3b750/', '/search/'],
    lighthousePaths: ['/', '/sections/syria/', '/articles/f4b3dfa3adcd8716/', '/search/'],
  };
}

export async function generatedGateSite(projectDir: string, port: number, articles: number): Promise<GateTarget> {
  const workspace = await createSiteWorkspace(projectDir, 'gates-generated-');
  const rawDir = `${workspace.dir}/raw`;
  await writeCorpus({ articles, outDir: rawDir, seed: 7 });
  const summary = await ingestRawFiles({ inputs: [rawDir], outDir: workspace.articlesDir, site: PUBLICATION, settings: ingestSettings });
  if (summary.rejected > 0) throw new Error(`${summary.rejected} generated articles were rejected by ingest`);
  await buildFor(projectDir, workspace.contentDir, workspace.outputDir, port);
  return {
    name: 'generated', siteDir: workspace.outputDir, port,
    accessibilityPaths: [...PAGES_TO_CHECK, '/page/2/', '/sections/economy/', '/sections/economy/page/2/', '/tags/damascus/', '/search/'],
    lighthousePaths: ['/', '/page/2/', '/search/'],
  };
}
