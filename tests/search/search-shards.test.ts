// Splitting the search index into shards: newest first, even sizes, a date never split; and
// which shards a search needs (assets/js/search-shards.ts).
import { describe, expect, it } from 'vitest';
import { shardFilterValue, shardsToSearch } from '../../assets/js/search-shards.ts';
import { shardPath, splitIntoShards, type ShardablePage } from '../../scripts/lib/search/search-shards.ts';

function page(url: string, day: string): ShardablePage {
  return { url, sortKey: `${day.replace(/-/g, '')}000000`, year: day.slice(0, 4) };
}

const pages = [
  page('/a/', '2016-03-01'), page('/b/', '2017-01-05'), page('/c/', '2017-01-05'),
  page('/d/', '2018-07-30'), page('/e/', '2015-12-31'), page('/f/', '2017-01-05'), page('/g/', '2018-01-01'),
];

describe('splitIntoShards', () => {
  it('keeps everything in one shard, the bundle itself, when the limit allows', () => {
    const shards = splitIntoShards(pages, 100);
    expect(shards).toHaveLength(1);
    expect(shards[0]?.path).toBe('');
    expect(shards[0]?.pages.map((item) => item.url)).toEqual(['/d/', '/g/', '/b/', '/c/', '/f/', '/a/', '/e/']);
    expect(shards[0]?.years).toEqual(['2018', '2017', '2016', '2015']);
  });

  it('splits newest first into contiguous runs of dates of even size, a date never split', () => {
    // Three a shard: d g b, but c and f share b's date and come along; a and e make the second.
    const shards = splitIntoShards(pages, 3);
    expect(shards.map((shard) => shard.path)).toEqual(['', 'shard-2/']);
    expect(shards.map((shard) => shard.pages.map((item) => item.url))).toEqual([['/d/', '/g/', '/b/', '/c/', '/f/'], ['/a/', '/e/']]);
    expect(shards.map((shard) => shard.years)).toEqual([['2018', '2017'], ['2016', '2015']]);
  });

  it('gives shards even sizes rather than a full run and a remainder', () => {
    const many = Array.from({ length: 10 }, (_, position) => page(`/p${position}/`, `2017-01-${String(position + 1).padStart(2, '0')}`));
    expect(splitIntoShards(many, 4).map((shard) => shard.pages.length)).toEqual([4, 4, 2]);
    expect(splitIntoShards(many, 6).map((shard) => shard.pages.length)).toEqual([5, 5]);
    expect(splitIntoShards(many, 1)).toHaveLength(10);
  });

  it('does not depend on the order pages are read in', () => {
    const reversed = splitIntoShards([...pages].reverse(), 3);
    expect(reversed.map((shard) => shard.pages.map((item) => item.url))).toEqual(splitIntoShards(pages, 3).map((shard) => shard.pages.map((item) => item.url)));
  });

  it('refuses a limit that is not a whole number of pages', () => {
    expect(() => splitIntoShards(pages, 0)).toThrow(/whole number/);
    expect(() => splitIntoShards(pages, 2.5)).toThrow(/whole number/);
  });

  it('names the first shard the bundle and the others shard-N/', () => {
    expect([0, 1, 9].map(shardPath)).toEqual(['', 'shard-2/', 'shard-10/']);
  });
});

describe('shardsToSearch', () => {
  const listed = [
    { path: '', pages: 2, years: ['2018', '2017'] },
    { path: 'shard-2/', pages: 2, years: ['2017', '2016'] },
  ];

  it('searches every shard without a year, only those holding the year with one', () => {
    expect(shardsToSearch(listed, undefined)).toEqual(listed);
    expect(shardsToSearch(listed, '').map((shard) => shard.path)).toEqual(['', 'shard-2/']);
    expect(shardsToSearch(listed, '2018').map((shard) => shard.path)).toEqual(['']);
    expect(shardsToSearch(listed, '2017').map((shard) => shard.path)).toEqual(['', 'shard-2/']);
    expect(shardsToSearch(listed, '2010')).toEqual([]);
  });
});

describe('shardFilterValue', () => {
  it('numbers shards from 1, as their folders are', () => {
    expect([0, 1, 9].map(shardFilterValue)).toEqual(['1', '2', '10']);
  });
});
