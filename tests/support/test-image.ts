// A picture for tests, drawn with sharp from an SVG: a sky and a ground of two colours, so a
// resized copy is still recognisably the same picture. Deterministic bytes.
import sharp from 'sharp';

export async function testPicture(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
    + `<rect width="${width}" height="${height}" fill="#4a7fb5"/>`
    + `<rect y="${Math.round(height * 0.6)}" width="${width}" height="${height - Math.round(height * 0.6)}" fill="#c9a26b"/>`
    + `<circle cx="${Math.round(width * 0.75)}" cy="${Math.round(height * 0.25)}" r="${Math.round(height * 0.1)}" fill="#f5d76e"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}
