import { describe, expect, it } from 'vitest';
import { arabicWords, normaliseArabic } from '../../scripts/lib/arabic/normalise.ts';
import { withoutClitics } from '../../scripts/lib/arabic/proclitics.ts';
import { ingestSettings, type TagDefinition } from '../../scripts/lib/config/ingest-settings.ts';
import { compileTagMatcher } from '../../scripts/lib/ingest/match-tags.ts';

const GAZETTEER: TagDefinition[] = [
  { name: 'إيران', slug: 'iran', forms: ['إيران', 'الإيراني', 'الإيرانية'] },
  { name: 'العراق', slug: 'iraq', forms: ['العراق', 'العراقي'] },
  { name: 'لبنان', slug: 'lebanon', forms: ['لبنان', 'اللبناني'] },
  { name: 'الولايات المتحدة', slug: 'united-states', forms: ['الولايات المتحدة', 'واشنطن'] },
  { name: 'فرنسا', slug: 'france', forms: ['فرنسا'] },
  { name: 'الليرة السورية', slug: 'syrian-pound', forms: ['الليرة السورية'] },
  { name: 'الأمم المتحدة', slug: 'united-nations', forms: ['الأمم المتحدة'] },
];

const matcher = compileTagMatcher(GAZETTEER);

describe('compileTagMatcher', () => {
  it.each([
    ['a form as written', 'زار الوزير إيران أمس', ['إيران']],
    ['a form without hamza', 'زار الوزير ايران أمس', ['إيران']],
    ['a form with diacritics', 'زار الوزير إِيرَان أمس', ['إيران']],
    ['و + ال before an adjective form', 'والإيرانية', ['إيران']],
    ['ب + ال', 'في مؤتمر بالعراق', ['العراق']],
    ['لل (ل + ال)', 'دعم للعراق', ['العراق']],
    ['و + لل', 'وللعراق', ['العراق']],
    ['a name that starts with ل', 'وصل إلى لبنان', ['لبنان']],
    ['و before a name that starts with ل', 'سورية ولبنان', ['لبنان']],
    ['ل before a name that starts with ل', 'زيارة للبنان', ['لبنان']],
    ['ب before a name that starts with ل', 'اجتماع بلبنان', ['لبنان']],
    ['a name that starts with و', 'قالت واشنطن', ['الولايات المتحدة']],
    ['a name that starts with ف', 'رئيس فرنسا', ['فرنسا']],
    ['و before a name that starts with ف', 'ألمانيا وفرنسا', ['فرنسا']],
    ['a two-word form', 'في الولايات المتحدة', ['الولايات المتحدة']],
    ['a two-word form with و on the first word', 'روسيا والولايات المتحدة', ['الولايات المتحدة']],
    ['a two-word form with ب on the first word', 'مقابل بالليرة السورية', ['الليرة السورية']],
    ['a two-word form with ta marbuta written as ha', 'الليره السوريه', ['الليرة السورية']],
    ['a two-word form broken by a line end', 'منظمة الأمم\nالمتحدة', ['الأمم المتحدة']],
  ])('finds a tag from %s', (_case, text, tags) => {
    expect(matcher.match(text)).toEqual(tags);
  });

  it.each([
    ['a word that only contains a form', 'الإيرانيات والعراقيين'],
    ['the first word of a two-word form alone', 'الولايات الشمالية'],
    ['the two words of a form in the other order', 'المتحدة الولايات'],
    ['the two words of a form apart', 'الولايات غير المتحدة'],
    ['a text with none of the forms', 'مدن تنهض من تحت الركام'],
    ['an empty text', ''],
  ])('finds no tag in %s', (_case, text) => {
    expect(matcher.match(text)).toEqual([]);
  });

  it('lists each tag once, in gazetteer order, whatever order the text names them in', () => {
    expect(matcher.match('فرنسا ولبنان والعراق وإيران، ثم إيران مرة أخرى والإيراني')).toEqual(['إيران', 'العراق', 'لبنان', 'فرنسا']);
  });

  it('finds nothing with an empty gazetteer', () => {
    expect(compileTagMatcher([]).match('إيران والعراق')).toEqual([]);
  });
});

/** The matcher as first written, word by word with withoutClitics: what the compiled one must agree with. */
function matchByWords(gazetteer: readonly TagDefinition[], text: string): string[] {
  const bare = (word: string): string => (word.startsWith('ال') && word.length > 3 ? word.slice(2) : word);
  const tags = gazetteer.map((tag) => ({ name: tag.name, forms: tag.forms.map((form) => arabicWords(normaliseArabic(form)).map(bare)) }));
  const firstWords = new Set(tags.flatMap((tag) => tag.forms.map((form) => form[0] ?? '')));
  const words = arabicWords(normaliseArabic(text));
  const formsOf = (word: string): string[] => withoutClitics(word);
  const found = new Set<string>();
  words.forEach((word, index) => {
    if (!formsOf(word).some((form) => firstWords.has(form))) return;
    for (const tag of tags) {
      if (found.has(tag.name)) continue;
      const hit = tag.forms.some((form) => form.every((formWord, offset) => {
        const other = words[index + offset];
        return other !== undefined && formsOf(other).includes(formWord);
      }));
      if (hit) found.add(tag.name);
    }
  });
  return tags.map((tag) => tag.name).filter((name) => found.has(name));
}

