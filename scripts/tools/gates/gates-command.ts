// The gates command: builds the bundled site and a generated one, runs every quality gate on
// both and prints one line per gate. Returns the exit code (0 all passed, 1 a gate failed,
// 2 usage) instead of exiting.

import { parseCount, readCommandLine, usageError, type CommandOutput } from '../../lib/cli/command-line.ts';

export interface GatesIo extends CommandOutput {
  projectDir: string;
}

export const GATES_USAGE = `Usage: npm run gates -- [--generated 300] [--port 4173]

  Builds the bundled site and a generated one and runs html-validate, internal links,
  axe-core, contrast and Lighthouse on each (needs Chromium and xmllint).

  --generated N   articles in the generated site (default 300)
  --port P        port the sites are served on, on 127.0.0.1 (default 4173)
`;

const GATES_COMMAND = {
  name: 'gates',
  usage: GATES_USAGE,
  options: {
    generated: { type: 'string', default: '300' },
    port: { type: 'string', default: '4173' },
  },
} as const;

export async function runGatesCommand(argv: readonly string[], io: GatesIo): Promise<number> {
  const commandLine = readCommandLine(argv, GATES_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const generated = parseCount(commandLine.values.generated, 1);
  if (generated === undefined) return usageError(GATES_COMMAND, io, '--generated must be a whole number of at least 1');
  const port = parseCount(commandLine.values.port, 1);
  if (port === undefined || port > 65_535) return usageError(GATES_COMMAND, io, '--port must be a whole number from 1 to 65535');
  // Loaded only to run: the gates bring Eleventy, Lighthouse and Playwright, which --help does not need.
  const [{ bundledGateSite, generatedGateSite }, { runGates }] = await Promise.all([import('./gate-sites.ts'), import('./run-gates.ts')]);
  const log = (line: string): void => io.stdout(`${line}\n`);
  const results = [
    ...await runGates(await bundledGateSite(io.projectDir, port), io.projectDir, log),
    ...await runGates(await generatedGateSite(io.projectDir, port, generated), io.projectDir, log),
  ];
  const failed = results.filter((result) => !result.passed);
  log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length > 0 ? 1 : 0;
}
