// An article's id: the 16 hex digits of a NNN_<hex>.txt file name, or else the start of
// the hash of its normalised text, so the same text always gets the same id.

const ID_IN_FILE_NAME = /^\d+_([0-9a-fA-F]{16})\.txt$/;

export function articleId(fileName: string, textSha256: string): string {
  const fromName = ID_IN_FILE_NAME.exec(fileName)?.[1];
  return (fromName ?? textSha256.slice(0, 16)).toLowerCase();
}
