// The fonts command: writes the Arabic core fonts (assets/fonts/*-arabic-core-*) from the
// pinned @fontsource files. Returns the exit code (0 written, 2 usage) instead of exiting.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCommandLine, type CommandOutput } from '../cli/command-line.ts';

export interface FontsIo extends CommandOutput {
  projectDir: string;
}

export const FONTS_USAGE = `Usage: npm run fonts

  Cuts the Arabic core fonts (assets/fonts/*-arabic-core-*) from the pinned @fontsource
  files with HarfBuzz's subsetter; run it after upgrading those packages, and commit them.
`;

const FONTS_COMMAND = { name: 'fonts', usage: FONTS_USAGE, options: {} } as const;

export async function runFontsCommand(argv: readonly string[], io: FontsIo): Promise<number> {
  const commandLine = readCommandLine(argv, FONTS_COMMAND, io);
  if ('exitCode' in commandLine) return commandLine.exitCode;
  // Loaded only to run: the subsetter (WebAssembly) is not needed for --help.
  const { cutArabicCoreFonts } = await import('./cut-arabic-core.ts');
  for (const [file, bytes] of await cutArabicCoreFonts(io.projectDir)) {
    await writeFile(join(io.projectDir, file), bytes);
    io.stdout(`${file}  ${bytes.length} bytes\n`);
  }
  return 0;
}
