// Download sizes as the reader sees them: «850 كيلوبايت», «1.4 ميغابايت», in the site's
// digits (the numbering system pinned, never Intl's default for the locale).

import type { NumberingSystem } from './format-number.ts';

const KILOBYTE = 1000;
const MEGABYTE = 1000 * KILOBYTE;

export function formatByteSize(bytes: number, numberingSystem: NumberingSystem): string {
  const [value, unit] = bytes >= MEGABYTE ? [bytes / MEGABYTE, 'megabyte'] : [Math.max(1, Math.ceil(bytes / KILOBYTE)), 'kilobyte'];
  return new Intl.NumberFormat(`ar-u-nu-${numberingSystem}`, {
    style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1, useGrouping: false,
  }).format(value);
}

/** «45%» in the site's digits. */
export function formatPercent(fraction: number, numberingSystem: NumberingSystem): string {
  return new Intl.NumberFormat(`ar-u-nu-${numberingSystem}`, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
