// @ts-check
// The launcher of npm run build, publish and ingest: `node [flags] scripts/run-command.mjs
// <command> [arguments]` runs scripts/<command>.ts. Plain JavaScript, because it runs before
// anything can load TypeScript: from the commands' kept bundle when the project's record of it
// (scripts/lib/fs/command-bundle.ts, which says why and what is checked) still holds in every
// byte, else through tsx, after which it keeps a bundle for the next run. A run asked for
// stack traces (--verbose, SITE_VERBOSE=1) goes through tsx: they then name the TypeScript
// sources, not the bundle's files.

import { createHash } from 'node:crypto';
import { readFileSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** As command-bundle.ts's BUNDLED_COMMANDS and COMMAND_RECORD say (tests/fs/command-bundle.test.ts checks that they agree). */
const COMMANDS = ['build', 'publish', 'ingest'];
const RECORD_KIND = 'arabic-newsroom-command-bundle';
const RECORD_FORMAT = 1;
const MODULE_PLACE = 'arabic-newsroom.module-place';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const [command] = process.argv.splice(2, 1);
if (command === undefined || !COMMANDS.includes(command)) {
  process.stderr.write(`Usage: node scripts/run-command.mjs <${COMMANDS.join('|')}> [arguments]\n`);
  process.exit(2);
}

/** @param {string} path */
const sha256Of = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The command's entry in the commands' bundle, when the record says the bundle was made of the
 * project's files as they are, by this Node release, and it is as it was made; else undefined.
 * @param {string} name
 * @returns {string | undefined}
 */
function keptBundle(name) {
  try {
    const record = JSON.parse(readFileSync(join(projectDir, '.cache', 'commands', 'bundle.json'), 'utf8'));
    if (record.kind !== RECORD_KIND || record.format !== RECORD_FORMAT || record.node !== process.versions.node) return undefined;
    if (typeof record.bundle !== 'string' || !/^commands-[0-9a-f]{16}$/.test(record.bundle)) return undefined;
    const folder = join(projectDir, 'node_modules', '.cache', 'arabic-newsroom-commands', record.bundle);
    /** @type {[string, string][]} */
    const files = [
      ...Object.entries(record.inputs).map(([path, sum]) => /** @type {[string, string]} */ ([join(projectDir, path), String(sum)])),
      ...Object.entries(record.outputs).map(([path, sum]) => /** @type {[string, string]} */ ([join(folder, path), String(sum)])),
    ];
    if (!(`${name}.js` in record.outputs) || !('package-lock.json' in record.inputs)) return undefined;
    if (!files.every(([path, sum]) => sha256Of(path) === sum)) return undefined;
    // Used: not pruned as unused (command-bundle.ts).
    utimesSync(folder, new Date(), new Date());
    return join(folder, `${name}.js`);
  } catch {
    return undefined;
  }
}

const verbose = process.argv.includes('--verbose') || process.env.SITE_VERBOSE === '1';
const bundle = verbose ? undefined : keptBundle(command);
if (bundle) {
  /** Where a bundled module would be: its place in this project (command-bundle.ts withModulePlace). */
  Object.defineProperty(globalThis, Symbol.for(MODULE_PLACE), {
    value: (/** @type {string} */ path) => {
      const filename = join(projectDir, path);
      return { url: pathToFileURL(filename).href, filename, dirname: dirname(filename) };
    },
  });
  await import(pathToFileURL(bundle).href);
} else {
  // tsx's loader, as typescript-worker.ts registers it in a worker.
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(projectDir, 'scripts', `${command}.ts`)).href);
  if (!verbose) {
    try {
      const { keepCommandBundle } = await import(pathToFileURL(join(projectDir, 'scripts', 'lib', 'fs', 'command-bundle.ts')).href);
      await keepCommandBundle(projectDir);
    } catch (error) {
      // Said, not hidden: a bundle never kept would make every run pay for tsx again.
      process.stderr.write(`run-command: no bundle of the commands was kept (${error instanceof Error ? error.message : String(error)}); the next run goes through tsx again\n`);
    }
  }
}
