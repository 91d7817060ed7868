// The start command: builds the site with drafts and scheduled articles shown and serves it
// with live reload at PORT and HOST from the environment (default localhost:8080), until the
// signal stops it. Returns the exit code (0 previewed and stopped, 2 usage).

import { readCommandLine, untilStopped, usageError, type CommandOutput } from '../cli/command-line.ts';
import { listenAddress } from './listen-address.ts';

export interface StartIo extends CommandOutput {
  /** The environment: PORT, HOST and SITE_VERBOSE. */
  env: Readonly<Record<string, string | undefined>>;
  projectDir: string;
  pathPrefix: string;
}

export const START_USAGE = `Usage: npm start [-- --verbose]
       PORT=8081 HOST=0.0.0.0 npm start

  Builds the site with drafts and scheduled articles shown into _site and serves it with
  live reload at http://localhost:8080/; PORT and HOST in the environment change the address.

  --verbose   print a failed build's stack traces too (or SITE_VERBOSE=1)
`;

const START_COMMAND = { name: 'start', usage: START_USAGE, options: { verbose: { type: 'boolean', default: false } } } as const;

/** Previews until `stop` is aborted (never, from the terminal: Ctrl+C ends the process). */
export async function runStartCommand(argv: readonly string[], io: StartIo, stop?: AbortSignal): Promise<number> {
  const commandLine = readCommandLine(argv, START_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const address = listenAddress(io.env, { port: 8080, host: 'localhost' });
  if ('error' in address) return usageError(START_COMMAND, io, address.error);
  // Loaded only to run: the preview server brings Eleventy, which --help does not need.
  const { startPreviewServer } = await import('./preview-server.ts');
  const preview = await startPreviewServer({
    projectDir: io.projectDir,
    outputDir: '_site',
    pathPrefix: io.pathPrefix,
    port: address.port,
    host: address.host,
    log: (line) => io.stdout(`${line}\n`),
    verbose: commandLine.values.verbose || io.env.SITE_VERBOSE === '1',
  });
  io.stdout(`previewing at ${preview.server.url} (drafts shown; Ctrl+C stops)\n`);
  await untilStopped(stop);
  await preview.close();
  return 0;
}
