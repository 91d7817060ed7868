// The proclitics of written Arabic, one model for the whole project: a conjunction (و ف), then
// a preposition (ب ك ل), then the article (ال; after ل it is written لل), all joined to the
// word they precede. Tags (ingest/match-tags.ts) take every reading of a word and let the
// gazetteer decide; search (search-normalise.ts) takes off only what cannot be part of the
// word, and reads the rest against the archive's vocabulary. Both leave a stem of at least
// MIN_STEM letters. Pure.

export const CONJUNCTIONS = ['و', 'ف'] as const;
export const PREPOSITIONS = ['ب', 'ل', 'ك'] as const;
export const ARTICLE = 'ال';

/**
 * The shortest stem a proclitic is taken off to leave. A word of four letters or fewer that
 * starts with a proclitic letter is more often a word of its own than proclitic + stem, and
 * with two letters left the stem is seldom a name or noun anyone searches or tags: «الله»
 * is not ال + له, nor «ولد» و + لد, «بلد» ب + لد or «كلم» ك + لم. With three, the article
 * comes off «الشام» and «الروس», and ل off «لروسيا». Search has used three since its recall
 * and precision sets were made (tests/browser/search-recall.test.ts); tags used two, and no
 * word of the gazetteer is shorter than three letters, so one minimum changed no tag.
 */
export const MIN_STEM = 3;

/** Every prefix withoutClitics can take off a word: a conjunction, then a preposition, then the article, or لل. */
export const CLITIC_PREFIXES: readonly string[] = [...new Set(['', ...CONJUNCTIONS].flatMap((conjunction) => [
  `${conjunction}لل`,
  ...['', ...PREPOSITIONS].flatMap((preposition) => [`${conjunction}${preposition}`, `${conjunction}${preposition}${ARTICLE}`]),
]))];

/**
 * Every reading of a word with its proclitics taken off, for matching against a closed list
 * (the tag gazetteer), which tells the true readings from the false. The word itself is
 * always first: a name that merely starts with one of those letters (لبنان) still matches.
 */
export function withoutClitics(word: string): string[] {
  const forms = new Set<string>([word]);
  const add = (form: string): void => {
    if (form.length >= MIN_STEM) forms.add(form);
  };
  const afterConjunction = [word, ...CONJUNCTIONS.filter((c) => word.startsWith(c)).map((c) => word.slice(c.length))];
  for (const stem of afterConjunction) {
    add(stem);
    const afterPreposition = [stem, ...PREPOSITIONS.filter((p) => stem.startsWith(p)).map((p) => stem.slice(p.length))];
    for (const rest of afterPreposition) {
      add(rest);
      if (rest.startsWith(ARTICLE)) add(rest.slice(ARTICLE.length));
    }
    // لل = ل + ال with the alef dropped: للعراق → العراق → عراق.
    if (stem.startsWith('لل')) add(stem.slice(2));
  }
  return [...forms];
}
