// Where an entry point that reports a line per file (ingest, publish) writes: to a terminal,
// every line as it comes; into a file or a pipe, in chunks, not one write per line. A reader
// that stops early (`| head`) is not an error of ours.

export interface ReportOutput {
  write: (text: string) => void;
  /** Writes what is held; call before the process ends. */
  flush: () => void;
  isTerminal: boolean;
}

/** Chunks written at once to a file or a pipe. */
const CHUNK = 1 << 16;

export function reportOutput(stdout: NodeJS.WriteStream = process.stdout): ReportOutput {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const isTerminal = Boolean(stdout.isTTY);
  let pending = '';
  let flushScheduled = false;
  const flush = (): void => {
    flushScheduled = false;
    if (pending !== '') stdout.write(pending);
    pending = '';
  };
  const write = (text: string): void => {
    if (isTerminal) {
      stdout.write(text);
      return;
    }
    pending += text;
    if (pending.length >= CHUNK) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  return { write, flush, isTerminal };
}
