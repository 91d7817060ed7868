// The site's structure from a handful of hand-made articles: order, pagination of every
// list kind, sections, tag slugs, the date archive and each article's neighbours.
import { describe, expect, it } from 'vitest';
import {
  buildNewsIndex, pagePath, yearCalendar, type IndexInput, type IndexOptions, type ListKind, type ListPage, type NewsIndex,
} from '../../scripts/lib/site/news-index.ts';

interface ArticleSpec {
  section?: string;
  sectionSlug?: string;
  tags?: string[];
  /** YYYY-MM-DD, optionally with THH:MM (UTC). */
  date?: string;
}

/** An index input whose item is its own id, so results read as lists of ids. */
function article(id: string, { section = 'سورية', sectionSlug = 'syria', tags = [], date = '2017-07-05' }: ArticleSpec = {}): IndexInput<string> {
  const [day, time = '00:00'] = date.split('T') as [string, string?];
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return {
    id, section, sectionSlug, tags, item: id, year, month,
    timestamp: Date.UTC(year, month - 1, dayOfMonth, hour, minute),
  };
}

/** Articles a01, a02 … one day apart in July 2017, a01 the oldest. */
function daily(count: number, spec: ArticleSpec = {}): IndexInput<string>[] {
  return Array.from({ length: count }, (_, index) =>
    article(`a${String(index + 1).padStart(2, '0')}`, { ...spec, date: `2017-07-${String(index + 1).padStart(2, '0')}` }));
}

const OPTIONS: IndexOptions = {
  perPage: 2,
  sectionOrder: ['سورية', 'اقتصاد', 'رياضة'],
  tagSlugs: new Map(),
  newestPerSection: 2,
  relatedCount: 3,
  relatedWindow: 6,
};

function build(inputs: IndexInput<string>[], options: Partial<IndexOptions> = {}): NewsIndex<string> {
  return buildNewsIndex(inputs, { ...OPTIONS, ...options });
}

function pagesOf(index: NewsIndex<string>, kind: ListKind, key: string): ListPage<string>[] {
  return index.listPages.filter((page) => page.kind === kind && page.key === key);
}

function slugOf(index: NewsIndex<string>, tag: string): string | undefined {
  return index.tags.find((entry) => entry.name === tag)?.slug;
}

describe('pagePath', () => {
  it.each([
    ['/', 1, '/page/1/'],
    ['/', 2, '/page/2/'],
    ['/sections/syria/', 1, '/sections/syria/page/1/'],
    ['/sections/syria/', 3, '/sections/syria/page/3/'],
    ['/archive/2017/07/', 12, '/archive/2017/07/page/12/'],
  ])('puts page %2$i of %1$s at %3$s', (basePath, pageNumber, expected) => {
    expect(pagePath(basePath, pageNumber)).toBe(expected);
  });
});

describe('the article list', () => {
  it('runs newest first, breaking ties of the same moment by id', () => {
    const index = build([
      article('b', { date: '2017-07-05' }),
      article('d', { date: '2017-07-01' }),
      article('c', { date: '2017-07-06' }),
      article('a', { date: '2017-07-05' }),
      article('e', { date: '2017-07-05T10:30' }),
    ]);
    expect(index.articles).toEqual(['c', 'e', 'a', 'b', 'd']);
  });

  it('does not depend on the order the articles come in', () => {
    const inputs = [...daily(6), article('x', { date: '2017-07-03' })];
    expect(build([...inputs].reverse()).articles).toEqual(build(inputs).articles);
    expect(build(inputs).articles).toEqual(['a06', 'a05', 'a04', 'a03', 'x', 'a02', 'a01']);
  });
});

