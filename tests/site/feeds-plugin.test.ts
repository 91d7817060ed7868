// The feeds' item HTML with absolute links: the RSS plugin's conversion, skipped only where it
// could change nothing (no tag with an attribute), and then to the same bytes it would give.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { convertHtmlToAbsoluteUrls } from '@11ty/eleventy-plugin-rss';
import { describe, expect, it } from 'vitest';
import { createArticleMarkdown } from '../../scripts/lib/site/article-markdown.ts';
import { readArticleBody } from '../../scripts/lib/site/article-source.ts';
import { absoluteHtml } from '../../scripts/lib/site/feeds-plugin.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

const BASE = 'https://example.org/articles/0123456789abcdef/';
const markdown = createArticleMarkdown();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// Everything markdown-it writes without an attribute, and text that only looks like markup.
const ATTRIBUTE_FREE = [
  '## عنوان فرعي\n\nفقرة فيها **خط عريض** و*مائل* و`رمز`.\n\n> اقتباس من التصريح\n\n- بند أول\n- بند ثان\n\n1. أولاً\n2. ثانياً\n\n---\n\nسطر  \nمكسور',
  '```\nconst a = 1 < 2 && "b";\n```\n\n    مقطع مزاح',
  'نص فيه <a href="/x">رابط</a> و &amp; و &lt;img src=x&gt; مكتوبة نصاً',
  'Tom & Jerry ]]> {{ 7*7 }} {% if %}',
];

describe('absoluteHtml', () => {
  it('gives what the RSS plugin gives for the bundled articles and every attribute-free construct, untouched', async () => {
    const bodies = [
      ...markdownFiles(join(PROJECT_DIR, 'content', 'articles')).map((file) => markdown.render(readArticleBody(file))),
      ...ATTRIBUTE_FREE.map((text) => markdown.render(text)),
    ];
    expect(bodies.length).toBeGreaterThan(ATTRIBUTE_FREE.length);
    for (const html of bodies) {
      expect(html).not.toMatch(/<[a-z]+\s/i);
      expect(await absoluteHtml(html, BASE)).toBe(html);
      expect(await convertHtmlToAbsoluteUrls(html, BASE)).toBe(html);
    }
  });

  it('makes the links and pictures an editor adds absolute, by the plugin', async () => {
    const html = markdown.render('انظر [التقرير](../report/) و[الصفحة](/sections/syria/) و![صورة](images/a.jpg "عنوان")\n\n[خارجي](https://example.com/x)');
    const converted = await absoluteHtml(html, BASE);
    expect(converted).toBe(await convertHtmlToAbsoluteUrls(html, BASE));
    expect(converted).toContain('href="https://example.org/articles/report/"');
    expect(converted).toContain('href="https://example.org/sections/syria/"');
    expect(converted).toContain('src="https://example.org/articles/0123456789abcdef/images/a.jpg"');
    expect(converted).toContain('href="https://example.com/x"');
  });

  it('is empty for no HTML', async () => {
    expect(await absoluteHtml('', BASE)).toBe('');
  });
});