describe('compileTagMatcher: agreement with matching word by word', () => {
  const gazetteers: TagDefinition[][] = [
    GAZETTEER,
    ingestSettings.tagGazetteer as TagDefinition[],
    [
      { name: 'غريب', slug: 'a', forms: ['ﻻ', 'ه\u0654', 'İstanbul', 'ΣΟΦΙΑ', '…', 'لل', 'و', 'ال', 'ال ال'] },
      { name: 'مكرر', slug: 'b', forms: ['العراق', 'الأمم المتحدة'] },
      { name: 'مكرر', slug: 'c', forms: ['سورية', 'ب'] },
      { name: 'فارغ', slug: 'd', forms: ['...'] },
      { name: 'طويل', slug: 'e', forms: ['الولايات المتحدة الأمريكية', 'الولايات'] },
    ],
  ];
  const alphabet = [...'اأإآٱبتةثجحخدذرزسشصضطظعغفقكلمنهوؤيئىء ًٌٍَُِّْٰـ٠١٢٩۰۱ABCabcİΣσﻻﺍﻹ\u00a0\u200b\u200f\ufeff…\u0654ەہے\u0675،؛؟«» .-\n\t12ﬁ'];
  const words = ['والولايات', 'المتحدة', 'للعراق', 'بالعراق', 'والإيرانية', 'ولبنان', 'سورية', 'الليرة', 'السورية', 'الأمم', 'ال', 'و'];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const texts = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 12) }, () => (
    random() < 0.5
      ? words[Math.floor(random() * words.length)] as string
      : Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
  )).join(random() < 0.8 ? ' ' : '\n'));

  it.each(gazetteers.map((gazetteer, index) => [index, gazetteer] as const))('finds the same tags in random texts with gazetteer %i', (_index, gazetteer) => {
    const matcher = compileTagMatcher(gazetteer);
    for (const text of texts) expect(matcher.match(text), JSON.stringify(text)).toEqual(matchByWords(gazetteer, text));
  });

  it('lists a tag named twice in the gazetteer twice when found, as before', () => {
    const doubled: TagDefinition[] = [{ name: 'سورية', slug: 'a', forms: ['دمشق'] }, { name: 'سورية', slug: 'b', forms: ['حلب'] }];
    expect(compileTagMatcher(doubled).match('في حلب')).toEqual(['سورية', 'سورية']);
  });
});

describe('compileTagMatcher: counting mentions', () => {
  const gazetteer: TagDefinition[] = [
    ...GAZETTEER,
    { name: 'سورية', slug: 'syria', forms: ['سورية', 'السوري', 'السورية'] },
    { name: 'مصر', slug: 'egypt', forms: ['مصر', 'المصري'] },
    // A second entry of one name: one tag.
    { name: 'الولايات المتحدة', slug: 'united-states-2', forms: ['الأمريكي', 'الأميركية', 'الأمريكية'] },
    { name: 'مصرف سورية المركزي', slug: 'central-bank-of-syria', forms: ['مصرف سورية المركزي'] },
  ];
  const counter = compileTagMatcher(gazetteer, { currencyWords: ingestSettings.currencyWords });

  it.each<[string, string, Record<string, number>]>([
    ['each mention of a tag, whatever its form', 'زار إيران ثم عاد إلى طهران، والإيرانية', { إيران: 2 }],
    ['a country after a word that is not a currency', 'اجتماع بين إيران والعراق', { إيران: 1, العراق: 1 }],
    ['a two-word form once, not its words apart', 'الولايات المتحدة والأمم المتحدة', { 'الولايات المتحدة': 1, 'الأمم المتحدة': 1 }],
    ['the longest of overlapping forms: the pound, not the country', 'مقابل الليرة السورية', { 'الليرة السورية': 1 }],
    ['the longest of overlapping forms, indefinite', 'بنحو مليون ليرة سورية', { 'الليرة السورية': 1 }],
    ['the bank, not the country', 'أبقى مصرف سورية المركزي على السعر', { 'مصرف سورية المركزي': 1 }],
    ['a country adjective standing alone', 'الموقف الأمريكي من الاتفاق', { 'الولايات المتحدة': 1 }],
    ['no country after a currency word: دولار أميركي', 'بلغت 40 مليون دولار أمريكي', {}],
    ['no country after a currency word with clitics: بالدولار الأميركي', 'بيع بالدولار الأمريكي', {}],
    ['no country after a currency word: الجنيه المصري', 'تراجع الجنيه المصري أمام', {}],
    ['no country after a plural currency word', 'ملايين الدولارات الأمريكية', {}],
    ['the country again once it stands alone', 'دفع بالجنيه المصري في مصر', { مصر: 1 }],
    ['nothing in an empty text', '', {}],
  ])('counts %s', (_case, text, expected) => {
    expect(Object.fromEntries(counter.countMentions(text))).toEqual(expected);
  });

  it('counts a country after a currency word when no currency words are configured', () => {
    expect(Object.fromEntries(compileTagMatcher(gazetteer).countMentions('بلغت 40 مليون دولار أمريكي'))).toEqual({ 'الولايات المتحدة': 1 });
  });

  it('counts in gazetteer order, and a name given twice as one tag', () => {
    const doubled = compileTagMatcher([{ name: 'سورية', slug: 'a', forms: ['دمشق'] }, { name: 'إيران', slug: 'b', forms: ['طهران'] }, { name: 'سورية', slug: 'c', forms: ['حلب'] }]);
    expect([...doubled.countMentions('طهران وحلب ودمشق')]).toEqual([['سورية', 2], ['إيران', 1]]);
    expect(doubled.names).toEqual(['سورية', 'إيران']);
  });
});
