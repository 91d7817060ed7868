// The serve command: serves the built _site as a static host would, at PORT and HOST from the
// environment (default 127.0.0.1:8080), until the signal stops it. Returns the exit code
// (0 served and stopped, 2 usage) instead of exiting, so it can be tested without a process.

import { readCommandLine, untilStopped, usageError, type CommandOutput } from '../cli/command-line.ts';
import { listenAddress } from './listen-address.ts';
import { startStaticServer } from './static-server.ts';

export interface ServeIo extends CommandOutput {
  /** The environment: PORT and HOST. */
  env: Readonly<Record<string, string | undefined>>;
  /** The built site's folder (the entry point: _site) and the path it is mounted under. */
  root: string;
  pathPrefix: string;
}

export const SERVE_USAGE = `Usage: npm run serve
       PORT=8081 HOST=0.0.0.0 npm run serve

  Serves the built _site at http://127.0.0.1:8080/ as a static host would: precompressed
  copies, Cache-Control, ETag. PORT and HOST in the environment change the address.
`;

const SERVE_COMMAND = { name: 'serve', usage: SERVE_USAGE, options: {} } as const;

/** Serves until `stop` is aborted (never, from the terminal: Ctrl+C ends the process). */
export async function runServeCommand(argv: readonly string[], io: ServeIo, stop?: AbortSignal): Promise<number> {
  const commandLine = readCommandLine(argv, SERVE_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  const address = listenAddress(io.env, { port: 8080, host: '127.0.0.1' });
  if ('error' in address) return usageError(SERVE_COMMAND, io, address.error);
  const running = await startStaticServer({ root: io.root, pathPrefix: io.pathPrefix, port: address.port, host: address.host });
  io.stdout(`serving ${io.root} at ${running.url} (Ctrl+C stops)\n`);
  await untilStopped(stop);
  await running.close();
  return 0;
}
