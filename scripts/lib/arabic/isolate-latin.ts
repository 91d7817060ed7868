// An Arabic headline is right to left; the Latin words and the numbers the bidi algorithm
// would reorder inside it («Google», «COVID-19», «iPhone 15 Pro», «12.5%», «2020-2021») are
// left-to-right runs to isolate, so the
// first strong letter never turns the whole headline around. Pure and free of DOM and Node:
// the templates, the feeds and the search page's script share it.

/** A piece of a headline; `latin` pieces are isolated left to right inside a right-to-left headline. */
export interface HeadlinePart {
  text: string;
  latin: boolean;
}

export interface Headline {
  /** 'rtl' for any headline with an Arabic letter; 'ltr' for one written wholly in Latin. */
  direction: 'rtl' | 'ltr';
  /** The text in order; in an 'ltr' headline one part, not isolated. */
  parts: HeadlinePart[];
}

// A unit: a Latin letter (with its combining marks) or a Western digit.
const UNIT = String.raw`[\p{Script=Latin}0-9]\p{M}*`;
// What joins units into one run: «COVID-19», «12.5», «1,000», «AT&T», «Google's», «10:30», «iPhone 15 Pro».
const JOINER = String.raw`[\-\u2010\u2011.,:/&+_'\u2019 \u00a0]`;
// A sign or currency right before a digit: «-3%», «$5».
const LEADING = String.raw`(?:[+\-\u2212$€£¥](?=[0-9]))?`;
// A percent sign after a digit, «C++» after a letter, the last dot of «U.S.».
const TRAILING = String.raw`(?:(?<=[0-9])[%‰]|(?<=\p{L})\+\+?(?![\p{Script=Latin}0-9])|(?<=\.\p{L})\.)?`;
const LATIN_RUN = new RegExp(`${LEADING}(?:${UNIT})+(?:${JOINER}+(?:${UNIT})+)*${TRAILING}`, 'gu');
// A plain number («2017», «12.5», «10:30»): after an Arabic letter the bidi algorithm already
// sets it left to right in place, so it stays Arabic text. A range («2020-2021»), a percentage,
// a sign or digits grouped by spaces would be reordered, and are isolated.
const PLAIN_NUMBER = /^[0-9]+(?:[.,:/][0-9]+)*$/;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Splits a headline into its Arabic text and the Latin runs inside it. */
export function splitHeadline(text: string): Headline {
  if (!ARABIC_LETTER.test(text) && LATIN_LETTER.test(text)) return { direction: 'ltr', parts: [{ text, latin: false }] };
  const parts: HeadlinePart[] = [];
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (PLAIN_NUMBER.test(match[0])) continue;
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), latin: false });
    parts.push({ text: match[0], latin: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), latin: false });
  return { direction: 'rtl', parts };
}

const RLI = '\u2067';
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * The headline as plain text with Unicode isolates (for feeds, whose titles are text): a
 * headline holding Latin runs becomes RLI … PDI with each run in LRI … PDI.
 *
 * Why: many feed readers show a title in a left-to-right line, or guess its direction from
 * its first strong letter («Google» → left to right). Inside RLI … PDI the headline is
 * ordered right to left whatever the line around it, and its direction stops at the PDI (it
 * cannot spill into the reader's own text); a reader that already sets the title right to
 * left loses nothing. What it cannot do is move a title that begins with a Latin word to
 * the right margin of a reader that guesses the direction. Only headlines that need it get
 * the controls: one with no Latin run (its first strong letter is Arabic) or one wholly in
 * Latin is left as it is, so copying a title from a reader mostly copies no invisible marks.
 */
export function isolateLatinInText(text: string): string {
  const headline = splitHeadline(text);
  if (headline.direction === 'ltr' || !headline.parts.some((part) => part.latin)) return text;
  return RLI + headline.parts.map((part) => (part.latin ? LRI + part.text + PDI : part.text)).join('') + PDI;
}
