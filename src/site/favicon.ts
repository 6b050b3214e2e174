import { deflateSync } from "node:zlib";

/**
 * The site's icon, /favicon.ico, drawn here rather than kept as a binary file: the site's blue
 * square with a white sheet of paper and its lines of text (a published decision). A 32×32 PNG in
 * an ICO container, which every browser reads. Made once, when the module loads.
 */
const SIZE = 32;
const BLUE = [0x0b, 0x3d, 0x6b, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

function pixel(x: number, y: number): number[] {
  // A square with its corners cut by a radius of 5 pixels.
  const corner = (a: number) => Math.max(0, 5 - Math.min(a + 0.5, SIZE - a - 0.5));
  if (Math.hypot(corner(x), corner(y)) > 5) return CLEAR;
  const onSheet = x >= 8 && x <= 23 && y >= 5 && y <= 26;
  if (!onSheet) return BLUE;
  // Lines of text on the sheet: 2 pixels high, one blank between; the last line shorter.
  const line = y >= 9 && y <= 22 && (y - 9) % 3 < 2 && x >= 11 && x <= (y >= 21 ? 17 : 20);
  return line ? BLUE : WHITE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, no interlace
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const start = y * (1 + SIZE * 4); // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), start + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

function ico(image: Buffer): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon
  header.writeUInt16LE(1, 4); // one image
  header.set([SIZE, SIZE, 0, 0], 6);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits a pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

export const FAVICON = ico(png());
