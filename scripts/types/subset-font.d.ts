// subset-font (HarfBuzz's subsetter in WebAssembly) ships no types: the one call
// scripts/lib/site/cut-arabic-core.ts makes.
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
