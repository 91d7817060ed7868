// Picks an article's date, first found wins: manifest.csv, the date line, the --date
// option, and last the raw file's modification time (which the report flags).

import { isoInZone, machineDate } from '../content/article-date.ts';
import type { DateSource } from '../content/article-schema.ts';

export interface DateCandidates {
  manifest?: string;
  line?: string;
  option?: string;
  fileModified: Date;
}

export interface ResolvedDate {
  date: string;
  dateSource: DateSource;
  warning?: string;
}

export function resolveArticleDate(candidates: DateCandidates, timeZone: string): ResolvedDate {
  // A calendar day stays a day; an instant is rewritten with the site's offset.
  if (candidates.manifest) return { date: machineDate(candidates.manifest, timeZone), dateSource: 'manifest' };
  if (candidates.line) return { date: candidates.line, dateSource: 'line' };
  if (candidates.option) return { date: candidates.option, dateSource: 'option' };
  return {
    date: isoInZone(candidates.fileModified, timeZone),
    dateSource: 'mtime',
    warning: 'no date in the manifest, the text or --date: the date is the file\'s modification time',
  };
}
