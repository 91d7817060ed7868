// The search keys shared by the index and the search page: every class of Arabic spelling
// difference the search must connect, and the words it must leave alone.
import { describe, expect, it } from 'vitest';
import {
  addToVocabulary, canonicalSpelling, cleanWord, emptyVocabulary, planQuery, queryKey,
  readingsOf, searchKey, stripProclitics, variantTokens, wordMatchesKeys, wordsOf,
} from '../../scripts/lib/arabic/search-normalise.ts';

describe('cleanWord', () => {
  it.each([
    ['drops harakat, tanwin and shadda', 'مُحَمَّدٌ', 'محمد'],
    ['drops tatweel', 'دمـــشق', 'دمشق'],
    ['drops bidi and zero-width characters', '\u200fسورية\u200b', 'سورية'],
    ['writes alef wasla as alef', 'ٱلعراق', 'العراق'],
    ['keeps hamza and alef forms, which the proclitic rules read', 'وإيران', 'وإيران'],
    ['keeps ta marbuta and alef maqsura', 'مستشفى المدينة', 'مستشفى المدينة'],
  ])('%s', (_rule, word, expected) => {
    expect(cleanWord(word)).toBe(expected);
  });
});

describe('stripProclitics', () => {
  it.each([
    ['the article', 'العراق', 'عراق'],
    ['و + ال', 'والعراق', 'عراق'],
    ['ف + ال', 'فالعراق', 'عراق'],
    ['ب + ال', 'بالعراق', 'عراق'],
    ['ك + ال', 'كالعراق', 'عراق'],
    ['ل + ال, written لل', 'للحكومة', 'حكومة'],
    ['و + ب + ال', 'وبالأردن', 'أردن'],
    ['و + لل', 'وللحكومة', 'حكومة'],
    ['و before a hamzated alef', 'وإيران', 'إيران'],
    ['ف before a hamzated alef', 'فأكد', 'أكد'],
    ['ب before a hamzated alef', 'بأوروبا', 'أوروبا'],
    ['و + ل before a hamzated alef', 'ولأميركا', 'أميركا'],
  ])('takes off %s', (_rule, word, expected) => {
    expect(stripProclitics(word)).toBe(expected);
  });

  it.each([
    ['a word with no proclitic', 'دمشق'],
    ['a name that starts with ل', 'لبنان'],
    ['a word that starts with و', 'وزير'],
    ['a word that starts with وا', 'واشنطن'],
    ['a noun that starts with ل', 'لجنة'],
    ['الله, whose stem would be too short', 'الله'],
    ['لأن, whose remainder would be too short', 'لأن'],
    ['فأر, a word that starts with ف + hamza', 'فأر'],
    ['ألمانيا, whose hamzated alef is not the article', 'ألمانيا'],
  ])('leaves %s alone', (_rule, word) => {
    expect(stripProclitics(word)).toBe(word);
  });

  it.each([
    ['والله', 'الله'],
    ['بالله', 'الله'],
    ['لله', 'الله'],
  ])('keeps the article on a short stem: %s → %s', (word, expected) => {
    expect(stripProclitics(word)).toBe(expected);
  });
});

describe('canonicalSpelling', () => {
  it.each([
    ['سوريا', 'سورية'],
    ['سورية', 'سورية'],
    ['أميركا', 'أمريكا'],
    ['أميركية', 'أمريكية'],
    ['اميركيون', 'أمريكيون'],
    ['أمريكا', 'أمريكا'],
    ['مسئول', 'مسؤول'],
    ['مسئولية', 'مسؤولية'],
    ['شئون', 'شؤون'],
    ['ترمب', 'ترامب'],
  ])('writes %s as %s', (stem, expected) => {
    expect(canonicalSpelling(stem)).toBe(expected);
  });

  it('leaves words that only contain a variant alone', () => {
    expect(canonicalSpelling('سوريالية')).toBe('سوريالية');
    expect(canonicalSpelling('رئيس')).toBe('رئيس');
  });
});

