// Encodes text as Windows-1256 for tests and fixtures: the reverse of the platform's own
// decoder, so the bytes are exactly what an old Arabic newsroom system would have saved.

const decoder = new TextDecoder('windows-1256');
const byteForCharacter = new Map<string, number>();
for (let byte = 0; byte < 256; byte += 1) {
  const character = decoder.decode(new Uint8Array([byte]));
  if (!byteForCharacter.has(character)) byteForCharacter.set(character, byte);
}

/** The Windows-1256 bytes of text; throws on a character the code page does not have. */
export function encodeWindows1256(text: string): Uint8Array {
  return Uint8Array.from([...text], (character) => {
    const byte = byteForCharacter.get(character);
    if (byte === undefined) throw new Error(`«${character}» (U+${character.codePointAt(0)?.toString(16)}) has no Windows-1256 byte`);
    return byte;
  });
}
