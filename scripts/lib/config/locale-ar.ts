// Every string a reader sees, in Arabic, with Arabic plural rules. Templates and feeds
// take their words from here and nowhere else.

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export type PluralForms = Record<PluralCategory, string>;

/** A counted noun in its six Arabic forms; {n} stands for the formatted number. */
export const COUNTED: Record<'articles' | 'pages' | 'results' | 'problems' | 'minutes', PluralForms> = {
  articles: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{n} مقالات', many: '{n} مقالاً', other: '{n} مقال' },
  pages: { zero: 'لا صفحات', one: 'صفحة واحدة', two: 'صفحتان', few: '{n} صفحات', many: '{n} صفحة', other: '{n} صفحة' },
  results: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
  problems: { zero: 'لا مشكلات', one: 'مشكلة واحدة', two: 'مشكلتان', few: '{n} مشكلات', many: '{n} مشكلة', other: '{n} مشكلة' },
  // An article's reading time: zero is a text read in under a minute.
  minutes: { zero: 'أقل من دقيقة', one: 'دقيقة واحدة', two: 'دقيقتان', few: '{n} دقائق', many: '{n} دقيقة', other: '{n} دقيقة' },
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
  // The subscribe page's copy buttons, and the note atop a feed opened in a browser (feed-style.njk).
  copyLink: 'انسخ الرابط',
  copyFeedLink: 'انسخ الرابط: {feed}، {name}',
  linkCopied: 'نُسخ الرابط',
  linkCopyFailed: 'تعذّر النسخ: انسخ الرابط يدوياً',
  feedBrowserNote: 'هذه خلاصة أخبار تُقرأ في قارئ الخلاصات: انسخ رابط هذه الصفحة من شريط العنوان وأضفه إلى قارئك لتصلك آخر الأخبار أولاً بأول. وفيما يلي أحدث ما نُشر فيها.',
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
  // Segment-by-segment search, its third order, and the help when nothing is found (issue 12).
  searchSortRelevanceAll: 'الأكثر صلة في كل الأرشيف (أبطأ)',
  searchResultsSoFar: '{count} حتى الآن للبحث عن «{query}»',
  searchOlderNote: 'عُرضت نتائج الأرشيف الأحدث أولاً؛ «المزيد» يبحث في الأقدم.',
  searchUnderstood: 'بحثنا عن: {keys}',
  searchNoResultsHelp: 'جرّب:',
  searchDidYouMean: 'هل تقصد «{query}»؟',
  searchWithoutWord: 'البحث دون كلمة «{word}»',
  searchWithoutQuotes: 'البحث دون علامتي التنصيص',
  searchClearSection: 'البحث في كل الأقسام',
  searchClearYear: 'البحث في كل السنوات',
  searchBrowse: 'أو تصفّح الأقسام والأرشيف:',
  offlineTitle: 'البحث دون اتصال',
  offlineIntro: 'احفظ فهرس البحث والمقالات على هذا الجهاز لتبحث فيها وتقرأها دون اتصال بالإنترنت.',
  offlineSave: 'حفظ الأرشيف للبحث دون اتصال',
  offlineSize: 'حجم التنزيل: {size}.',
  offlineProgress: 'جارٍ الحفظ: {percent}',
  offlineSaved: 'الأرشيف محفوظ على هذا الجهاز: يعمل البحث دون اتصال.',
  offlineFailed: 'تعذّر حفظ الأرشيف. تحقّق من الاتصال وأعد المحاولة.',
  offlineOutdated: 'نُشرت نسخة أحدث من الموقع. أعد تحميل الصفحة ثم احفظ الأرشيف.',
  // The saved copy's state, its update, its second choice (the index alone), the notice on
  // a page served from it and the page for what was never saved (issue 12, item 4).
  offlineSaveSearch: 'حفظ فهرس البحث وحده',
  offlineSearchSize: 'فهرس البحث وحده، دون نصوص المقالات: {size}.',
  offlineSavedSearch: 'فهرس البحث محفوظ على هذا الجهاز: يعمل البحث دون اتصال، وتُفتح دون اتصال المقالات التي زرتها.',
  offlineCopyUpdate: 'نسختك المحفوظة من {date}؛ التحديث: {size}',
  offlineCopyCurrent: 'نسختك المحفوظة من {date}، وهي أحدث نسخة.',
  offlineCopySaved: 'نسختك المحفوظة من {date}.',
  offlineSearchCopyUpdate: 'فهرس البحث المحفوظ من {date}؛ التحديث: {size}',
  offlineSearchCopyCurrent: 'فهرس البحث المحفوظ من {date}، وهو أحدث نسخة.',
  offlineSearchCopySaved: 'فهرس البحث المحفوظ من {date}.',
  offlineUpdateFailed: 'تعذّر إكمال التحديث، ونسختك السابقة باقية كما هي. أعد المحاولة حين يعود الاتصال.',
  offlineCopyNotice: 'أنت دون اتصال: هذه نسخة محفوظة من {date}.',
  offlinePageTitle: 'الصفحة غير محفوظة',
  offlinePageText: 'أنت دون اتصال، وهذه الصفحة غير محفوظة على هذا الجهاز.',
  offlinePageHint: 'إن كنت حفظت الأرشيف، فابحث فيه واقرأ مقالاته دون اتصال.',
  offlinePageSearch: 'البحث في النسخة المحفوظة',
  offlineNoSpace: 'لا تتسع مساحة التخزين على هذا الجهاز لهذا الحفظ، ونسختك السابقة (إن وُجدت) باقية كما هي. جرّب حفظ فهرس البحث وحده.',
  // Front page, navigation, archive, pager and reader furniture (issue 13, items 7–10).
  moreLinks: 'المزيد',
  breadcrumb: 'مسار التنقل',
  readingTime: '{duration} للقراءة',
  archiveYearTitle: 'أرشيف {year}',
  archiveMonths: 'أشهر {year}',
  archiveYearLink: 'أرشيف سنة {year}',
  previousMonth: 'الشهر السابق',
  nextMonth: 'الشهر التالي',
  previousYear: 'السنة السابقة',
  nextYear: 'السنة التالية',
  monthNavigation: 'التنقل بين الأشهر',
  yearNavigation: 'التنقل بين السنوات',
  notFoundSearch: 'ابحث في الموقع عمّا كنت تطلبه:',
  notFoundLatest: 'آخر ما نُشر',
  printAddress: 'رابط المقال:',
  // An article's time and last update, its picture and the share button (issue 13, items 5 and 6).
  dateAtTime: '{date}، الساعة {time}',
  lastUpdated: 'آخر تحديث: {date}',
  imageCredit: 'الصورة: {credit}',
  siteImageAlt: 'شعار {name}',
  shareButton: 'مشاركة',
} as const;