describe('searchKey', () => {
  it.each([
    ['diacritics', 'مُحَمَّد', 'محمد'],
    ['diacritics', 'الاقْتِصَادِ', 'الاقتصاد'],
    ['alef forms', 'أحمد', 'احمد'],
    ['alef forms', 'إيران', 'ايران'],
    ['alef forms', 'آسيا', 'اسيا'],
    ['alef forms', 'انتاج', 'إنتاج'],
    ['ta marbuta', 'حكومه', 'حكومة'],
    ['ta marbuta', 'المدرسه', 'المدرسة'],
    ['alef maqsura', 'مستشفي', 'مستشفى'],
    ['alef maqsura', 'الكبري', 'الكبرى'],
    ['tatweel', 'حـلب', 'حلب'],
    ['tatweel', 'الجـيـش', 'الجيش'],
    ['clitics', 'والعراق', 'العراق'],
    ['clitics', 'بالعراق', 'عراق'],
    ['clitics', 'وإيران', 'إيران'],
    ['clitics', 'الشؤون', 'شؤون'],
    ['clitics', 'للحكومة', 'الحكومة'],
    ['spelling variants', 'سوريا', 'سورية'],
    ['spelling variants', 'الأميركية', 'الأمريكية'],
    ['spelling variants', 'أميركا', 'أمريكا'],
    ['spelling variants', 'مسئول', 'مسؤول'],
    ['spelling variants', 'المسئولية', 'المسؤولية'],
    ['spelling variants', 'شئون', 'شؤون'],
    ['spelling variants', 'ترمب', 'ترامب'],
    ['digits', '٢٠١٧', '2017'],
    ['digits', '١٥٠', '150'],
  ])('gives two spellings one key (%s): %s and %s', (_class, one, other) => {
    expect(searchKey(one)).toBe(searchKey(other));
  });

  it.each([
    ['لبنان', 'بنان'],
    ['وزير', 'زير'],
    ['واشنطن', 'اشنطن'],
    ['الله', 'له'],
    ['سورية', 'سوري'],
  ])('keeps apart words that only look related: %s and %s', (one, other) => {
    expect(searchKey(one)).not.toBe(searchKey(other));
  });
});

/** The keys a query is searched under (its words' query keys), as one string. */
const searchedAs = (query: string): string => planQuery(query).words.map((word) => word.key).join(' ');

describe('planQuery: the keys a query is searched under', () => {
  it.each([
    ['والعراق', 'عراق'],
    ['سوريا', 'سوريه'],
    ['الأميركية', 'امريكيه'],
    ['مسئول كبير', 'مسوول كبير'],
    ['  مُحَمَّد   وإيران ', 'محمد ايران'],
    ['٢٠١٧', '2017'],
    ['', ''],
  ])('sends «%s» as «%s»', (query, expected) => {
    expect(searchedAs(query)).toBe(expected);
  });

  it('only cleans a quoted phrase, so the exact-phrase search keeps its meaning', () => {
    expect(planQuery('"وزير الخارجيَّة"').phrase).toBe('"وزير الخارجية"');
  });
});

describe('queryKey', () => {
  it.each([
    ['مهندسون', 'مهندس'],
    ['المهندسين', 'مهندس'],
    ['حكومات', 'حكوم'],
    ['الانتخابات', 'انتخاب'],
  ])('searches a sound plural without its ending, so it finds the singular by prefix: %s → %s', (word, key) => {
    expect(queryKey(word)).toBe(key);
  });

  it.each([['تشرين'], ['قانون'], ['سنوات'], ['لبنان'], ['مهندس']])('keeps a word with three letters before the ending, or none: %s', (word) => {
    expect(queryKey(word)).toBe(searchKey(word));
  });
});

describe('planQuery', () => {
  it('reads a word that may be a proclitic letter and a word both ways, with the reading\'s article form to decide', () => {
    expect(planQuery('لروسيا')).toEqual({ words: [{ key: 'لروسيا', written: 'لروسيا', reading: { key: 'روسيا', withArticle: 'الروسيا' } }], keys: ['لروسيا', 'روسيا'] });
    expect(planQuery('كمال').words[0]?.reading).toEqual({ key: 'مال', withArticle: 'المال' });
  });

  it('has no reading for a word whose proclitics are unambiguous, or that starts otherwise', () => {
    expect(planQuery('للحكومة والعراق دمشق').words.map((word) => word.reading)).toEqual([undefined, undefined, undefined]);
  });

  it('searches the reading as written, not without a plural ending (a guess is searched as a whole word)', () => {
    expect(planQuery('كماليات').words[0]?.reading?.key).toBe('ماليات');
  });

  it('keeps a quoted phrase as a phrase, cleaned', () => {
    expect(planQuery('"وزير الخارجيَّة"')).toEqual({ phrase: '"وزير الخارجية"', words: [], keys: ['وزير', 'خارجيه'] });
  });
});

