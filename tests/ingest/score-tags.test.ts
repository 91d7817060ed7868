// The tags an article gets: what it is about, weighed by where each name stands, never a
// passing mention, never a currency's adjective, a few at most and always in one order.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestSettings, type TagDefinition, type TagScoring } from '../../scripts/lib/config/ingest-settings.ts';
import { siteSettings } from '../support/site-settings.ts';
import { buildArticle } from '../../scripts/lib/ingest/build-article.ts';
import { compileTagMatcher } from '../../scripts/lib/ingest/match-tags.ts';
import { parseRawArticle } from '../../scripts/lib/ingest/parse-raw-article.ts';
import { chooseTags, scoreTags } from '../../scripts/lib/ingest/score-tags.ts';

const GAZETTEER: TagDefinition[] = [
  { name: 'سورية', slug: 'syria', forms: ['سورية', 'السوري', 'السورية'] },
  { name: 'إيران', slug: 'iran', forms: ['إيران', 'الإيرانية'] },
  { name: 'روسيا', slug: 'russia', forms: ['روسيا'] },
  { name: 'العراق', slug: 'iraq', forms: ['العراق'] },
  { name: 'لبنان', slug: 'lebanon', forms: ['لبنان'] },
  { name: 'فرنسا', slug: 'france', forms: ['فرنسا'] },
];
const SCORING: TagScoring = { headlineWeight: 3, leadWeight: 2, bodyWeight: 1, minimumScore: 3, maxTags: 4 };
const matcher = compileTagMatcher(GAZETTEER, { currencyWords: ingestSettings.currencyWords });
const FILLER = 'وقال المصدر إن العمل مستمر.';

describe('chooseTags', () => {
  it.each<[string, string, string[], string[]]>([
    ['a mention in the headline alone', 'وفد إلى إيران', [FILLER, FILLER], ['إيران']],
    ['a mention in the lead and one in the body', 'عنوان', ['زار الوفد إيران.', `${FILLER} إيران`], ['إيران']],
    ['two mentions in the lead', 'عنوان', ['زار الوفد إيران ثم إيران.', FILLER], ['إيران']],
    ['three mentions in the body', 'عنوان', [FILLER, 'إيران.', 'إيران.', 'إيران.'], ['إيران']],
  ])('tags %s', (_case, title, paragraphs, tags) => {
    expect(chooseTags({ title, paragraphs }, matcher, SCORING)).toEqual(tags);
  });

  it.each<[string, string, string[]]>([
    ['a single passing mention in the body', 'عنوان', [FILLER, `${FILLER} وفي إيران أيضاً.`]],
    ['two passing mentions in the body', 'عنوان', [FILLER, 'إيران.', 'إيران.']],
    ['a single mention in the lead', 'عنوان', ['زار الوفد إيران.', FILLER]],
    ['a currency adjective in the headline', 'ارتفاع أسعار الذهب بالليرة السورية', [FILLER]],
  ])('does not tag %s', (_case, title, paragraphs) => {
    expect(chooseTags({ title, paragraphs }, matcher, SCORING)).toEqual([]);
  });

  it('puts the highest score first, and keeps the gazetteer order between equal scores', () => {
    const article = { title: 'لبنان والعراق', paragraphs: ['إيران وإيران وروسيا ولبنان.', FILLER] };
    expect(scoreTags(article, matcher, SCORING).map(({ name, score }) => [name, score])).toEqual([
      ['لبنان', 5], ['إيران', 4], ['العراق', 3], ['روسيا', 2],
    ]);
    expect(chooseTags(article, matcher, SCORING)).toEqual(['لبنان', 'إيران', 'العراق']);
  });

  it('keeps at most maxTags, the best ones, the same whatever order the text names them in', () => {
    const names = ['فرنسا', 'لبنان', 'العراق', 'روسيا', 'إيران', 'سورية'];
    const forward = { title: names.join(' و'), paragraphs: [FILLER] };
    const backward = { title: [...names].reverse().join(' و'), paragraphs: [FILLER] };
    expect(chooseTags(forward, matcher, SCORING)).toEqual(['سورية', 'إيران', 'روسيا', 'العراق']);
    expect(chooseTags(backward, matcher, SCORING)).toEqual(['سورية', 'إيران', 'روسيا', 'العراق']);
    expect(chooseTags(forward, matcher, { ...SCORING, maxTags: 2 })).toEqual(['سورية', 'إيران']);
  });

  it('reads no form across a paragraph break', () => {
    const split = compileTagMatcher([{ name: 'الأمم المتحدة', slug: 'un', forms: ['الأمم المتحدة'] }]);
    expect(scoreTags({ title: 'عنوان', paragraphs: [FILLER, 'قرار الأمم', 'المتحدة'] }, split, SCORING)).toEqual([]);
  });

  it('scores by where each mention stands', () => {
    const article = { title: 'إيران', paragraphs: ['إيران وإيران.', 'إيران.', 'إيران.'] };
    expect(scoreTags(article, matcher, SCORING)).toEqual([{ name: 'إيران', headline: 1, lead: 2, body: 2, score: 9 }]);
    expect(scoreTags(article, matcher, { ...SCORING, headlineWeight: 10 })[0]?.score).toBe(16);
  });
});

describe('a company in Dubai, with a Syrian pound and an American dollar in passing', () => {
  const load = async () => {
    const parsed = parseRawArticle(await readFile(new URL('../fixtures/tagging/google-dubai.txt', import.meta.url), 'utf8'), ingestSettings.boilerplateLines);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.article;
  };
  const configured = compileTagMatcher(ingestSettings.tagGazetteer, { currencyWords: ingestSettings.currencyWords });

  it('gets neither «سورية» nor «الولايات المتحدة» (nor the pound)', async () => {
    const article = await load();
    expect(chooseTags(article, configured, ingestSettings.tagScoring)).toEqual([]);
  });

  it('is ingested with no tag at all', async () => {
    const article = await load();
    const built = buildArticle(article, { fileName: 'google-dubai.txt', sourceSha256: 'a'.repeat(64), fileModified: new Date(0) }, { site: siteSettings, ingest: ingestSettings, tags: configured });
    expect(built.frontMatter.tags).toEqual([]);
  });

  it('got both before, when any mention anywhere made a tag', async () => {
    const article = await load();
    expect(configured.match([article.title, ...article.paragraphs].join('\n'))).toEqual(['سورية', 'الولايات المتحدة', 'الليرة السورية']);
  });

  it('would get «الولايات المتحدة» from «دولار أميركي» in the lead and body without the currency rule', async () => {
    const article = await load();
    const withoutCurrencyRule = compileTagMatcher(ingestSettings.tagGazetteer);
    expect(chooseTags(article, withoutCurrencyRule, ingestSettings.tagScoring)).toEqual(['الولايات المتحدة']);
  });
});
