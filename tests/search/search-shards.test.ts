// Which segments of the search index a search needs, and how the search page tells them
// apart (assets/js/search-shards.ts, the browser's side of scripts/lib/search/search-segments.ts).
import { describe, expect, it } from 'vitest';
import { shardFilterValue, shardsToSearch, shardsWithEveryWord } from '../../assets/js/search-shards.ts';

describe('shardsToSearch', () => {
  const listed = [
    { path: '', pages: 2, years: ['2018'] },
    { path: '2017-q4/', pages: 2, years: ['2017'] },
    { path: '2017-q1/', pages: 2, years: ['2017'] },
    { path: '2016-q2/', pages: 2, years: ['2016'] },
  ];

  it('searches every segment without a year, only those holding the year with one', () => {
    expect(shardsToSearch(listed, undefined)).toEqual(listed);
    expect(shardsToSearch(listed, '').map((shard) => shard.path)).toEqual(['', '2017-q4/', '2017-q1/', '2016-q2/']);
    expect(shardsToSearch(listed, '2018').map((shard) => shard.path)).toEqual(['']);
    expect(shardsToSearch(listed, '2017').map((shard) => shard.path)).toEqual(['2017-q4/', '2017-q1/']);
    expect(shardsToSearch(listed, '2010')).toEqual([]);
  });
});

describe('shardFilterValue', () => {
  it('numbers segments from 1, in the order they are listed', () => {
    expect([0, 1, 9].map(shardFilterValue)).toEqual(['1', '2', '10']);
  });
});

describe('shardsWithEveryWord', () => {
  const listed = [
    { path: '', pages: 3, years: ['2018'] },
    { path: '2017-q4/', pages: 3, years: ['2017'] },
    { path: '2017-q1/', pages: 3, years: ['2017'] },
  ];
  const paths = (shards: readonly { path: string }[]): string[] => shards.map((shard) => shard.path);

  it.each<[string, Record<string, number>[], string[]]>([
    ['keeps every segment for a query of one word (no counts asked)', [], ['', '2017-q4/', '2017-q1/']],
    ['keeps the segments that have every word', [{ 1: 2, 2: 1, 3: 1 }, { 1: 1, 3: 2 }], ['', '2017-q1/']],
    ['ignores a word no segment has, as one index ignores a word it does not have', [{ 1: 2, 2: 1 }, {}], ['', '2017-q4/']],
    ['counts a zero as not having the word', [{ 1: 2, 2: 0, 3: 1 }], ['', '2017-q1/']],
    ['keeps none when no segment has both words', [{ 1: 1 }, { 2: 1 }], []],
  ])('%s', (_label, counts, expected) => {
    expect(paths(shardsWithEveryWord(listed, listed, counts))).toEqual(expected);
  });

  it('requires a word another segment has, even of a segment not searched (a year filter)', () => {
    // Searching 2017 only: the first word is in 2018's segment and in neither of 2017's.
    expect(paths(shardsWithEveryWord(listed.slice(1), listed, [{ 1: 4 }, { 2: 1, 3: 1 }]))).toEqual([]);
  });
});
