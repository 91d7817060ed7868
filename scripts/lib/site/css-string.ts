// Text as a CSS string literal, for the few words a generated stylesheet shows (the note
// atop a feed opened in a browser): quotes, backslashes and line breaks escaped.

/** «a "b"» → "a \22 b\22 " */
export function cssString(text: unknown): string {
  const escaped = String(text ?? '').replace(/[\\"\u0000-\u001f\u007f]/g, (character) => `\\${(character.codePointAt(0) as number).toString(16)} `);
  return `"${escaped}"`;
}