describe('list pages', () => {
  const inputs = daily(5, { section: 'اقتصاد', sectionSlug: 'economy', tags: ['دمشق'] });
  const index = build(inputs, { tagSlugs: new Map([['دمشق', 'damascus']]) });

  it.each([
    ['home', '', '/'],
    ['section', 'اقتصاد', '/sections/economy/'],
    ['tag', 'دمشق', '/tags/damascus/'],
    ['month', '2017/07', '/archive/2017/07/'],
  ] as const)('pages the %s list «%s» from the oldest end: the first page holds the newest, page 1 the oldest run', (kind, key, first) => {
    const pages = pagesOf(index, kind, key);
    expect(pages.map((page) => page.path)).toEqual([first, `${first}page/1/`]);
    expect(pages.map((page) => page.items)).toEqual([['a05', 'a04', 'a03'], ['a02', 'a01']]);
    expect(pages.map((page) => page.pageNumber)).toEqual([undefined, 1]);
    expect(pages.map((page) => page.total)).toEqual([5, undefined]);
    for (const page of pages) expect(page.basePath).toBe(first);
    expect(pages.map((page) => page.newerPath)).toEqual([undefined, first]);
    expect(pages.map((page) => page.olderPath)).toEqual([`${first}page/1/`, undefined]);
  });

  it('gives month pages their year and month', () => {
    const pages = pagesOf(index, 'month', '2017/07');
    expect(pages.map((page) => [page.year, page.month])).toEqual([[2017, 7], [2017, 7]]);
  });

  it.each([
    ['no articles', 0, [0]],
    ['one article', 1, [1]],
    ['exactly perPage articles', 4, [4]],
    ['perPage + 1 articles', 5, [5]],
    ['2·perPage − 1 articles', 7, [7]],
    ['exactly two runs', 8, [4, 4]],
    ['two runs and one article', 9, [5, 4]],
    ['three runs', 12, [4, 4, 4]],
  ])('makes a home list of %s (%i) into pages of %j articles, newest first', (_case, count, sizes) => {
    const pages = pagesOf(build(daily(count), { perPage: 4 }), 'home', '');
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.flatMap((page) => page.items)).toEqual(daily(count).map((input) => input.id).reverse());
    expect(pages.at(-1)?.olderPath).toBeUndefined();
  });

  it('links a deep page to both ends and its neighbours', () => {
    const pages = pagesOf(build(daily(16), { perPage: 4 }), 'home', '');
    expect(pages.map((page) => page.path)).toEqual(['/', pagePath('/', 3), pagePath('/', 2), pagePath('/', 1)]);
    const middle = pages[2];
    expect(middle).toMatchObject({ newerPath: '/page/3/', olderPath: '/page/1/', newestPath: '/', oldestPath: '/page/1/' });
    expect(pages[0]).toMatchObject({ olderPath: '/page/3/', oldestPath: '/page/1/' });
  });

  it('changes at most the first page and three deep pages when an article is published', () => {
    const describe = (count: number): Map<string, string> => new Map(pagesOf(build(daily(count), { perPage: 3 }), 'home', '')
      .map((page) => [page.path, JSON.stringify(page)]));
    for (let count = 0; count < 40; count += 1) {
      const before = describe(count);
      const after = describe(count + 1);
      const changed = [...after].filter(([path, page]) => before.get(path) !== page).map(([path]) => path);
      // The first page; when a run fills, the new deep page, the deep page that linked to the
      // first, and the one below it, whose pager now has a gap before the newest (list-pager.ts).
      expect(changed.length, `${count} → ${count + 1}: ${changed.join(' ')}`).toBeLessThanOrEqual(4);
      const deepAfter = after.size - 1;
      const deepChanged = changed.filter((path) => path !== '/').map((path) => Number(/\/page\/(\d+)\//.exec(path)?.[1]));
      expect(deepChanged.every((number) => number >= deepAfter - 2), `${count + 1}: ${changed.join(' ')}`).toBe(true);
      expect([...before.keys()].every((path) => after.has(path)), `a page vanished at ${count + 1}`).toBe(true);
    }
  });
});

describe('sections', () => {
  it('are ordered as configured, then unknown sections by name, leaving out empty ones', () => {
    const index = build([
      article('r1', { section: 'رياضة', sectionSlug: 'sports' }),
      article('m1', { section: 'منوعات', sectionSlug: 'mnwaat' }),
      article('s1', { section: 'سورية', sectionSlug: 'syria' }),
      article('t1', { section: 'تكنولوجيا', sectionSlug: 'tknwlwjya' }),
      article('r2', { section: 'رياضة', sectionSlug: 'sports', date: '2017-07-06' }),
    ]);
    expect(index.sections.map((section) => [section.name, section.slug, section.count, section.path])).toEqual([
      ['سورية', 'syria', 1, '/sections/syria/'],
      ['رياضة', 'sports', 2, '/sections/sports/'],
      ['تكنولوجيا', 'tknwlwjya', 1, '/sections/tknwlwjya/'],
      ['منوعات', 'mnwaat', 1, '/sections/mnwaat/'],
    ]);
    expect(pagesOf(index, 'section', 'رياضة').map((page) => page.items)).toEqual([['r2', 'r1']]);
  });

  // s4, s3 … are the newest; the front page's latest news is the home list's first page.
  it.each([
    [2, 0, [[], []]],
    [2, 1, [['s2'], ['e2']]],
    [2, 2, [['s2', 's1'], ['e2', 'e1']]],
    [2, 3, [['s2', 's1'], ['e2', 'e1']]],
    [3, 2, [['s1'], ['e2', 'e1']]],
    [6, 2, [[], []]],
  ])('with %i articles a page, show up to %i of each section\'s newest for the home page, leaving out those its latest news shows', (perPage, newestPerSection, expected) => {
    const index = build([
      ...['s1', 's2', 's3', 's4'].map((id, position) => article(id, { date: `2017-07-0${position + 1}` })),
      ...['e1', 'e2'].map((id, position) => article(id, { section: 'اقتصاد', sectionSlug: 'economy', date: `2017-06-0${position + 1}` })),
    ], { perPage, newestPerSection });
    expect(index.sections.map((section) => section.newest)).toEqual(expected);
  });

  it('never show a story twice on the front page, whatever the number of articles', () => {
    for (let count = 0; count < 60; count += 1) {
      const inputs = daily(count).map((input, position) => ({ ...input, section: ['سورية', 'اقتصاد', 'رياضة'][position % 3] as string }));
      const index = build(inputs, { perPage: 4, newestPerSection: 3 });
      const latest = pagesOf(index, 'home', '')[0]?.items ?? [];
      const blocks = index.sections.flatMap((section) => section.newest);
      expect([...latest, ...blocks].length, `${count} articles`).toBe(new Set([...latest, ...blocks]).size);
      for (const section of index.sections) expect(section.newest.length).toBe(Math.min(3, section.count - latest.filter((id) => inputs.find((input) => input.id === id)?.section === section.name).length));
    }
  });
});

describe('tag slugs', () => {
  it('use the configured slug, and transliterate a tag that has none', () => {
    const index = build([article('a', { tags: ['دمشق', 'حلب'] })], { tagSlugs: new Map([['دمشق', 'damascus']]) });
    expect(slugOf(index, 'دمشق')).toBe('damascus');
    expect(slugOf(index, 'حلب')).toBe('hlb');
    expect(index.tags.find((tag) => tag.name === 'حلب')?.path).toBe('/tags/hlb/');
  });

  it.each([
    ['alef and ain', 'امل', 'عمل', 'aml'],
    ['ta marbuta and ha', 'حماة', 'حماه', 'hmah'],
  ])('stay unique when two tags differ only in %s: %s and %s', (_case, first, second, slug) => {
    for (const tags of [[first, second], [second, first]]) {
      const index = build([article('a', { tags: [tags[0] as string] }), article('b', { tags: [tags[1] as string] })]);
      expect(slugOf(index, first)).toBe(slug);
      expect(slugOf(index, second)).toBe(`${slug}-2`);
    }
  });

  it('fall back to the transliteration when a configured slug is already taken', () => {
    const index = build([article('a', { tags: ['اقتصاد', 'الاقتصاد'] })], {
      tagSlugs: new Map([['اقتصاد', 'economy'], ['الاقتصاد', 'economy']]),
    });
    expect(slugOf(index, 'اقتصاد')).toBe('economy');
    expect(slugOf(index, 'الاقتصاد')).toBe('alaqtsad');
  });

  it('number a transliteration that clashes with a configured slug', () => {
    const index = build([article('a', { tags: ['اقتصاد', 'Economy'] })], { tagSlugs: new Map([['اقتصاد', 'economy']]) });
    expect(slugOf(index, 'اقتصاد')).toBe('economy');
    expect(slugOf(index, 'Economy')).toBe('economy-2');
  });

  it('are ASCII and unique across many similar tags', () => {
    const tags = ['حماة', 'حماه', 'حماة!', 'امل', 'عمل', 'أمل', '★', '☆', 'سورية', 'سوريه'];
    const index = build(tags.map((tag, position) => article(`t${position}`, { tags: [tag] })));
    const slugs = index.tags.map((tag) => tag.slug);
    expect(slugs).toHaveLength(tags.length);
    expect(new Set(slugs).size).toBe(tags.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('tags', () => {
  it('are counted once per article and listed by count, then name', () => {
    const index = build([
      article('a', { tags: ['حلب', 'دمشق', 'دمشق'] }),
      article('b', { tags: ['دمشق'] }),
      article('c', { tags: ['إدلب'] }),
    ]);
    expect(index.tags.map((tag) => [tag.name, tag.count])).toEqual([['دمشق', 2], ['إدلب', 1], ['حلب', 1]]);
    expect(index.contextById.get('a')?.tags.map((tag) => tag.name)).toEqual(['حلب', 'دمشق']);
  });
});

describe('the date archive', () => {
  it('groups years and months newest first, with counts and paths', () => {
    const index = build([
      article('a', { date: '2017-01-10' }),
      article('b', { date: '2016-12-31' }),
      article('c', { date: '2017-07-05' }),
      article('d', { date: '2017-07-01' }),
      article('e', { date: '2017-01-02' }),
      article('f', { date: '2017-07-20' }),
    ]);
    expect(index.archive).toEqual([
      {
        year: 2017, count: 5, path: '/archive/2017/', months: [
          { year: 2017, month: 7, count: 3, path: '/archive/2017/07/' },
          { year: 2017, month: 1, count: 2, path: '/archive/2017/01/' },
        ],
      },
      { year: 2016, count: 1, path: '/archive/2016/', months: [{ year: 2016, month: 12, count: 1, path: '/archive/2016/12/' }] },
    ]);
    expect(pagesOf(index, 'month', '2017/01').map((page) => page.items)).toEqual([['a', 'e']]);
    expect(index.listPages.filter((page) => page.kind === 'month').map((page) => page.path)).toEqual([
      '/archive/2017/07/', '/archive/2017/01/', '/archive/2016/12/',
    ]);
  });
});

describe('the archive\'s months and years', () => {
  const index = build([
    article('a', { date: '2017-01-10' }),
    article('b', { date: '2016-12-31' }),
    article('c', { date: '2017-07-05' }),
    article('d', { date: '2017-07-01' }),
    article('e', { date: '2017-01-02' }),
  ], { perPage: 1 });

  it('link each page of a month to the months beside it that have articles, across years, and to its year', () => {
    const neighbours = (key: string): unknown[] => pagesOf(index, 'month', key).map((page) => [page.newerMonth?.path, page.olderMonth?.path, page.yearPath]);
    expect(neighbours('2017/07')).toEqual([[undefined, '/archive/2017/01/', '/archive/2017/'], [undefined, '/archive/2017/01/', '/archive/2017/']]);
    expect(neighbours('2017/01')).toEqual([['/archive/2017/07/', '/archive/2016/12/', '/archive/2017/'], ['/archive/2017/07/', '/archive/2016/12/', '/archive/2017/']]);
    expect(neighbours('2016/12')).toEqual([['/archive/2017/01/', undefined, '/archive/2016/']]);
    expect(pagesOf(index, 'month', '2016/12')[0]?.newerMonth).toEqual({ year: 2017, month: 1, path: '/archive/2017/01/' });
  });

  it('lay a year out as its twelve months, January first, linking only those with articles', () => {
    const calendar = yearCalendar(index.archive[0] as NewsIndex<string>['archive'][number]);
    expect(calendar).toHaveLength(12);
    expect(calendar.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calendar.filter((month) => month.path)).toEqual([
      { month: 1, count: 2, path: '/archive/2017/01/' },
      { month: 7, count: 2, path: '/archive/2017/07/' },
    ]);
    expect(calendar[1]).toEqual({ month: 2, count: 0 });
  });
});

describe('article context', () => {
  const index = build([
    article('s1', { date: '2017-07-01' }),
    article('e1', { section: 'اقتصاد', sectionSlug: 'economy', date: '2017-07-02' }),
    article('s2', { date: '2017-07-03' }),
    article('e2', { section: 'اقتصاد', sectionSlug: 'economy', date: '2017-07-04' }),
    article('s3', { date: '2017-07-05' }),
  ]);

  it.each([
    ['s1', undefined, 's2'],
    ['s2', 's1', 's3'],
    ['s3', 's2', undefined],
    ['e1', undefined, 'e2'],
    ['e2', 'e1', undefined],
  ])('gives %s the next older (%s) and next newer (%s) article of its section', (id, previous, next) => {
    const context = index.contextById.get(id);
    expect(context?.previous).toBe(previous);
    expect(context?.next).toBe(next);
  });

  it('names the article\'s section with its count and path', () => {
    expect(index.contextById.get('e1')?.section).toMatchObject({ name: 'اقتصاد', slug: 'economy', count: 2, path: '/sections/economy/' });
  });
});

describe('related articles', () => {
  it('never include the article itself', () => {
    const index = build(daily(8, { tags: ['دمشق'] }), { relatedCount: 10, relatedWindow: 10 });
    for (const [id, context] of index.contextById) {
      expect(context.related).not.toContain(id);
      expect(context.related).toHaveLength(7);
    }
  });

  it('prefer a shared tag over the same section alone, and more shared tags over fewer', () => {
    const index = build([
      article('me', { tags: ['دمشق', 'حلب'], date: '2017-07-10' }),
      article('same-section', { date: '2017-07-09' }),
      article('one-tag', { section: 'اقتصاد', sectionSlug: 'economy', tags: ['حلب'], date: '2017-01-01' }),
      article('two-tags', { section: 'رياضة', sectionSlug: 'sports', tags: ['حلب', 'دمشق'], date: '2016-01-01' }),
      article('unrelated', { section: 'رياضة', sectionSlug: 'sports', tags: ['إدلب'], date: '2017-07-10' }),
    ]);
    expect(index.contextById.get('me')?.related).toEqual(['two-tags', 'one-tag', 'same-section']);
  });

  it('break equal scores by closeness in time, then by id', () => {
    const index = build([
      article('me', { date: '2017-07-10' }),
      article('far', { date: '2017-07-01' }),
      article('near-b', { date: '2017-07-12' }),
      article('near-a', { date: '2017-07-08' }),
    ]);
    expect(index.contextById.get('me')?.related).toEqual(['near-a', 'near-b', 'far']);
  });

  it.each([0, 1, 3, 5])('number at most relatedCount (%i)', (relatedCount) => {
    const index = build(daily(12, { tags: ['دمشق'] }), { relatedCount });
    for (const context of index.contextById.values()) expect(context.related).toHaveLength(relatedCount);
  });

  it('are the same whatever order the articles come in', () => {
    const inputs = [
      ...daily(9, { tags: ['دمشق'] }),
      ...daily(9, { section: 'اقتصاد', sectionSlug: 'economy', tags: ['دمشق'] }).map((input) => ({ ...input, id: `e-${input.id}`, item: `e-${input.id}` })),
    ];
    const forwards = build(inputs);
    const backwards = build([...inputs].reverse());
    for (const [id, context] of forwards.contextById) expect(backwards.contextById.get(id)?.related, id).toEqual(context.related);
  });

  it('are empty for an article that shares nothing with any other', () => {
    const index = build([article('alone', { section: 'منوعات', sectionSlug: 'mnwaat' }), article('other', { tags: ['دمشق'] })]);
    expect(index.contextById.get('alone')?.related).toEqual([]);
  });
});

describe('a large archive', () => {
  // Not timed: it checks the index stays whole at scale; a slow run shows up as a slow test.
  it('indexes 20,000 articles in 7 sections and 50 tags completely', () => {
    const count = 20_000;
    const sections = ['سورية', 'عربي ودولي', 'اقتصاد', 'رياضة', 'ثقافة وفن', 'محليات', 'قضايا وآراء'];
    const tags = Array.from({ length: 50 }, (_, position) => `وسم ${position}`);
    const start = Date.UTC(2010, 0, 1);
    const inputs: IndexInput<string>[] = Array.from({ length: count }, (_, position) => {
      const timestamp = start + position * 3_600_000 * 5;
      const date = new Date(timestamp);
      const id = position.toString(16).padStart(16, '0');
      return {
        id, item: id, timestamp,
        section: sections[position % sections.length] as string,
        sectionSlug: `s${position % sections.length}`,
        tags: [tags[position % tags.length] as string, tags[(position * 7 + 3) % tags.length] as string],
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
      };
    });
    const relatedCount = 5;
    const index = buildNewsIndex(inputs, { ...OPTIONS, perPage: 20, relatedCount, sectionOrder: sections });

    const home = index.listPages.filter((page) => page.kind === 'home');
    expect(home).toHaveLength(count / 20);
    expect(home.reduce((sum, page) => sum + page.items.length, 0)).toBe(count);
    expect(index.articles).toHaveLength(count);
    expect(index.sections.reduce((sum, section) => sum + section.count, 0)).toBe(count);
    expect(index.archive.reduce((sum, year) => sum + year.count, 0)).toBe(count);
    expect(index.tags).toHaveLength(50);
    expect(index.tags.reduce((sum, tag) => sum + tag.count, 0)).toBe(2 * count);
    expect(index.contextById.size).toBe(count);
    for (const input of inputs) {
      const context = index.contextById.get(input.id);
      expect(context).toBeDefined();
      expect(context?.related.length).toBeGreaterThan(0);
      expect(context?.related.length).toBeLessThanOrEqual(relatedCount);
    }
    const itemsByList = new Map<string, { total: number; items: number }>();
    for (const page of index.listPages) {
      const list = itemsByList.get(page.basePath) ?? { total: 0, items: 0 };
      if (page.total !== undefined) list.total = page.total;
      list.items += page.items.length;
      itemsByList.set(page.basePath, list);
    }
    for (const [basePath, list] of itemsByList) expect(list.items, basePath).toBe(list.total);
  });
});
