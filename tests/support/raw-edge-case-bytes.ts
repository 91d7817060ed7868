// The raw edge-case fixtures that cannot be written in a text editor (a code page, a BOM
// with CRLF and no-break spaces, binary and empty files). Run it to (re)write them:
//   npx tsx tests/support/raw-edge-case-bytes.ts
// The tests check that the committed files still hold exactly these bytes.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWindows1256 } from './windows-1256.ts';

export const RAW_EDGE_CASES_DIR = fileURLToPath(new URL('../fixtures/raw-edge-cases/', import.meta.url));

const NBSP = '\u00a0';

const windows1256Article = [
  'سورية',
  '',
  'دمشق تستضيف مؤتمراً للطاقة المتجددة بمشاركة «روسية» وإيرانية',
  '',
  '| دمشق - سامر محمد',
  '',
  '2017-07-03',
  '',
  'افتتح في دمشق أمس مؤتمر الطاقة المتجددة بمشاركة خبراء من سورية وإيران وروسيا، ويستمر ثلاثة أيام.',
  'وقال وزير الكهرباء إن المؤتمر يبحث سبل إعادة الإعمار في قطاع الطاقة.',
  '',
  'زر الذهاب إلى الأعلى',
  'صحيفة الوطن',
  '',
].join('\r\n');

const crlfBomArticle = '\ufeff' + [
  'عربي ودولي',
  '',
  `موسكو.. محادثات روسية إيرانية حول سورية ${NBSP}`,
  '| وكالات',
  '',
  'الخميس، 6 تموز 2017',
  '',
  `بحث وزيرا خارجية روسيا وإيران في موسكو أمس تطورات الأوضاع في سورية.${NBSP} `,
  'وأكد الجانبان ضرورة تعزيز التنسيق بينهما في مكافحة الإرهاب.   ',
  '',
  'شارك',
  'فيسبوك',
  '',
].join('\r\n');

// French in Latin-1: not UTF-8, and not Arabic once read as Windows-1256.
const latin1Article = 'Culture\nLe café à la crème\nUn article écrit en français, enregistré en Latin-1.\n';

/** File name → exact bytes of every generated fixture. */
export function generatedEdgeCases(): Record<string, Uint8Array> {
  return {
    '01-windows-1256.txt': encodeWindows1256(windows1256Article),
    '02-crlf-bom.txt': new TextEncoder().encode(crlfBomArticle),
    '16-empty.txt': new Uint8Array(0),
    // A PNG signature and header: NUL bytes among text-looking ones.
    '18-binary.txt': Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff,
    ]),
    '21-latin-1.txt': Uint8Array.from([...latin1Article], (character) => character.charCodeAt(0)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of Object.entries(generatedEdgeCases())) {
    await writeFile(join(RAW_EDGE_CASES_DIR, name), bytes);
    console.log(`wrote ${name} (${bytes.length} bytes)`);
  }
}
