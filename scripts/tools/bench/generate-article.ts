// Generates one raw article of the benchmark corpus (docs/raw-format.md): section, title,
// byline, date line, 600–900 words of body recombined from the sample articles, trailing
// site chrome; and its manifest row. Pure and deterministic: (model, seed, index) → text.

import { formatArabicNumber } from '../../lib/arabic/format-number.ts';
import { LEVANTINE_MONTHS, WEEKDAYS } from '../../lib/arabic/months.ts';
import type { SectionSetting } from '../../lib/config/site.ts';
import { CHAIN_END, countWords, type CorpusModel, type ModelClause } from './corpus-model.ts';
import {
  AGENCY_CREDITS, AUTHOR_TITLES, BODY_WORDS, BYLINE_WEIGHTS, CLAUSE_FRAMES, CORPUS_DAYS, DATE_LINE_WEIGHTS, DATING, DEFAULT_TAG_RATE,
  EGYPTIAN_MONTH_NAMES, FAMILY_NAMES, FIRST_NAMES, LAYOUT, MENTION_FRAMES, OPINION_BYLINE_WEIGHTS,
  PLACES, ROLES, SECTION_WEIGHTS, SHARE_BUTTONS, TAG_MENTION_RATES, TRAILING_BOILERPLATE,
  type BylineKind, type DateLineForm, type DayRange,
} from './corpus-settings.ts';
import { articleHexId, articleStreamSeed, createRandom, type Random } from './prng.ts';

export interface ManifestRow {
  date?: string;
  url?: string;
}

/** What the generator meant an article to be: what ingest should find in it. */
export interface GeneratedArticleFacts {
  section: string;
  /** Calendar day, YYYY-MM-DD. */
  date: string;
  /** Where ingest takes the date from. */
  dateSource: 'manifest' | 'line';
  /** The form of the date line, when the file has one. */
  dateLine?: DateLineForm;
  bylineKind: BylineKind;
  /** The byline text after '|', when there is one. */
  byline?: string;
  /**
   * Gazetteer tag names the article was planned to mention, in gazetteer order: ingest
   * finds each of them, and may find more a name implies (مصرف سورية المركزي → سورية).
   */
  mentions: string[];
  /** Words in the body paragraphs. */
  words: number;
  paragraphs: number;
}

export interface GeneratedArticle {
  fileName: string;
  text: string;
  /** The file's manifest.csv row, if it has one. */
  manifest?: ManifestRow;
  facts: GeneratedArticleFacts;
}

export interface GenerateContext {
  model: CorpusModel;
  /** The site's section table: names to slugs, for the per-section tag rates. */
  sections: readonly SectionSetting[];
  seed: number;
  /** Digits in the index part of file names (at least 6). */
  indexDigits: number;
  /** Days the articles are dated on (default CORPUS_DAYS, the whole archive). */
  days?: DayRange;
  /**
   * Whether some manifest dates carry a time of day, 08:00–20:59 in Damascus (default true).
   * Off for articles dated on the day a build treats as now: a time would put them after it.
   */
  timesOfDay?: boolean;
}

const DAY_MS = 86_400_000;
/** No sentence is longer, so stopping at a target below BODY_WORDS.max − this keeps the body in range. */
const MAX_SENTENCE_WORDS = 60;
const MAX_CHAIN_WORDS = 25;
const MIN_CHAIN_WORDS = 6;

/** Midnight UTC of the first day and the number of days of a range; throws on a malformed or empty range. */
function dayRangeSpan(days: DayRange): { firstMs: number; count: number } {
  const parse = (day: string): number => {
    const ms = /^\d{4}-\d{2}-\d{2}$/u.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(ms)) throw new Error(`not a calendar day (YYYY-MM-DD): «${day}»`);
    return ms;
  };
  const firstMs = parse(days.first);
  const count = Math.round((parse(days.last) - firstMs) / DAY_MS) + 1;
  if (count < 1) throw new Error(`the day range ${days.first} … ${days.last} is empty`);
  return { firstMs, count };
}

