// Turns a raw file's bytes into text. Scraped Arabic arrives as UTF-8 (with or without a
// byte-order mark) or as Windows-1256; anything else is rejected rather than guessed at.

import { Buffer, isUtf8 } from 'node:buffer';

export type RawEncoding = 'utf-8' | 'windows-1256';

export type DecodeResult =
  | { ok: true; text: string; encoding: RawEncoding }
  | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ARABIC_LETTER = /[\u0600-\u06ff]/gu;
const ANY_LETTER = /\p{L}/gu;
/** Share of letters that must be Arabic before Windows-1256 is believed. */
const MIN_ARABIC_SHARE = 0.5;
/** Share of control bytes (other than tab, line feed, carriage return, form feed) that marks a binary file. */
const MAX_CONTROL_SHARE = 0.02;

const windows1256 = new TextDecoder('windows-1256');

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  return controls > bytes.length * MAX_CONTROL_SHARE;
}

// In UTF-8 a byte below 0x20 is always that character, so valid UTF-8 text without one of
// these (NUL and the controls looksBinary counts) cannot look binary: no need to count bytes.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000e-\u001f]/;

function arabicShareOfLetters(text: string): number {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(ARABIC_LETTER)?.length ?? 0) / letters;
}

/** Decodes a raw article file, detecting its encoding; says why when it cannot. */
export function decodeRawBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'the file is UTF-16; save it as UTF-8' };
  }
  if (isUtf8(bytes)) {
    const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', hasBom ? 3 : 0);
    if (CONTROL_CHARACTER.test(text) && looksBinary(bytes)) return { ok: false, reason: 'the file is binary, not text' };
    return { ok: true, text, encoding: 'utf-8' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'the file is binary, not text' };
  // Not UTF-8: Arabic newsroom archives are most often Windows-1256.
  const text = windows1256.decode(bytes);
  if (arabicShareOfLetters(text) >= MIN_ARABIC_SHARE) return { ok: true, text, encoding: 'windows-1256' };
  return { ok: false, reason: 'the file is neither UTF-8 nor Arabic Windows-1256 text' };
}
