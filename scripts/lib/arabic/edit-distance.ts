// How far apart two Arabic spellings are once their unimportant differences are folded:
// what lets a build say «سوريا» is nearest to «سورية». Pure.

import { normaliseArabic } from './normalise.ts';

/** Levenshtein distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[right.length] as number;
}

/** The edit distance between two names after Arabic normalisation and trimming (ة = ه, أ = ا, no diacritics). */
export function arabicEditDistance(a: string, b: string): number {
  return editDistance(normaliseArabic(a).trim(), normaliseArabic(b).trim());
}

/** The candidate nearest to `name` (the first of equals, in the candidates' order), or undefined for none. */
export function nearestArabicName(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = arabicEditDistance(name, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}
