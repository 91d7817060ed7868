// Builds under a path prefix, and builds that must fail: what a publisher configures and
// what an editor can get wrong.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderArticleDocument } from '../../scripts/lib/ingest/article-document.ts';
import { createFixtureSite, makeArticles, type FixtureSite } from '../support/fixture-site.ts';

let site: FixtureSite | undefined;
afterEach(async () => {
  await site?.remove();
  site = undefined;
});

describe('a site hosted under /news/', () => {
  it('prefixes every internal link, asset and canonical URL', async () => {
    site = await createFixtureSite(makeArticles(45));
    await site.build({ site: { pathPrefix: '/news/', baseUrl: 'https://paper.example' } });
    for (const file of ['index.html', 'articles/a000000000000000/index.html', 'sections/syria/index.html', '404.html']) {
      const html = await site.read(file);
      const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1] as string);
      const internal = links.filter((link) => link.startsWith('/'));
      expect(internal.length, file).toBeGreaterThan(3);
      for (const link of internal) expect(link, `${file}: ${link}`).toMatch(/^\/news\//);
      expect(html).toMatch(/<link rel="canonical" href="https:\/\/paper\.example\/news\//);
    }
    expect(await site.read('page/1/index.html')).toContain('rel="prev" href="/news/"');
  });
});

describe('a build with invalid articles', () => {
  it('fails naming every bad file and field at once, and leaves the last good site alone', async () => {
    const good = makeArticles(3);
    site = await createFixtureSite(good);
    await site.build();
    const before = await site.read('index.html');

    const broken = (id: string, change: (document: string) => string): [string, string] => {
      const article = { ...good[0]!, frontMatter: { ...good[0]!.frontMatter, id } };
      return [`articles/2017/07/${id}.md`, change(renderArticleDocument(article.frontMatter, article.paragraphs))];
    };
    const { writeFile } = await import('node:fs/promises');
    for (const [path, text] of [
      broken('d000000000000001', (doc) => doc.replace(/^title: .*\n/m, '')),
      broken('d000000000000002', (doc) => doc.replace(/^tags:\n(  - .*\n)*/m, 'tags: 7\n')),
      broken('d000000000000003', (doc) => doc.replace(/^dateSource: .*\n/m, 'dateSource: guessed\n')),
      broken('d000000000000004', (doc) => doc.replace(/^date: .*\n/m, "date: 'yesterday'\n")),
      broken('d000000000000005', (doc) => doc.replace(/^title: /m, 'draft: maybe\ntitle: ')),
      ['articles/2017/07/d000000000000006.md', renderArticleDocument({ ...good[1]!.frontMatter }, good[1]!.paragraphs)],
    ] as [string, string][]) {
      await writeFile(join(site.contentDir, path), text);
    }
    const failure = await site.build().then(() => undefined, (error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = String(failure?.message) + String((failure as { cause?: unknown })?.cause ?? '');
    expect(message).toMatch(/d000000000000001\.md: title is missing/);
    expect(message).toMatch(/d000000000000002\.md: tags must be a list/);
    expect(message).toMatch(/d000000000000003\.md: dateSource must be one of/);
    expect(message).toMatch(/d000000000000004\.md: date must be a real date/);
    expect(message).toMatch(/d000000000000005\.md: draft must be true or false/);
    expect(message).toMatch(new RegExp(`(d000000000000006\\.md: id ${good[1]!.frontMatter.id} is also the id of .*${good[1]!.frontMatter.id}\\.md|${good[1]!.frontMatter.id}\\.md: id ${good[1]!.frontMatter.id} is also the id of .*d000000000000006\\.md)`));
    expect(await readFile(join(site.outputDir, 'index.html'), 'utf8')).toBe(before);
  });
});
