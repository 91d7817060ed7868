// What the benchmark corpus looks like: how often each section, byline kind, date form and
// gazetteer name turns up, and the pools of people, places and phrases mixed into the
// sentences of the sample articles. Data, not code: tune freely (the corpus changes with it).

/** Share of articles per section name (the site's section table; weights, not percentages). */
export const SECTION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['سورية', 30], ['عربي ودولي', 20], ['اقتصاد', 15], ['محليات', 12],
  ['رياضة', 10], ['ثقافة وفن', 8], ['قضايا وآراء', 5],
];

export type BylineKind = 'agency' | 'place-author' | 'author' | 'none';

export const BYLINE_WEIGHTS: readonly (readonly [BylineKind, number])[] = [
  ['agency', 25], ['place-author', 35], ['author', 20], ['none', 20],
];
/** Opinion pieces are signed: mostly a bare author. */
export const OPINION_BYLINE_WEIGHTS: readonly (readonly [BylineKind, number])[] = [
  ['author', 85], ['place-author', 10], ['none', 5],
];
export const AGENCY_CREDITS = ['وكالات', 'وكالات', 'وكالات', 'سانا', 'رويترز'] as const;

export type DateLineForm = 'iso' | 'levantine-weekday' | 'levantine' | 'egyptian' | 'arabic-indic' | 'arabic-indic-egyptian';

export const DATE_LINE_WEIGHTS: readonly (readonly [DateLineForm, number])[] = [
  ['iso', 30], ['levantine-weekday', 25], ['levantine', 15], ['egyptian', 15], ['arabic-indic', 10], ['arabic-indic-egyptian', 5],
];

/** Egyptian month names as raw pages write them, January first (read by ingest, never shown). */
export const EGYPTIAN_MONTH_NAMES = [
  'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
] as const;

export interface DatingShares {
  /** Files whose manifest row gives the date. */
  manifestDate: number;
  /** Of those, the share whose manifest date is a full ISO 8601 time with offset. */
  manifestIsoTime: number;
  /** Of those, the share that also carries a date line (the page's own, agreeing). */
  manifestWithDateLine: number;
  /** Of the files left to their date line, the share that still has a manifest row (URL only). */
  lineDatedWithUrlRow: number;
}

export const DATING: DatingShares = { manifestDate: 0.75, manifestIsoTime: 0.3, manifestWithDateLine: 0.5, lineDatedWithUrlRow: 0.5 };

/** Calendar days articles are spread over, both included. */
export const FIRST_DAY = '2016-01-01';
export const LAST_DAY = '2025-12-31';

/** A span of calendar days (YYYY-MM-DD), both included. */
export interface DayRange {
  first: string;
  last: string;
}

export const CORPUS_DAYS: DayRange = { first: FIRST_DAY, last: LAST_DAY };

/** Words in an article's body. */
export const BODY_WORDS = { min: 600, max: 900 } as const;

export interface LayoutShares {
  /** Files with the site's trailing chrome (زر الذهاب إلى الأعلى / صحيفة الوطن). */
  trailingBoilerplate: number;
  /** Of those, files with the share buttons before it. */
  shareButtons: number;
  /** Files with blank lines between the header lines, as most scraped pages have. */
  blankHeaderLines: number;
  /** Files with a blank line between body paragraphs. */
  blankParagraphLines: number;
  crlf: number;
  byteOrderMark: number;
  /** Files with a final newline. */
  finalNewline: number;
}

export const LAYOUT: LayoutShares = {
  trailingBoilerplate: 0.85, shareButtons: 0.2, blankHeaderLines: 0.7, blankParagraphLines: 0.2,
  crlf: 0.05, byteOrderMark: 0.03, finalNewline: 0.6,
};

export const TRAILING_BOILERPLATE = ['زر الذهاب إلى الأعلى', 'صحيفة الوطن'] as const;
export const SHARE_BUTTONS = ['شارك', 'فيسبوك', 'تويتر', 'واتساب', 'تيلقرام', 'طباعة'] as const;

/**
 * How often an article mentions each gazetteer tag (by slug): a base rate, raised in the
 * sections where the name belongs. A tag not listed here is mentioned at DEFAULT_TAG_RATE.
 */
