import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import { asciiSlug, knownSectionSlug, sectionSlug } from '../../scripts/lib/content/section-slug.ts';

const { sections } = siteSettings;

describe('sectionSlug', () => {
  it.each([
    ['سورية', 'syria'], ['عربي ودولي', 'arab-world'], ['اقتصاد', 'economy'], ['رياضة', 'sports'],
    ['ثقافة وفن', 'culture'], ['محليات', 'local'], ['قضايا وآراء', 'opinion'],
  ])('maps the known section %s to %s', (name, slug) => {
    expect(sectionSlug(name, sections)).toBe(slug);
    expect(knownSectionSlug(name, sections)).toBe(slug);
  });

  it.each([
    ['ta marbuta written as ha', 'ثقافه وفن', 'culture'],
    ['a madda-less alef', 'قضايا واراء', 'opinion'],
    ['surrounding spaces', ' رياضة ', 'sports'],
  ])('finds a known section written with %s', (_case, name, slug) => {
    expect(knownSectionSlug(name, sections)).toBe(slug);
  });

  it('gives an unknown section a transliterated slug of its own', () => {
    expect(knownSectionSlug('منوعات', sections)).toBeUndefined();
    expect(sectionSlug('منوعات', sections)).toBe('mnwaat');
  });
});

describe('asciiSlug', () => {
  it.each([
    ['منوعات', 'mnwaat'],
    ['عربي ودولي', 'arby-wdwly'],
    ['الشرق الأوسط', 'alshrq-alawst'],
    ['Café Culture', 'cafe-culture'],
    ['رياضة 2017', 'ryadh-2017'],
  ])('transliterates %s to %s', (name, slug) => {
    expect(asciiSlug(name)).toBe(slug);
  });

  it('falls back to a stable short hash when nothing can be transliterated', () => {
    const slug = asciiSlug('★☆★');
    expect(slug).toMatch(/^x-[0-9a-f]{8}$/);
    expect(asciiSlug('★☆★')).toBe(slug);
    expect(asciiSlug('☆★☆')).not.toBe(slug);
  });
});
