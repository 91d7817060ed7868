// What a file's stat says about its content, to tell "unchanged since" without reading it:
// size, modification time and change time (any write moves ctime, which no one can set back).

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function stampOf(info: FileStamp): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}
