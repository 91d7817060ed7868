// Files a cache trusts only when they are whole: a line holding the SHA-256 of the body, then
// the body. A file truncated, half-written by a killed process or edited by hand reads as
// damaged (with the reason), never as content (the build state, the minified assets).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A file's body when its checksum line matches; a reason otherwise (undefined: no file).
 * The bytes are hashed as read, and decoded once.
 */
export function readChecked(file: string): { body: string; sum: string } | { reason?: string } {
  const read = readCheckedBytes(file);
  return 'body' in read ? { body: read.body.toString('utf8'), sum: read.sum } : read;
}

/** readChecked's bytes, not decoded. */
export function readCheckedBytes(file: string): { body: Buffer; sum: string } | { reason?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { reason: `cannot read ${file}: ${(error as Error).message}` };
  }
  const sum = bytes.toString('latin1', 0, 64);
  if (bytes[64] !== 0x0a || sum !== createHash('sha256').update(bytes.subarray(65)).digest('hex')) return { reason: `${file} is damaged (its checksum does not match)` };
  return { body: bytes.subarray(65), sum };
}

/** A body (text, or bytes as they are) behind its checksum line (what readChecked reads), encoded once. */
export function encodeChecked(body: string | Buffer): { sum: string; bytes: Buffer } {
  const encoded = typeof body === 'string' ? Buffer.from(body) : body;
  const sum = createHash('sha256').update(encoded).digest('hex');
  return { sum, bytes: Buffer.concat([Buffer.from(`${sum}\n`), encoded]) };
}
