// Draws the ribbon and add-in icons (PNG, the sizes Office asks for: 16, 32, 80, and 64 for the
// high-resolution add-in icon) into excel-addin/assets/. Run once after changing a shape:
// `npx tsx excel-addin/scripts/make-icons.ts`; the PNGs are committed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
/** A shape answers, for a point of the unit square (y down), its colour or null for transparent. */
type Shape = (x: number, y: number) => Rgba | null;

const RED: Rgba = [200, 16, 46, 255];
const YELLOW: Rgba = [255, 205, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [16, 124, 65, 255];
const BLUE: Rgba = [0, 99, 177, 255];
const PURPLE: Rgba = [112, 48, 160, 255];
const ORANGE: Rgba = [202, 80, 16, 255];

function roundedSquare(x: number, y: number, radius = 0.18, inset = 0.02): boolean {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
}

function inPolygon(x: number, y: number, points: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const STAR: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  const r = i % 2 === 0 ? 0.36 : 0.15;
  return [0.5 + r * Math.cos(angle), 0.53 + r * Math.sin(angle)];
});

function nearSegment(x: number, y: number, a: [number, number], b: [number, number], width: number): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
}

const tile =
  (background: Rgba, mark: (x: number, y: number) => boolean, ink: Rgba = WHITE): Shape =>
  (x, y) =>
    roundedSquare(x, y) ? (mark(x, y) ? ink : background) : null;

const SHAPES: Record<string, Shape> = {
  icon: tile(RED, (x, y) => inPolygon(x, y, STAR), YELLOW),
  load: tile(BLUE, (x, y) => nearSegment(x, y, [0.5, 0.2], [0.5, 0.62], 0.13) || inPolygon(x, y, [[0.28, 0.5], [0.72, 0.5], [0.5, 0.72]]) || (y > 0.76 && y < 0.84 && x > 0.22 && x < 0.78)),
  check: tile(GREEN, (x, y) => nearSegment(x, y, [0.25, 0.52], [0.43, 0.7], 0.13) || nearSegment(x, y, [0.43, 0.7], [0.76, 0.3], 0.13)),
  summary: tile(PURPLE, (x, y) => [0.3, 0.46, 0.62].some((top) => y > top && y < top + 0.08 && x > 0.22 && x < 0.78) || (y > 0.2 && y < 0.26 && x > 0.22 && x < 0.6)),
  dashboard: tile(ORANGE, (x, y) => (x > 0.22 && x < 0.34 && y > 0.55 && y < 0.8) || (x > 0.44 && x < 0.56 && y > 0.38 && y < 0.8) || (x > 0.66 && x < 0.78 && y > 0.2 && y < 0.8)),
};

function render(shape: Shape, size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const c = shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = acc[3] / (samples * samples);
      raw[offset] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      raw[offset + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      raw[offset + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  return png(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const out = join(__dirname, "..", "assets");
for (const [name, shape] of Object.entries(SHAPES)) {
  const sizes = name === "icon" ? [16, 32, 64, 80, 128] : [16, 32, 80];
  for (const size of sizes) writeFileSync(join(out, `${name}-${size}.png`), render(shape, size));
}
console.log(`icons written to ${out}`);
