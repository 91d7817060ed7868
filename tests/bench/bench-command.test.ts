// The bench command's options, read without running anything: which scenarios are compared
// with a clean build (--compare-clean), and a usage error (exit code 2) for a wrong value.

import { describe, expect, it } from 'vitest';
import { BENCH_USAGE, parseBenchOptions, runBenchCommand, type BenchIo } from '../../scripts/tools/bench/bench-command.ts';

const PROJECT = '/work/project';

async function compareCleanOf(argv: readonly string[]): Promise<unknown> {
  const parsed = await parseBenchOptions(['--meter', 'resource-usage', ...argv], PROJECT);
  return parsed.ok ? parsed.options.compareClean : parsed.message;
}

function io(): BenchIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err, projectDir: PROJECT, now: () => new Date('2026-01-01T00:00:00Z'), env: {},
    stdout: (text) => out.push(text), stderr: (text) => err.push(text),
  };
}

describe('--compare-clean', () => {
  it.each([
    [[], 'every'],
    [['--compare-clean', 'every'], 'every'],
    [['--compare-clean', 'last'], 'last'],
    [['--compare-clean=none'], 'none'],
    [['--articles', '100000', '--timeout', '90', '--compare-clean', 'last'], 'last'],
  ])('reads %j as %s', async (argv, expected) => {
    expect(await compareCleanOf(argv)).toBe(expected);
  });

  it.each([['first'], ['LAST'], ['']])('refuses «%s»', async (value) => {
    expect(await compareCleanOf(['--compare-clean', value])).toBe(`--compare-clean must be every, last or none, not «${value}»`);
  });

  it('refuses the option without a value', async () => {
    expect(await compareCleanOf(['--compare-clean'])).toMatch(/--compare-clean/u);
  });

  it('keeps the other options as they were', async () => {
    const parsed = await parseBenchOptions(['--meter', 'resource-usage', '--articles', '300', '--skip-search', '--compare-clean', 'last', '--out', '/tmp/bench-last'], PROJECT);
    expect(parsed).toEqual({
      ok: true,
      options: {
        sizes: [300], seed: 1, keep: false, outDir: '/tmp/bench-last', timeoutMs: 20 * 60_000, cpuProf: false, eleventyDebug: false,
        skipSearch: true, skipScenarios: false, compareClean: 'last', meter: 'resource-usage', skipPreview: false, previewSaves: 100,
      },
    });
  });

  it('is a usage error, exit code 2, with the usage text, and runs nothing', async () => {
    const terminal = io();
    expect(await runBenchCommand(['--compare-clean', 'sometimes'], terminal)).toBe(2);
    expect(terminal.err.join('')).toBe(`bench: --compare-clean must be every, last or none, not «sometimes»\n\n${BENCH_USAGE}`);
    expect(terminal.out).toEqual([]);
  });

  it('is in the usage text, with the choices, the default and the advice for 100,000 articles', async () => {
    const terminal = io();
    expect(await runBenchCommand(['--help'], terminal)).toBe(0);
    const usage = terminal.out.join('');
    expect(usage).toContain('[--compare-clean every]');
    expect(usage).toMatch(/--compare-clean W\s+after which scenarios .* every \(default\), last .* or none/su);
    expect(usage).toContain('--articles 100000 --timeout 90 --compare-clean last');
  });
});

describe('--skip-preview and --preview-saves', () => {
  const previewOf = async (argv: readonly string[]): Promise<unknown> => {
    const parsed = await parseBenchOptions(['--meter', 'resource-usage', ...argv], PROJECT);
    return parsed.ok ? { skipPreview: parsed.options.skipPreview, previewSaves: parsed.options.previewSaves } : parsed.message;
  };

  it.each([
    [[], { skipPreview: false, previewSaves: 100 }],
    [['--skip-preview'], { skipPreview: true, previewSaves: 100 }],
    [['--preview-saves', '3'], { skipPreview: false, previewSaves: 3 }],
  ])('reads %j', async (argv, expected) => {
    expect(await previewOf(argv)).toEqual(expected);
  });

  it.each([['0'], ['-1'], ['2.5'], ['many']])('refuses --preview-saves %s', async (value) => {
    expect(await previewOf([`--preview-saves=${value}`])).toBe('--preview-saves must be a whole number of at least 1');
  });

  it('are in the usage text', async () => {
    const terminal = io();
    expect(await runBenchCommand(['--help'], terminal)).toBe(0);
    expect(terminal.out.join('')).toMatch(/--skip-preview\s+do not time npm start's saves/u);
    expect(terminal.out.join('')).toMatch(/--preview-saves N .*\(default 100\)/u);
  });
});
