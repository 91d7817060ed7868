// A worker thread of ingest: prepares raw files (read, decode, parse, build, compare with
// the article on disk) and writes each new document ahead to a temporary file beside its
// article, for the main thread to rename or drop once it has decided, in file order.

import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
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

export interface PrepareRequest {
  sequence: number;
  tasks: RawFileTask[];
}

export interface PrepareResponse {
  sequence: number;
  results: PreparedRawFile[];
}

function serve(port: NonNullable<typeof parentPort>, data: PrepareWorkerData): void {
  const existingPaths = new Map(data.existingPaths);
  const { prepareSync } = rawFilePreparer({ ...data.options, existingPath: (id) => existingPaths.get(id) });
  const knownFolders = new Set<string>();
  const staged = (prepared: PreparedRawFile): PreparedRawFile => {
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
  port.on('message', ({ sequence, tasks }: PrepareRequest) => {
    const response: PrepareResponse = { sequence, results: tasks.map((task) => staged(prepareSync(task))) };
    port.postMessage(response);
  });
}

if (parentPort) serve(parentPort, workerData as PrepareWorkerData);
