// `npm run serve` answers as a static host with the build's precompressed copies would: the
// .br or .gz the request accepts, Vary, a year for content-hashed names, revalidation otherwise.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, startStaticServer, type RunningServer } from '../../scripts/lib/serve/static-server.ts';
import { IMMUTABLE } from '../../scripts/lib/site/cache-policy.ts';
import { brotliBytes, gzipBytes } from '../../scripts/lib/site/precompress.ts';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><body>${'<p>الأخبار</p>'.repeat(100)}</body></html>`;
const PICTURE = 'images/0123456789abcdef-800.webp';

describe('the static server', () => {
  let dir = '';
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-server-'));
    await mkdir(join(dir, 'images'));
    await mkdir(join(dir, 'assets/css'), { recursive: true });
    await writeFile(join(dir, 'index.html'), PAGE);
    await writeFile(join(dir, 'index.html.br'), brotliBytes(Buffer.from(PAGE)));
    await writeFile(join(dir, 'index.html.gz'), gzipBytes(Buffer.from(PAGE)));
    await writeFile(join(dir, 'assets/css/site.css'), 'body{color:red}');
    await writeFile(join(dir, PICTURE), 'RIFF');
    await writeFile(join(dir, '404.html'), '<p>غير موجودة</p>');
    server = await startStaticServer({ root: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined],
  ])('sends the page to a browser accepting «%s» as %s', async (accept, encoding) => {
    const answer = await get(server.url, accept ? { 'accept-encoding': accept } : {});
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(encoding);
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = encoding === 'br' ? brotliDecompressSync(answer.body) : encoding === 'gzip' ? gunzipSync(answer.body) : answer.body;
    expect(body.toString()).toBe(PAGE);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  });

  it('sends a text file without copies as it is', async () => {
    const answer = await get(`${server.url}assets/css/site.css`, { 'accept-encoding': 'br, gzip' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('body{color:red}');
    expect(answer.headers['cache-control']).toBe('no-cache');
  });

  it('lets a content-hashed name be kept a year, and asks about every other file each time', async () => {
    expect((await get(`${server.url}${PICTURE}`)).headers['cache-control']).toBe(IMMUTABLE);
    expect((await get(`${server.url}${PICTURE}`)).headers.vary).toBeUndefined();
    expect((await get(server.url, { 'accept-encoding': 'br' })).headers['cache-control']).toBe('no-cache');
    expect((await get(`${server.url}missing/`)).headers['cache-control']).toBe('no-cache');
  });

  it('answers a revalidation of an unchanged file with 304', async () => {
    const first = await get(server.url, { 'accept-encoding': 'br' });
    const again = await get(server.url, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const plain = await get(server.url, { 'if-none-match': String(first.headers.etag) });
    expect(plain.status).toBe(200);
  });

  it('keeps the 404 page with its status', async () => {
    const answer = await get(`${server.url}no-such-page/`, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).toBe('<p>غير موجودة</p>');
  });

  it('answers HEAD with the headers only', async () => {
    const answer = await get(server.url, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body.length).toBe(0);
  });

  it('reads Accept-Encoding as a browser writes it', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
