// One build at a time per cache: a lock the operating system releases when its holder dies,
// however it dies (kill -9 included), so a killed build never leaves the next one refusing
// to run. On Linux it is a socket in the abstract namespace, named after the cache folder:
// listening on it is taking the lock, the kernel frees it with the process. Elsewhere a
// socket file in the cache folder, removed when no one answers on it.

import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';

export class BuildLockedError extends Error {
  constructor(cacheDir: string) {
    super(`another build is running with the cache ${cacheDir}; wait for it to finish and build again`);
    this.name = 'BuildLockedError';
  }
}

export interface BuildLock {
  release(): Promise<void>;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(path, () => { server.off('error', reject); resolveListen(); });
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = createConnection(path);
    socket.once('connect', () => { socket.destroy(); resolveAnswer(true); });
    socket.once('error', () => resolveAnswer(false));
  });
}

export async function acquireBuildLock(cacheDir: string): Promise<BuildLock> {
  const folder = resolve(cacheDir);
  const linux = process.platform === 'linux';
  const path = linux
    ? `\0arabic-newsroom-build-${createHash('sha256').update(folder).digest('hex').slice(0, 32)}`
    : join(folder, 'build.lock.sock');
  const server = createServer((socket) => socket.destroy());
  try {
    await listen(server, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (linux || (await answers(path))) throw new BuildLockedError(folder);
    rmSync(path, { force: true });
    await listen(server, path);
  }
  // The lock must not keep a finished process alive.
  server.unref();
  return { release: () => new Promise((resolveClose) => server.close(() => resolveClose())) };
}
