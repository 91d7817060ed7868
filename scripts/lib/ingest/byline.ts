// Reads a byline: the text after '|'. «وكالات» is an agency credit, «دمشق - رامي سلوم» a
// dateline place and an author (split on the first ' - '), anything else an author.

import { normaliseArabic } from '../arabic/normalise.ts';

export interface Byline {
  /** The raw text after '|', trimmed. */
  byline: string;
  author?: string;
  place?: string;
  /** True when the byline credits a news agency rather than a person. */
  isAgency: boolean;
}

/** Credits that name an agency, not a writer (normalised). */
const AGENCY_CREDITS = new Set(['وكالات', 'وكاله', 'سانا', 'رويترز', 'ا ف ب', 'اف ب', 'وكالات الانباء'].map(normaliseArabic));

export function isAgencyCredit(text: string): boolean {
  return AGENCY_CREDITS.has(normaliseArabic(text).replace(/[.\s]+/g, ' ').trim());
}

export function parseByline(text: string): Byline {
  const byline = text.trim();
  if (isAgencyCredit(byline)) return { byline, isAgency: true };
  const separator = byline.indexOf(' - ');
  if (separator > 0) {
    const place = byline.slice(0, separator).trim();
    const author = byline.slice(separator + 3).trim();
    if (place !== '' && author !== '') return { byline, place, author, isAgency: isAgencyCredit(author) };
  }
  return { byline, author: byline, isAgency: false };
}
