// Numbers as the reader sees them, in the site's digits. The numbering system is always
// pinned (-u-nu-), never left to Intl's default for the locale. Pure; shared with the browser.

export type NumberingSystem = 'latn' | 'arab';

const numberFormats = new Map<NumberingSystem, Intl.NumberFormat>();

/** A number in the site's digits, without grouping (years and days read wrong with it). */
export function formatArabicNumber(value: number, numberingSystem: NumberingSystem): string {
  let format = numberFormats.get(numberingSystem);
  if (!format) {
    format = new Intl.NumberFormat(`ar-u-nu-${numberingSystem}`, { useGrouping: false });
    numberFormats.set(numberingSystem, format);
  }
  return format.format(value);
}
