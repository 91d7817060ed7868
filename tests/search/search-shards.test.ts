// Which segments of the search index a search needs, and how the search page tells them
// apart (assets/js/search-shards.ts, the browser's side of scripts/lib/search/search-segments.ts).
import { describe, expect, it } from 'vitest';
import { shardFilterValue, shardsToSearch } from '../../assets/js/search-shards.ts';

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
