// Month and weekday names as Arabic newspapers write them. The Levantine names are the
// site's own; the Egyptian (Latin-derived) names are only read, never written.

import { normaliseArabic } from './normalise.ts';

/** Levantine month names, January first: what the site shows. */
export const LEVANTINE_MONTHS = [
  'كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران',
  'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول',
] as const;

/** Egyptian month names, January first, with their common alternative spellings. */
const EGYPTIAN_MONTHS: readonly (readonly string[])[] = [
  ['يناير'], ['فبراير'], ['مارس'], ['أبريل', 'إبريل'], ['مايو'], ['يونيو', 'يونية'],
  ['يوليو', 'يولية'], ['أغسطس'], ['سبتمبر'], ['أكتوبر'], ['نوفمبر'], ['ديسمبر'],
];

/** Weekday names, Sunday first (the index Date#getUTCDay uses). */
export const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const;

const monthByNormalisedName = new Map<string, number>();
LEVANTINE_MONTHS.forEach((name, index) => monthByNormalisedName.set(normaliseArabic(name), index + 1));
EGYPTIAN_MONTHS.forEach((names, index) => {
  for (const name of names) monthByNormalisedName.set(normaliseArabic(name), index + 1);
});

const weekdayByNormalisedName = new Map<string, number>();
WEEKDAYS.forEach((name, index) => weekdayByNormalisedName.set(normaliseArabic(name), index));

/** The month number (1–12) of a Levantine or Egyptian month name, whatever its hamza spelling. */
export function monthNumber(name: string): number | undefined {
  return monthByNormalisedName.get(normaliseArabic(name).replace(/\s+/g, ' ').trim());
}

/** The weekday index (0 = Sunday) of an Arabic weekday name. */
export function weekdayNumber(name: string): number | undefined {
  return weekdayByNormalisedName.get(normaliseArabic(name).trim());
}
