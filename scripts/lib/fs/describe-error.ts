// How a failed file operation is named in a report: its error code (ENOSPC, ENOTDIR …)
// when it has one, which is what a person can search for.

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
