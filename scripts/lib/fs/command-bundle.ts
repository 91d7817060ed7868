// The commands an editor runs (npm run build, publish, ingest) as plain JavaScript that Node
// loads by itself. Through tsx, a command spent about half a second before its first step on
// this machine: 0.2 s registering tsx's loader (a thread of its own), then 0.3 s loading some
// 120 modules through it. A 10,000-article publish of 20 took 4.99 s through tsx and 4.44 s
// from a bundle (three pairs, same copy, same hour).
//
// scripts/run-command.mjs, the launcher package.json runs, reads the project's record of the
// commands' bundle (.cache/commands/bundle.json) and imports the command's entry only when
// every file the bundle was made of (each project module, the lock file) and every file of
// the bundle still has the SHA-256 the record says, under the same Node release; else it runs
// the command's TypeScript through tsx, and then calls keepCommandBundle for the next run.
// The three commands are bundled together, so the first run of any of them (a fresh clone's
// first build) readies all three: the first publish does not go through tsx. The checks are in
// the launcher (plain JavaScript, for it runs before anything can load TypeScript); what they
// check is written here, in one place: COMMAND_RECORD.
//
// A bundle is code-split (esbuild's splitting), so a module the command imports only when it
// needs it (sharp, Pagefind, Eleventy's loading) is still loaded only then. Packages stay
// imports, resolved from the project's node_modules, where bundles are kept
// (node_modules/.cache/arabic-newsroom-commands/<name>/), named by what they were made of:
// copies of the project with the same code share one. A module that finds files beside itself
// (import.meta.url, import.meta.dirname: its worker's module, the scripts it bundles for the
// browser) is given its own place in the project the launcher runs in, not the bundle's: the
// bundle names each module by its path in the project, and the launcher says where that is.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.ts';

/** The commands the launcher runs: scripts/<command>.ts each. */
export const BUNDLED_COMMANDS = ['build', 'publish', 'ingest'] as const;
export type BundledCommand = (typeof BUNDLED_COMMANDS)[number];

/** What the launcher reads: kind and format of the record, and the global a bundled module asks its place of. */
export const COMMAND_RECORD = {
  kind: 'arabic-newsroom-command-bundle',
  format: 1,
  /** globalThis[Symbol.for(modulePlace)](path in the project) → { url, filename, dirname } of that module. */
  modulePlace: 'arabic-newsroom.module-place',
} as const;

/** What a command's record says: the bundle, and the SHA-256 of everything it was made of and is. */
export interface CommandRecord {
  kind: typeof COMMAND_RECORD.kind;
  format: typeof COMMAND_RECORD.format;
  node: string;
  /** The bundle's folder under commandBundlesDir. */
  bundle: string;
  /** Project files (paths relative to the project, forward slashes) → SHA-256: the modules bundled and the lock file. */
  inputs: Record<string, string>;
  /** The bundle's files (relative to its folder; <command>.js the entry of each command) → SHA-256. */
  outputs: Record<string, string>;
}

/** Where a project's bundles are kept. */
export function commandBundlesDir(projectDir: string): string {
  return join(projectDir, 'node_modules', '.cache', 'arabic-newsroom-commands');
}

/** The record of the commands' bundle in this project. */
export function commandRecordFile(projectDir: string): string {
  return join(projectDir, '.cache', 'commands', 'bundle.json');
}

/** A bundle not used for this long is removed when another is made (the launcher touches the one it runs). */
const UNUSED_BUNDLE_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const posix = (path: string): string => path.split(sep).join('/');

const MODULE_LOADERS: Record<string, 'ts' | 'js' | 'json'> = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/**
 * A project module as a bundle loads it (esbuild's onLoad), each place it asks for its own
 * (withModulePlace): for the commands' bundle and for worker bundles (worker-bundle.ts).
 * Undefined for a file of a kind no bundle holds. `projectPath`: its path in the project.
 */
export function placedModule(projectPath: string, text: string): { contents: string; loader: 'ts' | 'js' | 'json' } | undefined {
  const loader = MODULE_LOADERS[extname(projectPath)];
  if (!loader) return undefined;
  return { contents: loader === 'json' ? text : withModulePlace(text, projectPath), loader };
}
const PLACE_OF_MODULE = /\bimport\.meta\.(url|dirname|filename)\b/g;

