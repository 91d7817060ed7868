// URL slugs for sections and tags: the configured slug when there is one, otherwise a
// stable ASCII transliteration of the Arabic name, so that an unknown section or an
// editor's new tag still gets a readable, deterministic URL.

import { createHash } from 'node:crypto';
import { normaliseArabic } from '../arabic/normalise.ts';
import type { SectionSetting } from '../config/site.ts';

const LATIN_FOR_ARABIC: Record<string, string> = {
  'ا': 'a', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh',
  'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': 'a',
  'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w',
  'ي': 'y', 'ء': '', 'پ': 'p', 'چ': 'ch', 'ڤ': 'v', 'گ': 'g',
};

/** A stable ASCII slug for any name: transliterated Arabic, lower-case Latin and digits, hyphens. */
export function asciiSlug(name: string): string {
  const transliterated = [...normaliseArabic(name)]
    .map((character) => LATIN_FOR_ARABIC[character] ?? character)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (transliterated !== '') return transliterated;
  // Nothing transliterable (symbols, another script): a short hash is still stable.
  return `x-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** The configured section a name stands for (spelt the same once normalised: سوريه is سورية), or undefined. */
export function configuredSection(sectionName: string, sections: readonly SectionSetting[]): SectionSetting | undefined {
  const key = normaliseArabic(sectionName).trim();
  return sections.find((section) => normaliseArabic(section.name) === key);
}

/** The section's configured slug, or undefined when the section is not in the table. */
export function knownSectionSlug(sectionName: string, sections: readonly SectionSetting[]): string | undefined {
  return configuredSection(sectionName, sections)?.slug;
}

/** The URL slug of a section: configured, or transliterated for an unknown one. */
export function sectionSlug(sectionName: string, sections: readonly SectionSetting[]): string {
  return knownSectionSlug(sectionName, sections) ?? asciiSlug(sectionName);
}
