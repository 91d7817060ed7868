// The date an offline copy was saved, as the reader sees it: «الأربعاء 3 كانون الأول 2026», in
// the reader's own time zone (the time is their clock's, not the site's), with the site's digits.

import type { NumberingSystem } from '../../scripts/lib/arabic/format-number.ts';
import { formatArabicDate } from '../../scripts/lib/content/format-date.ts';

export function formatSavedDate(savedAt: string, numberingSystem: NumberingSystem, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return formatArabicDate(savedAt, { numberingSystem, timeZone: zone });
}
