// Tags an article from the gazetteer: a tag applies when one of its forms appears in the
// title or body, compared after Arabic normalisation and with attached clitics stripped,
// so «والإيرانية» and «للعراق» find إيران and العراق.

import { arabicWords, normaliseArabic, withoutClitics } from '../arabic/normalise.ts';
import type { TagDefinition } from '../config/ingest-settings.ts';

interface CompiledTag {
  name: string;
  /** Each form as a sequence of bare word forms. */
  forms: string[][];
}

export interface TagMatcher {
  /** The names of the tags the text mentions, in gazetteer order. */
  match(text: string): string[];
}

function bareForm(word: string): string {
  return word.startsWith('ال') && word.length > 3 ? word.slice(2) : word;
}

export function compileTagMatcher(gazetteer: readonly TagDefinition[]): TagMatcher {
  const tags: CompiledTag[] = gazetteer.map((tag) => ({
    name: tag.name,
    forms: tag.forms.map((form) => arabicWords(normaliseArabic(form)).map(bareForm)),
  }));
  const firstWords = new Set(tags.flatMap((tag) => tag.forms.map((form) => form[0] ?? '')));

  // Bare forms per distinct word, kept for the matcher's life: a newsroom's vocabulary is
  // small next to the words it runs through, and stripping clitics was most of ingest's time.
  const bareFormsByWord = new Map<string, { forms: ReadonlySet<string>; startsAForm: boolean }>();
  const bareForms = (word: string): { forms: ReadonlySet<string>; startsAForm: boolean } => {
    let entry = bareFormsByWord.get(word);
    if (!entry) {
      const forms = withoutClitics(word);
      entry = { forms: new Set(forms), startsAForm: forms.some((form) => firstWords.has(form)) };
      bareFormsByWord.set(word, entry);
    }
    return entry;
  };

  return {
    match(text: string): string[] {
      const words = arabicWords(normaliseArabic(text));
      const found = new Set<string>();
      for (let index = 0; index < words.length; index += 1) {
        if (!bareForms(words[index] as string).startsAForm) continue;
        for (const tag of tags) {
          if (found.has(tag.name)) continue;
          const hit = tag.forms.some((form) => form.every((word, offset) => {
            const other = words[index + offset];
            return other !== undefined && bareForms(other).forms.has(word);
          }));
          if (hit) found.add(tag.name);
        }
      }
      return tags.map((tag) => tag.name).filter((name) => found.has(name));
    },
  };
}
