/**
 * The scanner app's icon: a white check mark on the green of a valid verdict, as SVG and as the PNG sizes
 * installing a web app asks for (drawn here: no image file or tool needed). Each size is drawn once.
 */
import { crc32, deflateSync } from 'node:zlib';

const GREEN = [0x14, 0x6c, 0x2e] as const;
/** The check mark, in a 0..1 square: two strokes. */
const STROKES = [
  [0.24, 0.53, 0.42, 0.71],
  [0.42, 0.71, 0.77, 0.33],
] as const;
const STROKE_WIDTH = 0.11;

export function appIconSvg(): string {
  const [a, b] = STROKES;
  const points = `${a[0] * 512},${a[1] * 512} ${b[0] * 512},${b[1] * 512} ${b[2] * 512},${b[3] * 512}`;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">' +
    `<rect width="512" height="512" rx="96" fill="rgb(${GREEN.join(',')})"/>` +
    `<polyline points="${points}" fill="none" stroke="#fff" stroke-width="${STROKE_WIDTH * 512}"` +
    ' stroke-linecap="round" stroke-linejoin="round"/>' +
    '</svg>'
  );
}

function distanceToSegment(x: number, y: number, [x1, y1, x2, y2]: readonly number[]): number {
  const [ax, ay, bx, by] = [x1 as number, y1 as number, x2 as number, y2 as number];
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function drawPng(size: number): Buffer {
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    rows[row] = 0; // no filter
    for (let x = 0; x < size; x++) {
      const [u, v] = [(x + 0.5) / size, (y + 0.5) / size];
      const onMark = STROKES.some((stroke) => distanceToSegment(u, v, stroke) <= STROKE_WIDTH / 2);
      const colour = onMark ? [255, 255, 255] : GREEN;
      rows.set(colour, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const drawn = new Map<number, Buffer>();

/** The icon as a PNG of `size` × `size` pixels. */
export function appIconPng(size: number): Buffer {
  let png = drawn.get(size);
  if (!png) {
    png = drawPng(size);
    drawn.set(size, png);
  }
  return png;
}
