// Every string a reader sees, in Arabic, with Arabic plural rules. Templates and feeds
// take their words from here and nowhere else.

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export type PluralForms = Record<PluralCategory, string>;

/** A counted noun in its six Arabic forms; {n} stands for the formatted number. */
export const COUNTED: Record<'articles' | 'pages' | 'results', PluralForms> = {
  articles: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{n} مقالات', many: '{n} مقالاً', other: '{n} مقال' },
  pages: { zero: 'لا صفحات', one: 'صفحة واحدة', two: 'صفحتان', few: '{n} صفحات', many: '{n} صفحة', other: '{n} صفحة' },
  results: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
};

export const STRINGS = {
  skipToContent: 'انتقل إلى المحتوى',
  home: 'الرئيسية',
  latest: 'آخر الأخبار',
  sections: 'الأقسام',
  tags: 'الوسوم',
  archive: 'الأرشيف',
  search: 'بحث',
  subscribe: 'اشترك',
  mainNavigation: 'التنقل الرئيسي',
  pagination: 'التنقل بين الصفحات',
  // A list's pages run from the newest (its first page) to the oldest (page 1).
  newerPage: 'أحدث',
  olderPage: 'أقدم',
  newestPage: 'الأحدث',
  oldestPage: 'الأقدم',
  newerPageLabel: 'مقالات أحدث',
  olderPageLabel: 'مقالات أقدم',
  pageDates: 'من {from} إلى {to}',
  page: 'صفحة {x}',
  sectionLabel: 'القسم',
  tagLabel: 'الوسم',
  byAgency: 'وكالات',
  publishedOn: 'نُشر في',
  updatedOn: 'حُدّث في',
  readMore: 'اقرأ المزيد',
  relatedArticles: 'مقالات ذات صلة',
  moreFromSection: 'المزيد من {section}',
  previousInSection: 'المقال السابق في القسم',
  nextInSection: 'المقال التالي في القسم',
  share: 'شارك المقال',
  shareWhatsApp: 'واتساب',
  shareTelegram: 'تيليغرام',
  shareFacebook: 'فيسبوك',
  shareX: 'إكس',
  shareEmail: 'البريد الإلكتروني',
  print: 'طباعة',
  sectionsIndexTitle: 'جميع الأقسام',
  tagsIndexTitle: 'جميع الوسوم',
  archiveTitle: 'أرشيف المقالات',
  archiveMonthTitle: 'أرشيف {month}',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundText: 'عذراً، لم نعثر على الصفحة التي تطلبها. ربما نُقلت أو حُذفت.',
  backHome: 'العودة إلى الصفحة الرئيسية',
  footerNote: 'جميع الحقوق محفوظة',
  subscribeTitle: 'اشترك في آخر الأخبار',
  subscribeIntro: 'تابع الأخبار في قارئ الخلاصات الذي تفضّله: انسخ رابط الخلاصة وأضفه إليه. لكل قسم خلاصة خاصة به.',
  allNews: 'جميع الأخبار',
  feedAtom: 'خلاصة Atom',
  feedRss: 'خلاصة RSS',
  feedJson: 'خلاصة JSON',
  siteDescription: 'آخر الأخبار السورية والعربية والدولية، الاقتصاد والرياضة والثقافة والمحليات والرأي.',
  // Search page and the masthead's search form.
  searchTitle: 'البحث في الأرشيف',
  searchLabel: 'ابحث في المقالات',
  searchSiteLabel: 'ابحث في الموقع',
  searchNeedsJavaScript: 'يحتاج البحث إلى JavaScript، وهو غير مفعّل في متصفحك. يمكنك تصفّح المقالات من الأقسام والأرشيف.',
  searchOptions: 'خيارات البحث',
  searchSort: 'ترتيب النتائج',
  searchSortRelevance: 'الأكثر صلة',
  searchSortNewest: 'الأحدث أولاً',
  searchYear: 'السنة',
  searchAllSections: 'كل الأقسام',
  searchAllYears: 'كل السنوات',
  searchResultsFor: '{count} للبحث عن «{query}»',
  searchResultsLabel: 'نتائج البحث',
  searching: 'جارٍ البحث…',
  searchMore: 'المزيد من النتائج',
  searchUnavailable: 'تعذّر تحميل البحث. إن كنت دون اتصال، فاحفظ الأرشيف في المرة القادمة لتبحث دون اتصال.',
  offlineTitle: 'البحث دون اتصال',
  offlineIntro: 'احفظ فهرس البحث والمقالات على هذا الجهاز لتبحث فيها وتقرأها دون اتصال بالإنترنت.',
  offlineSave: 'حفظ الأرشيف للبحث دون اتصال',
  offlineSize: 'حجم التنزيل: {size}.',
  offlineProgress: 'جارٍ الحفظ: {percent}',
  offlineSaved: 'الأرشيف محفوظ على هذا الجهاز: يعمل البحث دون اتصال.',
  offlineFailed: 'تعذّر حفظ الأرشيف. تحقّق من الاتصال وأعد المحاولة.',
  offlineOutdated: 'نُشرت نسخة أحدث من الموقع. أعد تحميل الصفحة ثم احفظ الأرشيف.',
} as const;

export type StringKey = keyof typeof STRINGS;

/** Fills {name} placeholders. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

const pluralRules = new Intl.PluralRules('ar');

/** The Arabic plural category of a count (zero, one, two, few, many, other). */
export function pluralCategory(count: number): PluralCategory {
  return pluralRules.select(count) as PluralCategory;
}

/** A count with its noun in the right form: 3 مقالات, 11 مقالاً, مقالان. */
export function countWithNoun(count: number, forms: PluralForms, formatNumber: (n: number) => string): string {
  return fillPlaceholders(forms[pluralCategory(count)], { n: formatNumber(count) });
}
