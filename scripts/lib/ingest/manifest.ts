// Reads manifest.csv (file,date,url): the publication date and source URL of raw files,
// the first and strongest source of an article's date.

import { parseCalendarDay, parseIsoInstant } from '../content/article-date.ts';

export interface ManifestEntry {
  date?: string;
  url?: string;
}

export interface Manifest {
  entries: Map<string, ManifestEntry>;
  /** Rows that could not be used, each naming its line. */
  warnings: string[];
}

/** Splits one CSV record, honouring double-quoted fields with doubled quotes inside. */
export function splitCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') { field += '"'; index += 1; }
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === '') quoted = true;
    else if (character === ',') { fields.push(field); field = ''; }
    else field += character;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

export function parseManifest(text: string): Manifest {
  const entries = new Map<string, ManifestEntry>();
  const warnings: string[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const header = splitCsvRecord(lines[0] ?? '').map((name) => name.toLowerCase());
  const fileColumn = header.indexOf('file');
  const dateColumn = header.indexOf('date');
  const urlColumn = header.indexOf('url');
  if (fileColumn < 0 || dateColumn < 0) {
    return { entries, warnings: ['manifest.csv: the header must name the columns file and date (and optionally url)'] };
  }
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 2;
    const fields = splitCsvRecord(line);
    const file = fields[fileColumn] ?? '';
    const date = fields[dateColumn] ?? '';
    const url = urlColumn >= 0 ? fields[urlColumn] ?? '' : '';
    if (file === '') { warnings.push(`manifest.csv line ${lineNumber}: no file name`); return; }
    const entry: ManifestEntry = {};
    if (date !== '') {
      if (parseCalendarDay(date) || parseIsoInstant(date)) entry.date = date;
      else warnings.push(`manifest.csv line ${lineNumber}: «${date}» is not a date (YYYY-MM-DD or ISO 8601 with offset); ignored for ${file}`);
    }
    if (url !== '') entry.url = url;
    entries.set(file, entry);
  });
  return { entries, warnings };
}
