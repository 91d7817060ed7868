// `npm run serve` listens where PORT and HOST say (the defaults, 127.0.0.1:8080, are
// listen-address.test.ts's), serves its folder until stopped, and refuses a PORT that is no port.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServeCommand, type ServeIo } from '../../scripts/lib/serve/serve-command.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'serve-command-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>الوطن</title>');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function terminal(env: ServeIo['env']): ServeIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, env, root, pathPrefix: '/', stdout: (text) => { out.push(text); }, stderr: (text) => { err.push(text); } };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as { port: number };
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 500) throw new Error('the server did not start');
    await new Promise((resolveLater) => setTimeout(resolveLater, 10));
  }
}

describe('serve command', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('listens on PORT and HOST=%s from the environment, and stops with exit code 0', async (host, shown) => {
    const port = await freePort();
    const io = terminal({ PORT: String(port), HOST: host });
    const stop = new AbortController();
    const served = runServeCommand([], io, stop.signal);
    await until(() => io.out.length > 0);
    const url = `http://${shown}:${port}/`;
    expect(io.out.join('')).toBe(`serving ${root} at ${url} (Ctrl+C stops)\n`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('الوطن');
    stop.abort();
    expect(await served).toBe(0);
    expect(io.err).toEqual([]);
  });

  it('refuses a PORT that is no port, with the usage', async () => {
    const io = terminal({ PORT: 'eighty' });
    expect(await runServeCommand([], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^serve: PORT must be a whole number from 0 to 65535, not «eighty»\n\nUsage: npm run serve/u);
    expect(io.out).toEqual([]);
  });
});
