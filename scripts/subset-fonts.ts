// Entry point of `npm run fonts`: writes the Arabic core fonts (assets/fonts/*-arabic-core-*)
// from the pinned @fontsource files; run it after upgrading those packages, and commit them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cutArabicCoreFonts } from './lib/site/cut-arabic-core.ts';

for (const [file, bytes] of await cutArabicCoreFonts(process.cwd())) {
  await writeFile(join(process.cwd(), file), bytes);
  process.stdout.write(`${file}  ${bytes.length} bytes\n`);
}
