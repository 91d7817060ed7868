// The before/after measure of the tagging rules: counts on the bundled samples, and the
// command that prints them.

import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { DEFAULT_SAMPLES_DIR } from '../../scripts/tools/bench/generate-corpus.ts';
import { runTagReportCommand } from '../../scripts/tools/bench/tag-report-command.ts';
import { compareTagging, formatTagComparison, readRawArticles } from '../../scripts/tools/bench/tag-report.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runTagReportCommand(argv, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
  return { code, stdout, stderr };
}

describe('tag report', () => {
  it('counts the samples\' tags the old way and the new', async () => {
    const comparison = compareTagging(await readRawArticles(DEFAULT_SAMPLES_DIR, ingestSettings.boilerplateLines), ingestSettings);
    expect(comparison.articles).toBe(6);
    expect(comparison.before.filter((tags) => tags.includes('سورية'))).toHaveLength(4);
    expect(comparison.after.filter((tags) => tags.includes('سورية'))).toHaveLength(1);
    expect(Math.max(...comparison.before.map((tags) => tags.length))).toBe(7);
    expect(Math.max(...comparison.after.map((tags) => tags.length))).toBe(ingestSettings.tagScoring.maxTags);
  });

  it('prints a row per tag and a row of tags per article before and after', () => {
    const text = formatTagComparison('t', { articles: 2, before: [['سورية', 'دمشق'], ['سورية']], after: [['دمشق'], []], names: ['سورية', 'دمشق', 'إيران'] });
    expect(text.split('\n')).toEqual(expect.arrayContaining([
      '### t: 2 articles',
      '| سورية | 2 | 0 |',
      '| دمشق | 1 | 1 |',
      '| before | 1.50 | 2 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |',
      '| after | 0.50 | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ]));
    expect(text).not.toContain('إيران');
  });

  it('prints the samples, a generated corpus and both together', async () => {
    const { code, stdout } = await run(['--generate', '20', '--seed', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('### samples (tests/fixtures/raw = content/articles): 6 articles');
    expect(stdout).toContain('### generated corpus (seed 1): 20 articles');
    expect(stdout).toContain('### both together: 26 articles');
  });

  it('refuses a count that is not a whole number', async () => {
    expect((await run(['--generate', 'many'])).code).toBe(2);
  });
});
