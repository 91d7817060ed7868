// The preview probe run for real, as the benchmark runs it: a child process in a project copy
// of a few articles, three saves, its JSON line read back from its log.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_NODE_FLAGS } from '../../scripts/lib/site/build-node-flags.ts';
import { runMeasuredStage, type StageMeasurement } from '../../scripts/tools/bench/measure.ts';
import { saveClause } from '../../scripts/tools/bench/preview-probe.ts';
import { parsePreviewProbeLog, type PreviewProbeOutput } from '../../scripts/tools/bench/preview-saves.ts';
import { createProjectCopy, writeArticles } from '../support/project-copy.ts';

describe('the preview probe', () => {
  let dir = '';
  let measured: StageMeasurement;
  let log = '';
  let output: PreviewProbeOutput | undefined;

  beforeAll(async () => {
    dir = await createProjectCopy('preview-probe');
    await writeArticles(dir, 4);
    measured = await runMeasuredStage({
      stage: 'preview',
      script: join(dir, 'scripts', 'tools', 'bench', 'preview-probe.ts'),
      args: [dir, '--saves', '3'],
      cwd: dir,
      nodeFlags: PREVIEW_NODE_FLAGS,
      env: { SITE_NOW: '2026-01-01' },
      logFile: join(dir, 'preview.log'),
      timeoutMs: 90_000,
    }, 'resource-usage');
    log = await readFile(measured.logFile, 'utf8');
    output = parsePreviewProbeLog(log);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes the saves asked for and prints their times as one JSON line', () => {
    expect(measured.exitCode, log).toBe(0);
    expect(output?.saves).toHaveLength(3);
    expect(output?.firstBuildMs).toBeGreaterThan(0);
    for (const save of output?.saves ?? []) {
      expect(save.pageMs).toBeGreaterThan(0);
      expect(save.searchMs).toBeGreaterThanOrEqual(save.pageMs);
      expect(save.rssMiB).toBeGreaterThan(10);
    }
  });

  it('saves different old articles in turn, the last save’s text in the file', async () => {
    const articles = (output?.saves ?? []).map((save) => save.article);
    expect(new Set(articles).size).toBe(3);
    expect(articles.every((article) => article.startsWith('content/articles/'))).toBe(true);
    expect(await readFile(join(dir, articles[2] as string), 'utf8')).toContain(saveClause(3));
  });

  it('ends with a line a person can read, after the preview’s own lines', () => {
    expect(log).toMatch(/preview: rendered \d+ of \d+ pages/u);
    expect(log.trimEnd().split('\n').pop()).toMatch(/^preview probe: 3 saves after a first build of [\d.]+ s$/u);
  });
});
