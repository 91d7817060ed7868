// Every entry point reads its arguments one way: --help prints a usage text and exits 0, an
// unknown flag prints the problem and the usage to stderr and exits 2 — checked on each
// command function, without a process; and the shared reader itself.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseCount, readCommandLine } from '../../scripts/lib/cli/command-line.ts';
import { runBenchCommand } from '../../scripts/tools/bench/bench-command.ts';
import { runGenerateCorpusCommand } from '../../scripts/tools/bench/generate-corpus-command.ts';
import { runTagReportCommand } from '../../scripts/tools/bench/tag-report-command.ts';
import { runGatesCommand } from '../../scripts/tools/gates/gates-command.ts';
import { runIngestCommand } from '../../scripts/lib/ingest/ingest-command.ts';
import { runServeCommand } from '../../scripts/lib/serve/serve-command.ts';
import { runStartCommand } from '../../scripts/lib/serve/start-command.ts';
import { runBuildCommand } from '../../scripts/lib/build/build-command.ts';
import { runPublishCommand } from '../../scripts/lib/build/publish-command.ts';
import { runFontsCommand } from '../../scripts/lib/site/fonts-command.ts';

const PROJECT_DIR = '/nonexistent/project';

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err,
    stdout: (text: string) => { out.push(text); },
    stderr: (text: string) => { err.push(text); },
    isTerminal: false, cwd: PROJECT_DIR, projectDir: PROJECT_DIR, env: {}, root: '/nonexistent/_site', pathPrefix: '/',
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
}

type Terminal = ReturnType<typeof terminal>;

/** Each npm script that runs scripts/<file>.ts, and the command function that file calls. */
const COMMANDS: [script: string, file: string, run: (argv: readonly string[], io: Terminal) => Promise<number>][] = [
  ['ingest', 'scripts/ingest.ts', runIngestCommand],
  ['build', 'scripts/build.ts', runBuildCommand],
  ['publish', 'scripts/publish.ts', runPublishCommand],
  ['start', 'scripts/start.ts', runStartCommand],
  ['serve', 'scripts/serve.ts', runServeCommand],
  ['gates', 'scripts/quality-gates.ts', runGatesCommand],
  ['generate-corpus', 'scripts/generate-corpus.ts', runGenerateCorpusCommand],
  ['tag-report', 'scripts/tag-report.ts', runTagReportCommand],
  ['bench', 'scripts/bench.ts', runBenchCommand],
  ['fonts', 'scripts/subset-fonts.ts', runFontsCommand],
];

/** The scripts/*.ts file an npm script runs: itself, or through the commands' launcher (`scripts/run-command.mjs build` runs scripts/build.ts). */
function entryPointOf(command: string): string | undefined {
  const launched = /scripts\/run-command\.mjs (\w+)/u.exec(command)?.[1];
  return launched ? `scripts/${launched}.ts` : /scripts\/[\w-]+\.ts/u.exec(command)?.[0];
}

describe('every entry point', () => {
  it('is in the table: each npm script that runs a scripts/*.ts file (itself or through the commands\' launcher)', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const entryPoints = Object.entries(scripts)
      .map(([name, command]) => [name, entryPointOf(command)])
      .filter(([, file]) => file !== undefined);
    expect(entryPoints, 'an entry point without a command function here: give it one that reads its arguments with readCommandLine, and add it')
      .toEqual(COMMANDS.map(([script, file]) => [script, file]));
  });

  it.each(COMMANDS)('%s prints its usage on --help and -h and exits 0', async (script, _file, run) => {
    for (const flag of ['--help', '-h']) {
      const io = terminal();
      expect(await run([flag], io)).toBe(0);
      expect(io.out.join('')).toMatch(new RegExp(`^Usage: npm (run ${script}|${script})\\b`, 'u'));
      expect(io.err).toEqual([]);
    }
  });

  it.each(COMMANDS)('%s refuses an unknown flag: the problem and the usage on stderr, exit code 2', async (script, _file, run) => {
    const io = terminal();
    expect(await run(['--no-such-flag'], io)).toBe(2);
    const stderr = io.err.join('');
    expect(stderr).toMatch(new RegExp(`^${script}: Unknown option '--no-such-flag'`, 'u'));
    expect(stderr).toMatch(/\n\nUsage: npm /u);
    expect(io.out).toEqual([]);
  });
});

describe('the command-line reader', () => {
  const spec = {
    name: 'demo',
    usage: 'Usage: npm run demo -- [--out DIR] [--dry-run]\n',
    options: { out: { type: 'string', default: 'here' }, 'dry-run': { type: 'boolean', default: false } },
  } as const;

  it('gives the values, defaults filled in, without help among them', () => {
    expect(parseCommandLine(['--dry-run'], spec)).toEqual({ kind: 'run', values: { out: 'here', 'dry-run': true }, positionals: [] });
  });

  it.each([
    [['stray'], "Unexpected argument 'stray'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['--dry-run=yes'], "Option '--dry-run' does not take an argument"],
  ])('makes %j a usage error', (argv, message) => {
    const parsed = parseCommandLine(argv, spec);
    expect(parsed.kind).toBe('usage-error');
    expect(parsed.kind === 'usage-error' && parsed.message).toContain(message);
  });

  it('takes positionals only from a command that allows them', () => {
    expect(parseCommandLine(['a', 'b'], { ...spec, allowPositionals: true })).toMatchObject({ kind: 'run', positionals: ['a', 'b'] });
  });

  it('answers a usage error itself, naming the command', () => {
    const io = terminal();
    expect(readCommandLine(['--nope'], spec, io)).toEqual({ exitCode: 2 });
    expect(io.err.join('')).toMatch(/^demo: Unknown option '--nope'.*\n\nUsage: npm run demo -- \[--out DIR\] \[--dry-run\]\n$/su);
  });

  it.each([
    ['300', 1, 300], ['1_000', 1, 1000], ['0', 0, 0], ['0', 1, undefined], ['-1', 0, undefined],
    ['1.5', 0, undefined], ['', 0, undefined], [undefined, 0, undefined], ['99999999999999999999', 0, undefined],
  ])('reads the count %j (at least %i) as %j', (text, min, expected) => {
    expect(parseCount(text, min)).toBe(expected);
  });
});