/** The file name for article `index`: NNNNNN_<16 hex>.txt. */
export function corpusFileName(seed: number, index: number, indexDigits: number): string {
  return `${String(index).padStart(indexDigits, '0')}_${articleHexId(seed, index)}.txt`;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function person(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(FAMILY_NAMES)}`;
}

/** Digits of a real clause replaced by a number of the same length, so figures vary between articles. */
function varyNumbers(text: string, random: Random): string {
  return text.replace(/\d+/gu, (digits) => String(random.int(digits.length === 1 ? 1 : 10 ** (digits.length - 1), 10 ** digits.length - 1)));
}

/** Now and then a word takes an attached conjunction or preposition, as Arabic text does: more word forms to index. */
function varyWords(text: string, random: Random): string {
  return text
    .split(' ')
    .map((word) => {
      if (word.length < 4 || !/^\p{Script=Arabic}+$/u.test(word) || !random.chance(0.06)) return word;
      if (word.startsWith('ال')) {
        const prefix = random.pick(['و', 'ب', 'ل', 'ف']);
        // ل + الكتاب is written للكتاب.
        return prefix === 'ل' ? `ل${word.slice(1)}` : `${prefix}${word}`;
      }
      return /^[وف]/u.test(word) ? word : `${random.pick(['و', 'ف'])}${word}`;
    })
    .join(' ');
}

function fillFrame(frame: string, random: Random): string {
  return frame
    .replace('{person}', () => person(random))
    .replace('{role}', () => random.pick(ROLES))
    .replace('{place}', () => random.pick(PLACES))
    .replace('{number}', () => String(random.int(2, 500)));
}

function chainClause(model: CorpusModel, random: Random): string {
  const words = [random.pick(model.chainStarts)];
  while (words.length < MAX_CHAIN_WORDS) {
    const successors = model.chain.get(words[words.length - 1] ?? '') ?? [CHAIN_END];
    let next = random.pick(successors);
    // A clause the chain wants to end too early gets a few more draws.
    for (let tries = 0; next === CHAIN_END && words.length < MIN_CHAIN_WORDS && tries < 3; tries += 1) next = random.pick(successors);
    if (next === CHAIN_END) break;
    words.push(next);
  }
  return words.join(' ').replace(/[«»]/gu, '');
}

interface ArticlePlan {
  random: Random;
  model: CorpusModel;
  /** Tag names the article may mention. */
  allowed: ReadonlySet<string>;
  /** Real clauses whose tags are all allowed. */
  usable: readonly ModelClause[];
}

function fitsPlan(plan: ArticlePlan, text: string): boolean {
  if (!plan.model.mayMentionTags(text)) return true;
  return plan.model.tags.match(text).every((tag) => plan.allowed.has(tag));
}

/** One clause: a real one, a chain-made one or a frame with people and places; never a tag outside the plan. */
function nextClause(plan: ArticlePlan): string {
  const { random } = plan;
  const kind = random.weighted([['real', 45], ['chain', 35], ['frame', 20]] as const);
  if (kind === 'frame') return fillFrame(random.pick(CLAUSE_FRAMES), random);
  if (kind === 'chain') {
    for (let tries = 0; tries < 4; tries += 1) {
      const text = varyNumbers(varyWords(chainClause(plan.model, random), random), random);
      if (fitsPlan(plan, text)) return text;
    }
  }
  const real = varyNumbers(random.pick(plan.usable).text, random);
  const varied = varyWords(real, random);
  return fitsPlan(plan, varied) ? varied : real;
}

function mentionClause(plan: ArticlePlan, tagName: string): string {
  const clause = varyNumbers(plan.random.pick(plan.model.neutralClauses).text, plan.random);
  return plan.random.pick(MENTION_FRAMES).replace('{name}', tagName).replace('{clause}', clause);
}

interface Body {
  paragraphs: string[];
  /** The sentences' clauses, for the title. */
  firstClauses: string[];
}

function generateBody(plan: ArticlePlan, mentions: readonly string[]): Body {
  const { random } = plan;
  const target = random.int(BODY_WORDS.min, BODY_WORDS.max - MAX_SENTENCE_WORDS);
  // Mentions go into the first sentences, where a news article names its subject.
  const mentionAt = new Map<number, string[]>();
  for (const name of mentions) {
    const at = random.int(0, 8);
    mentionAt.set(at, [...(mentionAt.get(at) ?? []), name]);
  }
  const paragraphs: string[] = [];
  const firstClauses: string[] = [];
  let words = 0;
  let sentenceIndex = 0;
  while (words < target) {
    const sentences: string[] = [];
    const sentenceCount = random.int(1, 4);
    while (sentences.length < sentenceCount && words < target) {
      const clauses: string[] = [];
      let sentenceWords = 0;
      const add = (clause: string): boolean => {
        const clauseWords = countWords(clause);
        if (clauses.length > 0 && sentenceWords + clauseWords > MAX_SENTENCE_WORDS) return false;
        clauses.push(clause);
        sentenceWords += clauseWords;
        return true;
      };
      for (const name of mentionAt.get(sentenceIndex) ?? []) add(mentionClause(plan, name));
      const clauseCount = random.int(1, 3);
      while (clauses.length < clauseCount) if (!add(nextClause(plan))) break;
      // A lone clause longer than a sentence may be (none of the samples' are) is cut.
      const sentence = clauses.join('، ').split(' ').slice(0, MAX_SENTENCE_WORDS).join(' ');
      firstClauses.push(clauses[0] ?? sentence);
      sentences.push(`${sentence}.`);
      words += countWords(sentence);
      sentenceIndex += 1;
    }
    paragraphs.push(sentences.join(' '));
  }
  return { paragraphs, firstClauses };
}

function titleWords(clause: string, random: Random, min: number, max: number): string {
  const words = clause.replace(/[«»،.:]/gu, '').split(/\s+/u).filter((word) => word !== '');
  const taken = words.slice(0, random.int(min, max));
  // Headlines do not open with a conjunction: «وأكد …» → «أكد …».
  if (taken[0] && taken[0].length > 3 && /^[وف]/u.test(taken[0])) taken[0] = taken[0].slice(1);
  return taken.join(' ');
}

function generateTitle(body: Body, random: Random): string {
  const pool = body.firstClauses.slice(0, 4);
  const first = random.pick(pool);
  if (random.chance(0.25)) return `${titleWords(first, random, 2, 5)}.. ${titleWords(random.pick(pool), random, 3, 7)}`;
  const title = titleWords(first, random, 5, 12);
  if (random.chance(0.15)) {
    const words = title.split(' ');
    const quoted = random.int(0, words.length - 1);
    words[quoted] = `«${words[quoted]}»`;
    return words.join(' ');
  }
  return title;
}

function chooseTags(model: CorpusModel, sectionSlug: string | undefined, random: Random): string[] {
  return model.gazetteer
    .filter((tag) => {
      const rates = TAG_MENTION_RATES[tag.slug];
      const rate = (sectionSlug !== undefined ? rates?.bySection?.[sectionSlug] : undefined) ?? rates?.base ?? DEFAULT_TAG_RATE;
      return random.chance(rate);
    })
    .map((tag) => tag.name);
}

function generateByline(kind: BylineKind, section: string, random: Random): string | undefined {
  switch (kind) {
    case 'agency':
      return random.pick(AGENCY_CREDITS);
    case 'place-author': {
      const place = random.chance(0.4) ? 'دمشق' : random.pick(PLACES);
      return `${place} - ${random.chance(0.1) ? 'الوطن' : person(random)}`;
    }
    case 'author':
      return section === 'قضايا وآراء' && random.chance(0.4) ? `${random.pick(AUTHOR_TITLES)} ${person(random)}` : person(random);
    case 'none':
      return undefined;
  }
}

function generateDateLine(day: Date, form: DateLineForm, random: Random): string {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  const weekday = WEEKDAYS[day.getUTCDay()] ?? '';
  const arabic = (value: number): string => formatArabicNumber(value, 'arab');
  switch (form) {
    case 'iso':
      return `${year}-${pad(month + 1)}-${pad(date)}`;
    case 'levantine-weekday':
      return `${weekday}، ${date} ${LEVANTINE_MONTHS[month]} ${year}`;
    case 'levantine':
      return `${date} ${LEVANTINE_MONTHS[month]} ${year}`;
    case 'egyptian':
      return `${random.chance(0.5) ? `${weekday}، ` : ''}${date} ${EGYPTIAN_MONTH_NAMES[month]} ${year}`;
    case 'arabic-indic':
      return `${arabic(date)} ${LEVANTINE_MONTHS[month]} ${arabic(year)}`;
    case 'arabic-indic-egyptian':
      return `${weekday}، ${arabic(date)} ${EGYPTIAN_MONTH_NAMES[month]} ${arabic(year)}`;
  }
}

function layOut(header: readonly string[], paragraphs: readonly string[], random: Random): string {
  const trailing: string[] = [];
  if (random.chance(LAYOUT.trailingBoilerplate)) {
    if (random.chance(LAYOUT.shareButtons)) trailing.push(...SHARE_BUTTONS.slice(0, random.int(2, SHARE_BUTTONS.length)));
    trailing.push(...TRAILING_BOILERPLATE);
  }
  const headerSeparator = random.chance(LAYOUT.blankHeaderLines) ? '\n\n' : '\n';
  const paragraphSeparator = random.chance(LAYOUT.blankParagraphLines) ? '\n\n' : '\n';
  // Scraped lines sometimes keep a trailing space or no-break space; ingest trims them.
  const body = paragraphs.map((paragraph) => (random.chance(0.05) ? `${paragraph}${random.pick([' ', '\u00a0', '  '])}` : paragraph));
  let text = [...header, body.join(paragraphSeparator)].join(headerSeparator);
  if (trailing.length > 0) text += `\n\n${trailing.join('\n')}`;
  if (random.chance(LAYOUT.finalNewline)) text += '\n';
  if (random.chance(LAYOUT.crlf)) text = text.replace(/\n/gu, '\r\n');
  if (random.chance(LAYOUT.byteOrderMark)) text = `\ufeff${text}`;
  return text;
}

export function generateArticle(context: GenerateContext, index: number): GeneratedArticle {
  const { model, seed } = context;
  const random = createRandom(articleStreamSeed(seed, index));
  const fileName = corpusFileName(seed, index, context.indexDigits);

  const section = random.weighted(SECTION_WEIGHTS);
  const sectionSlug = context.sections.find((entry) => entry.name === section)?.slug;
  const mentions = chooseTags(model, sectionSlug, random);
  const allowed = new Set(mentions);
  const usable = model.clauses.filter((clause) => clause.tags.every((tag) => allowed.has(tag)));
  const plan: ArticlePlan = { random, model, allowed, usable: usable.length > 0 ? usable : model.neutralClauses };

  const span = dayRangeSpan(context.days ?? CORPUS_DAYS);
  const day = new Date(span.firstMs + random.int(0, span.count - 1) * DAY_MS);
  const isoDay = day.toISOString().slice(0, 10);
  const manifestDated = random.chance(DATING.manifestDate);
  const hasDateLine = !manifestDated || random.chance(DATING.manifestWithDateLine);
  const dateLineForm = hasDateLine ? random.weighted(DATE_LINE_WEIGHTS) : undefined;
  const url = `https://alwatan.sy/archives/${100_000 + index}`;
  let manifest: ManifestRow | undefined;
  if (manifestDated) {
    // A time of day between 08:00 and 20:59 in Damascus: the calendar day is the same in any of its offsets.
    // The time is drawn even when it is not used, so the rest of the article is the same either way.
    const time = random.chance(DATING.manifestIsoTime) ? `T${pad(random.int(8, 20))}:${pad(random.int(0, 59))}:00+03:00` : '';
    const date = context.timesOfDay === false ? isoDay : `${isoDay}${time}`;
    manifest = { date, url };
  } else if (random.chance(DATING.lineDatedWithUrlRow)) manifest = { url };

  const bylineKind = random.weighted(section === 'قضايا وآراء' ? OPINION_BYLINE_WEIGHTS : BYLINE_WEIGHTS);
  const byline = generateByline(bylineKind, section, random);

  const body = generateBody(plan, mentions);
  const title = generateTitle(body, random);
  const header = [section, title];
  if (byline !== undefined) header.push(`| ${byline}`);
  if (dateLineForm) header.push(generateDateLine(day, dateLineForm, random));
  const text = layOut(header, body.paragraphs, random);

  return {
    fileName,
    text,
    manifest,
    facts: {
      section,
      date: isoDay,
      dateSource: manifestDated ? 'manifest' : 'line',
      dateLine: dateLineForm,
      bylineKind,
      byline,
      mentions,
      words: body.paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph), 0),
      paragraphs: body.paragraphs.length,
    },
  };
}
