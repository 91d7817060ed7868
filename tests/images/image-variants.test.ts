// The files made of a picture: which widths, what they are called, what the page says of them.
import { describe, expect, it } from 'vitest';
import { responsiveImage, variantWidths, type SourceImage } from '../../scripts/lib/images/image-variants.ts';
import { siteImage } from '../../scripts/lib/images/site-image.ts';

const source = (width: number, height: number, sha256 = 'a'.repeat(64)): SourceImage => ({ src: 'images/x.jpg', sha256, width, height });

describe('variantWidths', () => {
  it.each([
    [4000, [480, 800, 1200]],
    [1200, [480, 800, 1200]],
    [1000, [480, 800, 1000]],
    [800, [480, 800]],
    [600, [480, 600]],
    [300, [300]],
  ])('makes a %i px picture in %j', (width, expected) => {
    expect(variantWidths(width)).toEqual(expected);
  });
});

describe('responsiveImage', () => {
  it('lists the WebP sizes narrowest first, with the largest\'s size for the page and a JPEG to share', () => {
    const image = responsiveImage(source(1600, 900));
    expect(image.candidates.map((candidate) => candidate.width)).toEqual([480, 800, 1200]);
    expect(image.candidates.every((candidate) => /^\/images\/[0-9a-f]{16}-\d+\.webp$/.test(candidate.path))).toBe(true);
    expect(image.src).toBe(image.candidates[1]?.path);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1200, height: 675 });
    expect(image.share).toMatchObject({ width: 1200, height: 675, type: 'image/jpeg' });
    expect(image.share.path).toMatch(/^\/images\/[0-9a-f]{16}-1200\.jpg$/);
    expect(image.variants.map((variant) => variant.path)).toEqual([...image.candidates.map((candidate) => candidate.path), image.share.path]);
  });

  it('never makes a picture wider than its source', () => {
    const image = responsiveImage(source(700, 500));
    expect(image.variants.map((variant) => variant.width)).toEqual([480, 700, 700]);
    expect(image.share).toMatchObject({ width: 700, height: 500 });
  });

  it('names the files by the source\'s bytes: the same bytes the same names, other bytes other names', () => {
    const names = (sha256: string): string[] => responsiveImage(source(1600, 900, sha256)).variants.map((variant) => variant.path);
    expect(names('a'.repeat(64))).toEqual(names('a'.repeat(64)));
    expect(names('b'.repeat(64)).some((name) => names('a'.repeat(64)).includes(name))).toBe(false);
  });
});

describe('siteImage', () => {
  it('is a 1200×630 PNG named by the publication\'s name and design', () => {
    expect(siteImage('الوطن')).toMatchObject({ width: 1200, height: 630, type: 'image/png' });
    expect(siteImage('الوطن').path).toMatch(/^\/images\/site-[0-9a-f]{16}\.png$/);
    expect(siteImage('الوطن').path).toBe(siteImage('الوطن').path);
    expect(siteImage('الثورة').path).not.toBe(siteImage('الوطن').path);
  });
});
