import { describe, expect, it } from 'vitest';
import { decodeRawBytes } from '../../scripts/lib/ingest/decode-raw-bytes.ts';
import { encodeWindows1256 } from '../support/windows-1256.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ARTICLE = 'سورية\nطهران.. لتعزيز التنسيق مع موسكو\n| وكالات\nأكدت إيران أن زيادة التنسيق «ضرورية»، وفق Reuters.\n';

describe('decodeRawBytes', () => {
  it('reads UTF-8', () => {
    expect(decodeRawBytes(utf8(ARTICLE))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    expect(decodeRawBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-8' });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeRawBytes(utf8('Sports\nTitle\nBody.\n'))).toEqual({ ok: true, text: 'Sports\nTitle\nBody.\n', encoding: 'utf-8' });
  });

  it('detects and decodes «سورية» written in Windows-1256', () => {
    // س و ر ي ة in code page 1256, byte by byte.
    expect(decodeRawBytes(Uint8Array.from([0xd3, 0xe6, 0xd1, 0xed, 0xc9]))).toEqual({ ok: true, text: 'سورية', encoding: 'windows-1256' });
  });

  it('detects and decodes a whole Windows-1256 article with CRLF line ends', () => {
    const text = ARTICLE.replace(/\n/g, '\r\n');
    expect(decodeRawBytes(encodeWindows1256(text))).toEqual({ ok: true, text, encoding: 'windows-1256' });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'the file is empty'],
    ['UTF-16 little-endian', Uint8Array.from([0xff, 0xfe, 0x33, 0x06, 0x48, 0x06]), 'the file is UTF-16; save it as UTF-8'],
    ['UTF-16 big-endian', Uint8Array.from([0xfe, 0xff, 0x06, 0x33, 0x06, 0x48]), 'the file is UTF-16; save it as UTF-8'],
    ['a NUL byte in text', utf8('سورية\u0000نص'), 'the file is binary, not text'],
    ['a PNG header', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'the file is binary, not text'],
    ['many control bytes', Uint8Array.from([...utf8('abcdefghij'), 0x01, 0x02, 0x03]), 'the file is binary, not text'],
    [
      'French in Latin-1',
      Uint8Array.from([...'Le café à la crème est très apprécié.'].map((character) => character.charCodeAt(0))),
      'the file is neither UTF-8 nor Arabic Windows-1256 text',
    ],
  ])('rejects %s', (_case, bytes, reason) => {
    expect(decodeRawBytes(bytes)).toEqual({ ok: false, reason });
  });

  it.each([
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short', [0xd8]],
  ])('does not take a file with %s for UTF-8', (_case, bytes) => {
    const file = Uint8Array.from([...utf8('نص عربي طويل بما يكفي '), ...bytes, ...utf8(' ثم نص آخر')]);
    expect(decodeRawBytes(file)).not.toMatchObject({ encoding: 'utf-8' });
  });

  it('reads noncharacters and a BOM inside the text as UTF-8, as they are', () => {
    expect(decodeRawBytes(utf8('نص\ufffeو\ufeffنص'))).toEqual({ ok: true, text: 'نص\ufffeو\ufeffنص', encoding: 'utf-8' });
  });

  it.each([
    ['a few control bytes in UTF-8 text', utf8(`${'سورية '.repeat(40)}\u0001\u0002`), true],
    ['more control bytes than 2 per cent', utf8(`سورية${'\u0001'.repeat(3)}`), false],
    ['a DEL, which is not counted', utf8('سورية\u007f\u007f\u007f'), true],
  ])('counts control bytes the same in UTF-8: %s', (_case, bytes, ok) => {
    expect(decodeRawBytes(bytes).ok).toBe(ok);
  });

  it('accepts tabs, form feeds and line ends as text', () => {
    expect(decodeRawBytes(utf8('سورية\t\f\r\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
});
