// What a built site gives a static host: `_headers` with the caching of content-hashed names
// under the path prefix, and a .br and .gz beside each text file, none beside Pagefind's index.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAssets } from '../../scripts/lib/site/asset-fingerprint.ts';
import { createFixtureSite, makeArticles, PROJECT_DIR, type FixtureSite } from '../support/fixture-site.ts';

let site: FixtureSite;
let files: string[] = [];

beforeAll(async () => {
  site = await createFixtureSite(makeArticles(4));
  await site.build({ site: { pathPrefix: '/news/' } });
  files = await site.files();
});
afterAll(() => site?.remove());

describe('the files a static host reads', () => {
  it('writes _headers: a year for the folders of hashed names and the hashed stylesheet, under the path prefix, and nothing else', async () => {
    expect(await site.read('_headers')).toBe([
      '# Caching for Netlify, Cloudflare Pages and hosts that read _headers (scripts/lib/site/cache-policy.ts):',
      '# these folders hold only names that change with their content, kept a year; every other',
      '# file keeps the host\'s default, revalidated on each use.',
      '',
      '/news/images/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/pagefind/fragment/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/pagefind/index/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/pagefind/filter/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/offline-archive/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/assets/fonts/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      // The stylesheet and the plain scripts, each by its hashed name.
      ...siteAssets(PROJECT_DIR).written.map(({ path }) => `/news${path}`).sort().flatMap((path) => [path, '  Cache-Control: public, max-age=31536000, immutable']),
      '',
    ].join('\n'));
  });

  it('puts a .br and a .gz of the same bytes beside every page, feed, script and stylesheet', async () => {
    const texts = files.filter((path) => /\.(html|xml|json|css|js|txt|svg)$/.test(path));
    expect(texts).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'sw.js', 'assets/css/feed.css', 'pagefind/pagefind.js']));
    for (const path of texts) {
      expect(files, path).toContain(`${path}.br`);
      expect(files, path).toContain(`${path}.gz`);
    }
    const page = await readFile(join(site.outputDir, 'index.html'));
    expect(brotliDecompressSync(await readFile(join(site.outputDir, 'index.html.br'))).equals(page)).toBe(true);
    expect(gunzipSync(await readFile(join(site.outputDir, 'index.html.gz'))).equals(page)).toBe(true);
  });

  it('ships the stylesheet minified under its content-hashed name: no comments, one line, every rule of the source kept, the fonts by their hashed names', async () => {
    const stylesheets = files.filter((path) => /^assets\/css\/site\.[0-9a-f]{10}\.css$/.test(path));
    expect(stylesheets).toHaveLength(1);
    expect(files).not.toContain('assets/css/site.css');
    const shipped = await site.read(stylesheets[0] as string);
    const source = await readFile(join(PROJECT_DIR, 'assets/css/site.css'), 'utf8');
    expect(shipped.length).toBeLessThan(source.length * 0.85);
    expect(shipped).not.toContain('/*');
    expect(shipped.trim().split('\n')).toHaveLength(1);
    expect(shipped).toContain('font-family:Noto Naskh Arabic');
    expect(shipped.match(/@font-face/g)?.length).toBe(source.match(/@font-face/g)?.length);
    const fonts = [...shipped.matchAll(/url\(\.\.\/fonts\/([^)]+)\)/g)].map((match) => `assets/fonts/${match[1]}`);
    // Three faces (Naskh 400 and 700, Kufi 700), each in Latin, Latin Extended, the Arabic core and the whole Arabic subset.
    expect(fonts).toHaveLength(12);
    for (const font of fonts) expect(files).toContain(font);
    expect(files.filter((path) => path.startsWith('assets/fonts/')).sort()).toEqual([...fonts].sort());
    // Every page links the stylesheet by that name.
    expect(await site.read('index.html')).toContain(`href="/news/${stylesheets[0]}"`);
  });

  it.each(['print', 'copy-link'])('ships %s.js minified under its content-hashed name only, and the pages that use it link that name', async (name) => {
    const scripts = files.filter((path) => new RegExp(`^assets/js/${name}\\.[0-9a-f]{10}\\.js$`).test(path));
    expect(scripts).toHaveLength(1);
    expect(files).not.toContain(`assets/js/${name}.js`);
    const shipped = await site.read(scripts[0] as string);
    const source = await readFile(join(PROJECT_DIR, `assets/js/${name}.js`), 'utf8');
    expect(shipped.length).toBeLessThan(source.length * 0.8);
    expect(shipped).not.toContain('//');
    const page = name === 'print' ? `articles/${makeArticles(1)[0]!.frontMatter.id}/index.html` : 'subscribe/index.html';
    expect(await site.read(page)).toContain(`<script src="/news/${scripts[0]}" defer></script>`);
  });

  it('compresses no Pagefind index file, font or copy again', () => {
    expect(files.some((path) => /\.pf_(fragment|index|filter|meta)\.(br|gz)$/.test(path))).toBe(false);
    expect(files.some((path) => /\.(woff2|pagefind|br|gz)\.(br|gz)$/.test(path))).toBe(false);
    expect(files.some((path) => path.endsWith('.pf_fragment'))).toBe(true);
  });
});
