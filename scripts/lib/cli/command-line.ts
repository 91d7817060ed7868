// How every entry point reads its arguments, in one place: node:util's parseArgs, strict,
// with --help (or -h) printing the usage and exit code 0, and an unknown flag, a missing
// value or a stray argument printing the problem and the usage to stderr with exit code 2.

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes: the terminal in an entry point, arrays in a test. */
export interface CommandOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs gives for these options (strict: only these, typed by their declaration). */
export type OptionValues<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

export interface CommandSpec<O extends OptionsConfig> {
  /** The command's name, before each of its messages: «ingest: …». */
  name: string;
  /** The usage text, starting «Usage: npm run …»; printed by --help and after a usage error. */
  usage: string;
  /** The command's options; --help (-h) is added to them. */
  options: O;
  /** Whether the command takes arguments other than options (raw folders, say). */
  allowPositionals?: boolean;
}

export type ParsedCommandLine<O extends OptionsConfig> =
  | { kind: 'run'; values: OptionValues<O>; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

/** Reads the arguments without printing anything: what to run, or that help or a usage error is due. */
export function parseCommandLine<O extends OptionsConfig>(argv: readonly string[], spec: CommandSpec<O>): ParsedCommandLine<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message };
  }
  const { help, ...values } = parsed.values as Record<string, unknown>;
  if (help === true) return { kind: 'help' };
  return { kind: 'run', values: values as OptionValues<O>, positionals: parsed.positionals };
}

/** Prints the problem and the usage to stderr; returns the usage exit code, 2. */
export function usageError(spec: Pick<CommandSpec<OptionsConfig>, 'name' | 'usage'>, io: CommandOutput, message: string): number {
  io.stderr(`${spec.name}: ${message}\n\n${spec.usage}`);
  return 2;
}

/**
 * Reads the arguments and answers --help and usage errors itself: either the values to run
 * with, or the exit code the command returns at once (0 after the usage, 2 after an error).
 */
export function readCommandLine<O extends OptionsConfig>(
  argv: readonly string[],
  spec: CommandSpec<O>,
  io: CommandOutput,
): { values: OptionValues<O>; positionals: string[] } | { exitCode: number } {
  const parsed = parseCommandLine(argv, spec);
  if (parsed.kind === 'help') {
    io.stdout(spec.usage);
    return { exitCode: 0 };
  }
  if (parsed.kind === 'usage-error') return { exitCode: usageError(spec, io, parsed.message) };
  return { values: parsed.values, positionals: parsed.positionals };
}

/** Resolves when `stop` is aborted: a server command runs until then (from a terminal, until Ctrl+C ends the process). */
export function untilStopped(stop?: AbortSignal): Promise<void> {
  return new Promise((resolveStopped) => {
    if (stop?.aborted) resolveStopped();
    else stop?.addEventListener('abort', () => resolveStopped(), { once: true });
  });
}

/** A whole number of at least `min` written in plain digits (1_000 allowed), or undefined. */
export function parseCount(text: string | undefined, min: number): number | undefined {
  if (text === undefined || !/^\d+$/u.test(text.replace(/_/gu, ''))) return undefined;
  const value = Number(text.replace(/_/gu, ''));
  return Number.isSafeInteger(value) && value >= min ? value : undefined;
}
