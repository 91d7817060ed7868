// Gate: html-validate reports no errors on any page of a built site.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { HTML_VALIDATE_CONFIG } from './html-validate-config.ts';

export async function htmlValidateErrors(siteDir: string): Promise<{ pages: number; errors: string[] }> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(file, 'utf8'), relative(siteDir, file));
    for (const result of report.results) {
      for (const message of result.messages) {
        if (message.severity === 2) errors.push(`${result.filePath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  return { pages: files.length, errors };
}
