import { describe, expect, it } from 'vitest';
import type { TagDefinition } from '../../scripts/lib/config/ingest-settings.ts';
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
