// The stylesheet's and fonts' content-hashed names, and the map pages link them through.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeChecked, readChecked } from '../../scripts/lib/fs/checked-file.ts';
import { describe, expect, it } from 'vitest';
import { ARABIC_CORE_FONTS, FONT_FILES, hashedPath, PLAIN_SCRIPTS, shippedScript, shippedStylesheet, siteAssets, STYLESHEET } from '../../scripts/lib/site/asset-fingerprint.ts';
import { planSite } from '../../scripts/lib/site/render-plan.ts';
import { publishedNewsIndex } from '../../scripts/lib/site/published-index.ts';
import { siteSettings } from '../support/site-settings.ts';
import { PROJECT_DIR } from '../support/fixture-site.ts';

const FONT = '/assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2';

describe('content-hashed asset names', () => {
  it.each([
    ['/assets/css/site.css', 'body{}', /^\/assets\/css\/site\.[0-9a-f]{10}\.css$/],
    [FONT, 'wOF2', /^\/assets\/fonts\/noto-naskh-arabic-arabic-400-normal\.[0-9a-f]{10}\.woff2$/],
  ])('%s holds the hash of its bytes before the extension', (path, bytes, expected) => {
    const hashed = hashedPath(path, Buffer.from(bytes));
    expect(hashed).toMatch(expected);
    expect(hashed).toContain(createHash('sha256').update(bytes).digest('hex').slice(0, 10));
    expect(hashedPath(path, Buffer.from(`${bytes} `))).not.toBe(hashed);
  });

  it('points the stylesheet\'s font URLs at the hashed names and minifies it', () => {
    const css = `/* fonts */\n@font-face {\n  font-family: 'Noto Naskh Arabic';\n  src: url('../fonts/noto-naskh-arabic-arabic-400-normal.woff2') format('woff2');\n}\nbody { margin-inline-start: 0; }\n`;
    const shipped = shippedStylesheet(css, { [FONT]: '/assets/fonts/noto-naskh-arabic-arabic-400-normal.0123456789.woff2' });
    const text = shipped.bytes.toString();
    expect(text).toContain('url(../fonts/noto-naskh-arabic-arabic-400-normal.0123456789.woff2)');
    expect(text).not.toContain('/*');
    expect(text).toContain('margin-inline-start:0');
    expect(shipped.path).toBe(hashedPath(STYLESHEET, shipped.bytes));
    expect(shippedStylesheet(css, { [FONT]: '/assets/fonts/noto-naskh-arabic-arabic-400-normal.0123456789.woff2' }).bytes.equals(shipped.bytes)).toBe(true);
  });

  it('keeps the minified stylesheet for the next process, and makes again one whose kept file is damaged', () => {
    const projectDir = mkdtempSync(join(tmpdir(), 'minified-'));
    try {
      const css = 'body { margin-inline-start: 0; }\n';
      const made = shippedStylesheet(css, {}, projectDir);
      expect(made.bytes.equals(shippedStylesheet(css, {}).bytes)).toBe(true);
      const folder = join(projectDir, 'node_modules', '.cache', 'arabic-newsroom-minified');
      const [kept, ...others] = readdirSync(folder);
      expect(others).toEqual([]);
      const file = join(folder, kept as string);
      // What is kept is what the next call gives, without esbuild: a whole file of other bytes shows it.
      writeFileSync(file, encodeChecked('body{color:red}').bytes);
      expect(shippedStylesheet(css, {}, projectDir).bytes.toString()).toBe('body{color:red}');
      // A damaged file is not trusted: the transform is made again, and kept again.
      writeFileSync(file, readFileSync(file).subarray(0, 70));
      expect(shippedStylesheet(css, {}, projectDir).bytes.equals(made.bytes)).toBe(true);
      expect(readChecked(file)).toEqual({ body: made.bytes.toString(), sum: expect.any(String) });
      // Another source is another file.
      shippedStylesheet('p { color: blue }', {}, projectDir);
      expect(readdirSync(folder)).toHaveLength(2);
    } finally {
      rmSync(projectDir, { recursive: true, force: true });
    }
  });

  it('refuses a font the site does not ship', () => {
    expect(() => shippedStylesheet("@font-face { src: url('../fonts/other.woff2'); }", {})).toThrow(/other\.woff2.*not one of the fonts/);
  });

  it('maps the stylesheet and every font, each to its hashed name', () => {
    const { map, stylesheet } = siteAssets(PROJECT_DIR);
    const fonts = [...FONT_FILES, ...ARABIC_CORE_FONTS.map(({ file }) => file)];
    expect(Object.keys(map).sort()).toEqual([STYLESHEET, ...PLAIN_SCRIPTS, ...fonts.map((file) => `/assets/fonts/${file.split('/').pop()}`)].sort());
    expect(map[STYLESHEET]).toBe(stylesheet.path);
    const font = readFileSync(join(PROJECT_DIR, 'node_modules', FONT_FILES[0] as string));
    expect(map[`/assets/fonts/${(FONT_FILES[0] as string).split('/').pop()}`]).toBe(hashedPath(`/assets/fonts/${(FONT_FILES[0] as string).split('/').pop()}`, font));
  });

  it.each(PLAIN_SCRIPTS)('ships %s minified, in a function of its own, under the hash of its bytes', (logical) => {
    const source = readFileSync(join(PROJECT_DIR, logical), 'utf8');
    const { map, written } = siteAssets(PROJECT_DIR);
    const script = written.find((file) => file.logical === logical);
    expect(script).toEqual({ logical, ...shippedScript(logical, source) });
    expect(map[logical]).toBe(script?.path);
    expect(script?.path).toBe(hashedPath(logical, script?.bytes as Buffer));
    expect(script?.path).toMatch(/\.[0-9a-f]{10}\.js$/);
    const code = (script?.bytes as Buffer).toString('utf8');
    expect(code.length).toBeLessThan(source.length * 0.8);
    expect(code).not.toMatch(/^\/\//m);
    expect(code.trim()).toMatch(/^\(\(\)=>\{[\s\S]*\}\)\(\);$/);
  });

  it('is part of every page\'s chrome, so a changed stylesheet renders the pages again', () => {
    const context = { site: siteSettings, now: new Date('2017-08-01T12:00:00+03:00'), includeDrafts: false };
    const index = publishedNewsIndex([], context);
    const before = planSite(index, context, { [STYLESHEET]: '/assets/css/site.0000000000.css' });
    const after = planSite(index, context, { [STYLESHEET]: '/assets/css/site.1111111111.css' });
    expect(JSON.stringify(before.chrome)).not.toBe(JSON.stringify(after.chrome));
    expect(after.chrome.assets[STYLESHEET]).toBe('/assets/css/site.1111111111.css');
  });
});