export type StringKey = keyof typeof STRINGS;

// What an editor sees when an article cannot be built: in the terminal (`npm run build`,
// `npm start`) and in the preview's overlay. problem-messages.ts puts each beside its
// English wording. {field} is the field as the file writes it, {name} its Arabic name.

/** The fields' Arabic names, for the fixes ("ضع العنوان بين علامتي تنصيص"). */
export const EDITOR_FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'العنوان', section: 'القسم', date: 'التاريخ', updated: 'تاريخ التحديث', excerpt: 'الملخص',
  tags: 'الوسوم', byline: 'سطر التوقيع', author: 'اسم الكاتب', place: 'المكان', id: 'المعرّف', draft: 'حقل المسودة',
  image: 'الصورة',
};

/** A problem and its fix, by problem code (content-problem.ts); fixNearest when a nearest match is known. */
export const EDITOR_PROBLEMS = {
  unquotedColon: { problem: 'في {name} نقطتان (:) وهو ليس بين علامتي تنصيص', fix: 'ضع {name} بين علامتي تنصيص: {field}: "…"' },
  unclosedQuote: { problem: 'علامة التنصيص التي تفتح {name} لا تُغلق', fix: 'أغلق علامة التنصيص في آخر السطر نفسه' },
  needsQuotes: { problem: '{name} يبدأ بمحرف له معنى خاص في الترويسة ({value})', fix: 'ضع {name} بين علامتي تنصيص: {field}: "…"' },
  textAfterQuote: { problem: 'بعد علامة التنصيص التي تغلق {name} نص آخر (علامة تنصيص داخل النص أغلقته)', fix: 'ضع {name} كله بين علامتي تنصيص، واستعمل داخله «» أو علامة التنصيص الأخرى' },
  badIndentation: { problem: 'إزاحة خاطئة: السطر يبدأ بمسافات في غير موضعها', fix: 'احذف المسافات في أول السطر (وعناصر القائمة الواحدة تُزاح بالقدر نفسه)' },
  tabIndentation: { problem: 'أُزيح السطر بمحرف جدولة (Tab)', fix: 'أزح السطر بمسافات لا بمحرف الجدولة' },
  noFrontMatter: { problem: 'الملف لا يبدأ بترويسة (سطر ---)', fix: 'ابدأ الملف بسطر --- ثم الحقول ثم سطر --- قبل نص المقال' },
  noClosingDelimiter: { problem: 'الترويسة لا تُغلق بسطر ---', fix: 'أضف سطراً فيه --- وحده بعد آخر حقل وقبل نص المقال' },
  duplicateField: { problem: 'الحقل {field} مكتوب مرتين', fix: 'احذف أحد السطرين' },
  invalidYaml: { problem: 'في صياغة الترويسة خطأ', fix: 'راجع هذا السطر والسطر الذي قبله' },
  missing: { problem: 'الحقل {field} مفقود', fix: 'أضف سطراً: {field}: …' },
  unknownField: { problem: 'الحقل {field} غير معروف', fix: 'صحّح اسمه أو احذف السطر', fixNearest: 'هل تقصد {nearest}؟ صحّح اسمه أو احذف السطر' },
  text: { problem: '{name} ({field}) يجب أن يكون نصاً غير فارغ', fix: 'اكتب {name} نصاً، بين علامتي تنصيص إن كان فيه نقطتان' },
  hex16: { problem: '{field} يجب أن يكون 16 خانة ست عشرية صغيرة', fix: 'أعد القيمة التي كتبها الإدخال' },
  hex64: { problem: '{field} يجب أن يكون 64 خانة ست عشرية صغيرة', fix: 'أعد القيمة التي كتبها الإدخال' },
  date: { problem: '{name} ({field}) ليس تاريخاً صحيحاً: {value}', fix: "اكتبه بين علامتي تنصيص هكذا: '2017-07-05' أو '2017-07-05T09:30:00+03:00'" },
  bareDate: { problem: '{name} ({field}) غير محاط بعلامتي تنصيص', fix: "ضع التاريخ بين علامتي تنصيص: {field}: '{value}'" },
  dateSource: { problem: '{field} يجب أن يكون إحدى القيم: manifest أو line أو option أو mtime', fix: 'اختر إحدى هذه القيم' },
  excerpt: { problem: '{name} ({field}) يجب أن يكون نصاً', fix: 'ضع الملخص بين علامتي تنصيص' },
  tags: { problem: '{name} ({field}) يجب أن تكون قائمة نصوص غير فارغة', fix: 'اكتب كل وسم في سطر يبدأ بـ «  - »، بين علامتي تنصيص إن كان فيه نقطتان' },
  boolean: { problem: '{field} يجب أن يكون true أو false', fix: 'اكتب true أو false' },
  unknownSection: { problem: 'القسم «{value}» ليس من أقسام الموقع ({allowed})', fix: 'صحّح القسم، أو أضف القسم الجديد إلى scripts/lib/config/site.ts', fixNearest: 'هل تقصد «{nearest}»؟ صحّح القسم، أو أضف القسم الجديد إلى scripts/lib/config/site.ts' },
  duplicateId: { problem: 'المعرّف {value} هو أيضاً معرّف {other}', fix: 'لكل مقال معرّف خاص به: احذف الملف المكرر' },
  image: { problem: '{name} ({field}) يجب أن تكون ملفاً (src) بامتداد jpg أو jpeg أو png أو webp داخل content/ ونصاً بديلاً (alt)، ولها إن شئت تعليق (caption) ومصدر (credit)', fix: 'اكتبها في أسطر مزاحة تحت image:، مثل «  src: images/2017/damascus.jpg» و«  alt: "سوق الحميدية صباحاً"»' },
  missingImage: { problem: 'ملف الصورة {value} غير موجود', fix: 'ضع الصورة في {value} أو صحّح مسارها في src (وهو داخل content/)' },
  notAnImage: { problem: 'الملف {value} ليس صورة JPEG أو PNG أو WebP تُقرأ', fix: 'احفظ الصورة من جديد بإحدى هذه الصيغ' },
} as const;

/**
 * The site's language as each format names it: the pages' lang and dir, Intl's locale
 * for dates and numbers, Open Graph's og:locale. Feeds and sitemaps say the language.
 */
export const LOCALE = { language: 'ar', direction: 'rtl', tag: 'ar-SY', openGraph: 'ar_SY' } as const;

export const EDITOR_STRINGS = {
  /** The report's first line ({count}: مشكلة واحدة، مشكلتان…). */
  problemsFound: 'تعذّر البناء: {count} في المقالات',
  /** Where a problem is: the line. */
  atLine: 'السطر {line}',
  siteUntouched: 'لم يتغيّر الموقع السابق في {output}.',
  previewFailed: 'تعذّر تحديث المعاينة',
  previewKeepsLastGood: 'تعرض المعاينة آخر نسخة سليمة من الموقع. صحّح ما يلي واحفظ الملف: تختفي هذه الرسالة وتُحدَّث الصفحة.',
  buildError: 'خطأ في البناء',
  /** The preview's page before any build has succeeded. */
  previewNoSiteYet: 'لا موقع للمعاينة بعد: لم ينجح أي بناء حتى الآن. صحّح ما تعرضه الرسالة واحفظ الملف: تظهر الصفحة.',
} as const;

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
