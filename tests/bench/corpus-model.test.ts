// The corpus's sentence model: sample paragraphs cut into clauses, each clause's tags known,
// and a word chain to recombine them.

import { describe, expect, it } from 'vitest';
import { ingestSettings } from '../../scripts/lib/config/ingest-settings.ts';
import { buildCorpusModel, CHAIN_END, countWords, splitClauses } from '../../scripts/tools/bench/corpus-model.ts';
import { loadCorpusModel, loadSampleTexts } from '../../scripts/tools/bench/generate-corpus.ts';

describe('splitClauses', () => {
  it.each([
    ['a sentence cut at the Arabic comma', 'أكدت الوزارة أن العمل مستمر في المشروع، وأن التنفيذ يبدأ الشهر المقبل في المدينة.',
      ['أكدت الوزارة أن العمل مستمر في المشروع', 'وأن التنفيذ يبدأ الشهر المقبل في المدينة']],
    ['two sentences', 'افتتح المعرض أمس في المدينة القديمة. ويستمر المعرض عشرة أيام متتالية؟',
      ['افتتح المعرض أمس في المدينة القديمة', 'ويستمر المعرض عشرة أيام متتالية']],
    ['a short clause joined to the next', 'من جهته، رأى الباحث أن ثبات سعر الصرف مفيد.',
      ['من جهته، رأى الباحث أن ثبات سعر الصرف مفيد']],
    ['list markers dropped', '1- سجل هدفي الوحدة اللاعب محمد الحلاق في الدقيقة 23.',
      ['سجل هدفي الوحدة اللاعب محمد الحلاق في الدقيقة 23']],
    ['an unpaired quote dropped', 'وتابع: «هنالك عملية مكشوفة تهدف لتعزيز الروح المعنوية، وذلك من خلال استهداف المواقع».',
      ['وتابع: هنالك عملية مكشوفة تهدف لتعزيز الروح المعنوية', 'وذلك من خلال استهداف المواقع']],
  ])('cuts %s', (_, paragraph, clauses) => {
    expect(splitClauses(paragraph)).toEqual(clauses);
  });
});

describe('buildCorpusModel', () => {
  it('learns clauses, their tags and a word chain from the bundled samples', async () => {
    const model = await loadCorpusModel();
    expect(model.titles).toHaveLength((await loadSampleTexts()).length);
    expect(model.clauses.length).toBeGreaterThan(50);
    expect(model.neutralClauses.length).toBeGreaterThan(20);
    expect(model.neutralClauses.every((clause) => clause.tags.length === 0)).toBe(true);
    const tagged = model.clauses.find((clause) => clause.text.includes('طهران'));
    expect(tagged?.tags).toContain('طهران');
    expect(model.chain.get('الجيش')?.length).toBeGreaterThan(0);
    expect([...model.chain.values()].some((successors) => successors.includes(CHAIN_END))).toBe(true);
  });

  it('answers «maybe» for a text that could mention a tag and «no» for one that cannot', async () => {
    const model = await loadCorpusModel();
    expect(model.mayMentionTags('وصل الوفد إلى دمشق أمس')).toBe(true);
    expect(model.mayMentionTags('وللإرهابيين')).toBe(true);
    expect(model.mayMentionTags('وصل الوفد أمس إلى المدينة القديمة')).toBe(false);
    // «المعرض» may open «معرض الكتاب»: maybe, though this text names no tag.
    expect(model.mayMentionTags('افتتح المعرض أمس')).toBe(true);
  });

  it('refuses samples with no body text', () => {
    expect(() => buildCorpusModel([''], ingestSettings)).toThrow('no body text');
  });

  it.each([['', 0], ['كلمة', 1], ['  كلمتان  هنا ', 2]])('counts the words of «%s» as %i', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});
