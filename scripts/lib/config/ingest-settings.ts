// Ingest configuration: what counts as site chrome in a raw file, and which places,
// countries and organisations become tags. Data, not code: edit freely.

export interface TagDefinition {
  /** The tag as readers see it. */
  name: string;
  /** Its URL segment: /tags/<slug>/. ASCII, stable, unique. */
  slug: string;
  /** Arabic forms that mark an article with this tag (matched after normalisation, with attached و ف ب ل ك ال stripped). */
  forms: readonly string[];
}

/**
 * How a tag found in an article is weighed (see scripts/lib/ingest/score-tags.ts): each
 * mention scores by where it stands, and only tags that reach minimumScore are kept, the
 * best maxTags of them, highest score first, ties in gazetteer order.
 */
export interface TagScoring {
  /** Per mention in the title (default 3: a headline mention alone makes a tag). */
  headlineWeight: number;
  /** Per mention in the lead, the first paragraph (default 2). */
  leadWeight: number;
  /** Per mention in any later paragraph (default 1: a passing mention). */
  bodyWeight: number;
  /** Score a tag needs (default 3: the headline, the lead and once more, or three body mentions). */
  minimumScore: number;
  /** Tags an article gets at most (default 4). */
  maxTags: number;
}

export interface IngestSettings {
  /** Whole lines dropped from the trailing block of a raw file. */
  boilerplateLines: readonly string[];
  tagGazetteer: readonly TagDefinition[];
  tagScoring: TagScoring;
  /**
   * Currency words: a tag's form right after one («دولار أميركي», «ليرة سورية», «الجنيه
   * المصري») names the currency, not the country, and is no mention of the tag. Matched like
   * tag forms (normalised, with و ف ب ل ك ال stripped), so no word here may be a clitic
   * and a common word (ين, yen, is left out: «بين» would read as ب + ين).
   */
  currencyWords: readonly string[];
  /** Raw files read and parsed at once. */
  concurrency: number;
  /** Characters of the first paragraph kept as the excerpt, ellipsis included. */
  excerptLength: number;
}

export const ingestSettings: IngestSettings = {
  boilerplateLines: [
    'زر الذهاب إلى الأعلى', 'صحيفة الوطن', 'شارك', 'فيسبوك', 'تويتر', 'واتساب',
    'تيلقرام', 'طباعة', 'مشاركة عبر البريد', 'إغلاق',
  ],
  tagGazetteer: [
    { name: 'سورية', slug: 'syria', forms: ['سورية', 'سوريا', 'السوري', 'السورية', 'السوريين'] },
    { name: 'إيران', slug: 'iran', forms: ['إيران', 'الإيراني', 'الإيرانية', 'الإيرانيين'] },
    { name: 'روسيا', slug: 'russia', forms: ['روسيا', 'الروسي', 'الروسية', 'الروس'] },
    { name: 'الولايات المتحدة', slug: 'united-states', forms: ['الولايات المتحدة', 'أميركا', 'أمريكا', 'الأميركي', 'الأمريكي', 'الأميركية', 'الأمريكية', 'واشنطن'] },
    { name: 'دمشق', slug: 'damascus', forms: ['دمشق'] },
    { name: 'طهران', slug: 'tehran', forms: ['طهران'] },
    { name: 'موسكو', slug: 'moscow', forms: ['موسكو'] },
    { name: 'مصرف سورية المركزي', slug: 'central-bank-of-syria', forms: ['مصرف سورية المركزي', 'المصرف المركزي'] },
    { name: 'الليرة السورية', slug: 'syrian-pound', forms: ['الليرة السورية', 'الليرة'] },
    { name: 'كرة القدم', slug: 'football', forms: ['كرة القدم', 'الدوري السوري الممتاز', 'الدوري الممتاز'] },
    { name: 'معرض الكتاب', slug: 'book-fair', forms: ['معرض الكتاب'] },
    { name: 'مكتبة الأسد الوطنية', slug: 'al-assad-national-library', forms: ['مكتبة الأسد'] },
    { name: 'الإرهاب', slug: 'terrorism', forms: ['الإرهاب', 'الإرهابيين', 'الإرهابية'] },
    { name: 'المياه', slug: 'water', forms: ['مياه الشرب', 'المياه'] },
    { name: 'إعادة الإعمار', slug: 'reconstruction', forms: ['إعادة الإعمار', 'الإعمار'] },
  ],
  tagScoring: { headlineWeight: 3, leadWeight: 2, bodyWeight: 1, minimumScore: 3, maxTags: 4 },
  currencyWords: [
    'ليرة', 'ليرات', 'دولار', 'دولارات', 'يورو', 'جنيه', 'جنيهات', 'دينار', 'دنانير',
    'ريال', 'ريالات', 'درهم', 'دراهم', 'روبل', 'يوان', 'تومان', 'فرنك',
  ],
  concurrency: 32,
  excerptLength: 200,
};