describe('variantTokens', () => {
  const vocabularyOf = (...texts: string[]) => {
    const vocabulary = emptyVocabulary();
    for (const text of texts) addToVocabulary(vocabulary, text);
    return vocabulary;
  };

  it('adds the key of each word Pagefind would not match to it', () => {
    const text = 'بحث الوزير العلاقات مع الأردن والعراق وإيران في سوريا.';
    expect(variantTokens(text, vocabularyOf(text))).toEqual(['وزير', 'علاقات', 'علاقه', 'اردن', 'عراق', 'ايران', 'سوريه']);
  });

  it('leaves out keys already on the page as Pagefind indexes its words', () => {
    const text = 'العراق عراق وسوريه سوريه';
    expect(variantTokens(text, vocabularyOf(text))).toEqual([]);
  });

  it('adds the key of a word written with tatweel, marks, presentation forms or Arabic-Indic digits', () => {
    expect(variantTokens('دمـشق مُحَمَّد ﺣﻠﺐ ٢٠١٧', emptyVocabulary())).toEqual(['دمشق', 'محمد', 'حلب', '2017']);
  });

  it('takes single proclitic letters off a word the archive never uses with the article', () => {
    expect(variantTokens('قدم الوفد لتركيا عرضاً، وفنزويلا شريك', emptyVocabulary())).toEqual(expect.arrayContaining(['تركيا', 'فنزويلا']));
  });

  it('does not split a noun the archive uses with the article (لجنة is not ل + جنة, وزير not و + زير)', () => {
    const archive = vocabularyOf('اللجنة المختصة', 'الوزير', 'الجنة والنار', 'جنة');
    const tokens = variantTokens('عقدت لجنة الشؤون مع وزير', archive);
    expect(tokens).not.toContain('جنه');
    expect(tokens).not.toContain('زير');
  });

  it('always adds a spelling variant behind ل or ك', () => {
    expect(variantTokens('زيارة لسوريا', vocabularyOf('السوريا'))).toContain('سوريه');
  });

  it('gives a feminine plural its singular\'s key', () => {
    expect(variantTokens('ارتفعت أسعار السيارات', emptyVocabulary())).toContain('سياره');
  });

  it('is the same for the same text and vocabulary', () => {
    const text = 'والعراق وإيران لروسيا';
    const archive = vocabularyOf(text, 'روسيا');
    expect(variantTokens(text, archive)).toEqual(variantTokens(text, archive));
  });
});

describe('wordMatchesKeys', () => {
  const keys = new Set(searchedAs('العراق روسيا').split(' '));

  it.each([['والعراق'], ['بالعراق'], ['العراق'], ['لروسيا'], ['وروسيا']])('finds a query word in %s', (word) => {
    expect(wordMatchesKeys(word, keys)).toBe(true);
  });

  it('finds a word the key starts, as the index does', () => {
    expect(wordMatchesKeys('عراقي', keys)).toBe(true);
  });

  it.each([['الروسية'], ['دمشق'], ['العرب']])('does not find one in %s', (word) => {
    expect(wordMatchesKeys(word, keys)).toBe(false);
  });

  it('reads a word every way a proclitic can be taken off', () => {
    expect(readingsOf('ولروسيا')).toEqual(['ولروسيا', 'لروسيا', 'روسيا']);
  });
});

describe('wordsOf', () => {
  it('splits on spaces and punctuation and keeps marks and tatweel inside words', () => {
    expect(wordsOf('قال مُحَمَّد: «دمـشق» 2017، و١٥٠.')).toEqual(['قال', 'مُحَمَّد', 'دمـشق', '2017', 'و١٥٠']);
  });
});
