// Chooses the tags that say what an article is about: each gazetteer mention scores by where
// it stands (the headline and the lead weigh more than the body), a passing mention is not
// enough, and an article gets a few tags at most, best first. Pure.

import type { TagScoring } from '../config/ingest-settings.ts';
import type { TagMatcher } from './match-tags.ts';

/** What a tag scores in one article, and from where. */
export interface TagScore {
  name: string;
  /** Mentions in the title. */
  headline: number;
  /** Mentions in the first paragraph. */
  lead: number;
  /** Mentions in the later paragraphs. */
  body: number;
  score: number;
}

export interface TaggedText {
  title: string;
  /** The body, one paragraph each; the first is the lead. */
  paragraphs: readonly string[];
}

/** Every tag the article mentions, best first: highest score, then gazetteer order. */
export function scoreTags(article: TaggedText, matcher: TagMatcher, scoring: TagScoring): TagScore[] {
  const [lead = '', ...rest] = article.paragraphs;
  const headline = matcher.countMentions(article.title);
  const leadMentions = matcher.countMentions(lead);
  // Paragraph by paragraph: a form is never read across a paragraph break.
  const body = new Map<string, number>();
  for (const paragraph of rest) {
    for (const [name, count] of matcher.countMentions(paragraph)) body.set(name, (body.get(name) ?? 0) + count);
  }
  const scores: TagScore[] = [];
  for (const name of matcher.names) {
    const mentions = { headline: headline.get(name) ?? 0, lead: leadMentions.get(name) ?? 0, body: body.get(name) ?? 0 };
    if (mentions.headline + mentions.lead + mentions.body === 0) continue;
    const score = mentions.headline * scoring.headlineWeight + mentions.lead * scoring.leadWeight + mentions.body * scoring.bodyWeight;
    scores.push({ name, ...mentions, score });
  }
  // A stable sort: equal scores stay in gazetteer order.
  return scores.sort((a, b) => b.score - a.score);
}

/** The article's tags: those that reach the minimum score, at most maxTags, best first. */
export function chooseTags(article: TaggedText, matcher: TagMatcher, scoring: TagScoring): string[] {
  return scoreTags(article, matcher, scoring)
    .filter((tag) => tag.score >= scoring.minimumScore)
    .slice(0, scoring.maxTags)
    .map((tag) => tag.name);
}
