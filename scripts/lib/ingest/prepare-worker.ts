// A worker thread of ingest (run by piscina, see prepare-pool.ts): prepares raw files (read,
// decode, parse, build, compare with the article on disk) and writes each new document ahead
// to a temporary file beside its article, for the main thread to rename or drop once it has
// decided, in file order.

import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { stageFileSync } from '../fs/atomic-write.ts';
import { describeError } from '../fs/describe-error.ts';
import { rawFilePreparer, type PreparedRawFile, type PrepareOptions, type RawFileTask } from './prepare-raw-file.ts';

export interface PrepareWorkerData {
  options: Omit<PrepareOptions, 'existingPath'>;
  /** Id → article path when the batch started. */
  existingPaths: [string, string][];
  /** Write documents ahead to temporary files (not on a dry run, which writes nothing). */
  stage: boolean;
}

type PrepareInWorker = (task: RawFileTask) => PreparedRawFile;

/**
 * Made on the first task rather than when the module loads: an error here then rejects that
 * task, where one at load would stop the worker before piscina has a task to reject.
 */
function workerPreparer(data: PrepareWorkerData): PrepareInWorker {
  const existingPaths = new Map(data.existingPaths);
  const { prepareSync } = rawFilePreparer({ ...data.options, existingPath: (id) => existingPaths.get(id) });
  const knownFolders = new Set<string>();
  return (task) => {
    const prepared = prepareSync(task);
    if (prepared.kind !== 'built' || prepared.document === undefined) return prepared;
    const { document, ...rest } = prepared;
    if (!data.stage) return rest;
    const target = join(data.options.outDir, ...prepared.relativePath.split('/'));
    try {
      return { ...rest, staged: { path: stageFileSync(target, document, knownFolders) } };
    } catch (error) {
      return { ...rest, staged: { error: describeError(error) } };
    }
  };
}

let preparer: PrepareInWorker | undefined;

/** The task function piscina calls: several raw files at once, answered in their order. */
export default function prepareRawFiles(tasks: RawFileTask[]): PreparedRawFile[] {
  preparer ??= workerPreparer(workerData as PrepareWorkerData);
  return tasks.map((task) => preparer!(task));
}
