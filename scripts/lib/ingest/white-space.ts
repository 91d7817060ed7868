// Runs of white space as one space, the way article text is compared and excerpted.

/** White space that the replacement would change: any but a space, or two spaces in a row. */
const TO_COLLAPSE = /[^\S ]| {2}/;

/** text.replace(/\s+/gu, ' '), without building a new string when there is nothing to replace. */
export function collapseWhiteSpace(text: string): string {
  return TO_COLLAPSE.test(text) ? text.replace(/\s+/gu, ' ') : text;
}
