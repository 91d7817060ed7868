// Entry point of `npm run fonts`: writes the Arabic core fonts (assets/fonts/*-arabic-core-*)
// from the pinned @fontsource files; run it after upgrading those packages, and commit them.
import { runFontsCommand } from './lib/site/fonts-command.ts';

process.exitCode = await runFontsCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  projectDir: process.cwd(),
});
