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

export interface IngestSettings {
  /** Whole lines dropped from the trailing block of a raw file. */
  boilerplateLines: readonly string[];
  tagGazetteer: readonly TagDefinition[];
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
  concurrency: 32,
  excerptLength: 200,
};