/** A module's source with import.meta.url, .dirname and .filename asked of the launcher, by the module's path in the project. */
export function withModulePlace(source: string, projectPath: string): string {
  const place = `globalThis[Symbol.for(${JSON.stringify(COMMAND_RECORD.modulePlace)})](${JSON.stringify(projectPath)})`;
  return source.replace(PLACE_OF_MODULE, (_match, property: string) => `${place}.${property}`);
}

/**
 * JavaScript that defines, on the thread it runs in, the global withModulePlace asks: for a
 * worker started from a bundle of placed modules (worker-bundle.ts), as the launcher defines it
 * for the commands (scripts/run-command.mjs, which can import no TypeScript).
 */
export function modulePlaceDefinition(projectDir: string): string {
  return `{ const { dirname, join } = require('node:path'); const { pathToFileURL } = require('node:url'); const projectDir = ${JSON.stringify(projectDir)};
Object.defineProperty(globalThis, Symbol.for(${JSON.stringify(COMMAND_RECORD.modulePlace)}), { value: (path) => { const filename = join(projectDir, path); return { url: pathToFileURL(filename).href, filename, dirname: dirname(filename) }; } }); }`;
}

/** The bundle of the commands' entries as esbuild makes it: its files by name, and the project files it read with their SHA-256. */
async function bundleCommands(projectDir: string): Promise<{ files: Map<string, string>; inputs: Record<string, string> }> {
  const esbuild = await import('esbuild');
  const inputs: Record<string, string> = {};
  // Where esbuild would write (write: false): the names of the files are taken relative to it.
  const outdir = join(commandBundlesDir(projectDir), 'unwritten');
  const result = await esbuild.build({
    entryPoints: BUNDLED_COMMANDS.map((command) => join(projectDir, 'scripts', `${command}.ts`)),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: `node${process.versions.node}`,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    write: false,
    logLevel: 'silent',
    plugins: [{
      name: 'project-modules-hashed-and-placed',
      setup(build) {
        build.onLoad({ filter: /.*/ }, (args) => {
          const path = posix(relative(projectDir, args.path));
          if (path.startsWith('../') || path.startsWith('node_modules/')) throw new Error(`a command bundle holds project modules only, not ${args.path}`);
          // The bytes hashed are the bytes bundled: a file saved meanwhile cannot slip in unrecorded.
          const bytes = readFileSync(args.path);
          const module = placedModule(path, bytes.toString('utf8'));
          if (!module) throw new Error(`a command bundle cannot hold ${path}`);
          inputs[path] = sha256(bytes);
          return module;
        });
      },
    }],
  });
  const files = new Map(result.outputFiles.map((file) => [posix(relative(outdir, file.path)), file.text]));
  return { files, inputs };
}

/** Removes the bundles no launcher has run for a week, but `keep`: the cache holds the code in use, not its history. */
function pruneBundles(bundlesDir: string, keep: string): void {
  for (const name of readdirSync(bundlesDir)) {
    if (name === keep) continue;
    const path = join(bundlesDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > UNUSED_BUNDLE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or another run's: left for the next.
    }
  }
}

/**
 * Bundles the commands as their sources are now and records the bundle for the launcher's
 * next run in this project. A bundle already made of the same files (another copy's, an earlier
 * run's) is used as it is. Written whole or not at all: into a folder of its own, renamed into
 * place, then the record, atomically.
 */
export async function keepCommandBundle(projectDir: string): Promise<CommandRecord> {
  const { files, inputs } = await bundleCommands(projectDir);
  inputs['package-lock.json'] = sha256(readFileSync(join(projectDir, 'package-lock.json')));
  const node = process.versions.node;
  const sortedInputs = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const outputs = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, text]) => [name, sha256(text)]));
  const bundle = `commands-${sha256(JSON.stringify({ format: COMMAND_RECORD.format, node, inputs: sortedInputs, outputs })).slice(0, 16)}`;
  const bundlesDir = commandBundlesDir(projectDir);
  const folder = join(bundlesDir, bundle);
  if (!existsSync(folder)) {
    const staging = join(bundlesDir, `.${bundle}.${process.pid}.tmp`);
    rmSync(staging, { recursive: true, force: true });
    for (const [name, text] of files) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), text);
    }
    try {
      renameSync(staging, folder);
    } catch (error) {
      // Another run put the same bundle in place meanwhile: it is this one, byte for byte.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(folder)) throw error;
    }
    pruneBundles(bundlesDir, bundle);
  }
  const record: CommandRecord = { kind: COMMAND_RECORD.kind, format: COMMAND_RECORD.format, node, bundle, inputs: sortedInputs, outputs };
  writeFileAtomicSync(commandRecordFile(projectDir), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}