export const TAG_MENTION_RATES: Readonly<Record<string, { base: number; bySection?: Readonly<Record<string, number>> }>> = {
  syria: { base: 0.35, bySection: { syria: 0.6 } },
  damascus: { base: 0.2, bySection: { local: 0.7, culture: 0.3 } },
  russia: { base: 0.05, bySection: { 'arab-world': 0.3, syria: 0.15 } },
  iran: { base: 0.04, bySection: { 'arab-world': 0.25, syria: 0.12 } },
  'united-states': { base: 0.05, bySection: { 'arab-world': 0.35, economy: 0.1 } },
  terrorism: { base: 0.04, bySection: { syria: 0.2, 'arab-world': 0.15 } },
  tehran: { base: 0.01, bySection: { 'arab-world': 0.1 } },
  moscow: { base: 0.01, bySection: { 'arab-world': 0.12 } },
  'syrian-pound': { base: 0.03, bySection: { economy: 0.5 } },
  'central-bank-of-syria': { base: 0.005, bySection: { economy: 0.25 } },
  reconstruction: { base: 0.03, bySection: { economy: 0.15, opinion: 0.25 } },
  water: { base: 0.02, bySection: { local: 0.35 } },
  football: { base: 0.003, bySection: { sports: 0.6 } },
  'book-fair': { base: 0.001, bySection: { culture: 0.15 } },
  'al-assad-national-library': { base: 0.001, bySection: { culture: 0.08 } },
};
export const DEFAULT_TAG_RATE = 0.02;

/** Places for bylines and sentences: none of them a gazetteer name. */
export const PLACES = [
  'حلب', 'حمص', 'حماة', 'اللاذقية', 'طرطوس', 'درعا', 'السويداء', 'القنيطرة', 'إدلب', 'الرقة',
  'دير الزور', 'الحسكة', 'القامشلي', 'تدمر', 'بانياس', 'جبلة', 'صافيتا', 'النبك', 'يبرود', 'الزبداني',
  'جرمانا', 'صحنايا', 'دوما', 'حرستا', 'قطنا', 'السلمية', 'مصياف', 'منبج', 'البوكمال', 'الميادين',
  'بيروت', 'عمّان', 'القاهرة', 'بغداد', 'الرياض', 'أنقرة', 'جنيف', 'باريس', 'بكين', 'نيويورك',
] as const;

export const FIRST_NAMES = [
  'رامي', 'سامر', 'محمد', 'أحمد', 'علي', 'حسن', 'محمود', 'خالد', 'عمر', 'يوسف', 'إبراهيم', 'بسام',
  'نبيل', 'فادي', 'مازن', 'وائل', 'هشام', 'جمال', 'عماد', 'غسان', 'زياد', 'طارق', 'ماهر', 'باسل',
  'سارة', 'هبة', 'ريم', 'لينا', 'رنا', 'منى', 'ديما', 'سلمى', 'نور', 'هالة', 'عبير', 'ميس',
] as const;

export const FAMILY_NAMES = [
  'سلوم', 'حداد', 'طعمة', 'سلامة', 'الحلاق', 'الشبلي', 'عثمان', 'الخطيب', 'نصر', 'حمدان', 'عيسى', 'يونس',
  'الأحمد', 'المصري', 'الحمصي', 'الحلبي', 'قاسم', 'منصور', 'ديب', 'شاهين', 'خليل', 'موسى', 'زيدان', 'العلي',
  'الرفاعي', 'النجار', 'العطار', 'السقا', 'الجندي', 'الزين', 'بركات', 'حيدر', 'صالح', 'معروف', 'كنعان', 'الشامي',
] as const;

/** Titles some opinion writers sign with. */
export const AUTHOR_TITLES = ['د.', 'م.', 'أ.'] as const;

export const ROLES = [
  'وزير الاقتصاد', 'وزير التربية', 'مدير المؤسسة', 'رئيس اللجنة', 'عضو مجلس الشعب', 'الخبير الاقتصادي',
  'مدير التربية', 'رئيس مجلس المدينة', 'مدرب الفريق', 'الكاتب', 'الباحث', 'مدير الصحة', 'رئيس الاتحاد',
  'المتحدث باسم الوزارة', 'مدير الزراعة', 'رئيس غرفة التجارة',
] as const;

/**
 * Clause frames that bring people, places and numbers into the text: {person}, {role},
 * {place} and {number} are filled per use.
 */
export const CLAUSE_FRAMES = [
  'وقال {role} {person} في تصريح لـ«الوطن»',
  'بحسب ما أفاد {role} في {place}',
  'وذلك خلال اجتماع عقد أمس في {place} بحضور {person}',
  'وأشار {person} إلى أن العمل مستمر في {place} منذ {number} أشهر',
  'في حين بلغت قيمة المشروع نحو {number} مليون دولار',
  'ومن المتوقع أن يبدأ التنفيذ خلال {number} يوماً',
  'وشارك في الفعالية {number} شخصاً من أبناء {place}',
  'وأوضح {role} أن الخطة تشمل {number} موقعاً في ريف {place}',
  'ولفت {person} إلى أن نسبة الإنجاز تجاوزت {number} بالمئة',
  'كما التقى {role} وفداً من {place} لبحث الواقع الخدمي',
] as const;

/** Frames that make an article mention a gazetteer name: {name} is the tag's name, {clause} a neutral clause. */
export const MENTION_FRAMES = ['وفي {name}، {clause}', '{clause} في {name}', '{clause}، وفق ما نقلت مصادر في {name}'] as const;
