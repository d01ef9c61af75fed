/**
 * Draws the add-in's ribbon and catalogue icons in code and writes them as PNG to addin-excel/assets/.
 * Run with `npx tsx addin-excel/scripts/make-icons.ts` (or `npm run icons:addin`) after changing a drawing;
 * the manifest test re-renders every icon and compares its pixels with the committed file.
 *
 * Drawings are a few shapes in a unit square (x right, y down), painted back to front. Each pixel takes the
 * average of SUPERSAMPLE² point samples, which anti-aliases edges without any curve rasteriser. The PNG
 * encoder is the smallest that Office accepts: 8-bit RGBA, no interlace, filter 0 on every row.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export type IconName = 'icon' | 'pane' | 'insert';

/** The sizes each icon is drawn at: 16/32/80 for ribbon controls, 32 and 64 for IconUrl/HighResolutionIconUrl. */
export const ICON_SIZES: Record<IconName, readonly number[]> = {
  icon: [16, 32, 64, 80],
  pane: [16, 32, 80],
  insert: [16, 32, 80],
};

export const ASSETS_DIR = path.join(__dirname, '..', 'assets');

const SUPERSAMPLE = 8;

type Rgb = readonly [number, number, number];
const GREEN: Rgb = [0x1e, 0x6e, 0x42];
const LIGHT: Rgb = [0x9f, 0xd1, 0xb3];
const WHITE: Rgb = [0xff, 0xff, 0xff];

type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgb;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    // Distance from the inner rectangle whose corners are the arc centres.
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** A stroke with round ends along a polyline: every point within width/2 of a segment. */
function stroke(points: readonly (readonly [number, number])[], width: number): Shape {
  const r2 = (width / 2) ** 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const dx = x - (ax + t * vx);
      const dy = y - (ay + t * vy);
      if (dx * dx + dy * dy <= r2) return true;
    }
    return false;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Horizontal and vertical lines of a table grid, `w` thick, centred on the given coordinates. */
function gridLines(xs: readonly number[], ys: readonly number[], box: readonly number[], w: number): Shape[] {
  const [x0, y0, x1, y1] = box;
  return [
    ...xs.map((x) => rect(x - w / 2, y0 - w / 2, x + w / 2, y1 + w / 2)),
    ...ys.map((y) => rect(x0 - w / 2, y - w / 2, x1 + w / 2, y + w / 2)),
  ];
}

/** The rounded green tile every icon sits on; half a pixel of margin keeps its edge off the image border. */
function tile(size: number): Layer {
  const m = 0.5 / size;
  return { shape: roundedRect(m, m, 1 - m, 1 - m, 0.19), color: GREEN };
}

/**
 * The layers of one icon at one pixel size. Small sizes drop the table lines, which would blur into the
 * tile at 16 px, and thicken strokes so they stay at least a pixel and a half wide.
 */
export function iconLayers(name: IconName, size: number): Layer[] {
  const small = size <= 16;
  const line = Math.max(1 / size, 0.035);
  const layers: Layer[] = [tile(size)];
  const add = (shapes: Shape[], color: Rgb) => shapes.forEach((shape) => layers.push({ shape, color }));

  if (name === 'icon') {
    // A table with a check mark over it: "the appendix table is checked".
    if (!small) add(gridLines([0.2, 0.5, 0.8], [0.2, 0.4, 0.6, 0.8], [0.2, 0.2, 0.8, 0.8], line), LIGHT);
    const check: [number, number][] = [
      [0.25, 0.53],
      [0.43, 0.71],
      [0.76, 0.32],
    ];
    const width = small ? 0.17 : 0.14;
    // A tile-coloured halo separates the check from the grid lines it crosses.
    if (!small) add([stroke(check, width + 2.4 * line)], GREEN);
    add([stroke(check, width)], WHITE);
  } else if (name === 'pane') {
    // A window with a pane docked on its right.
    const frame = small ? 0.09 : 0.07;
    add([roundedRect(0.16, 0.22, 0.84, 0.78, 0.05)], WHITE);
    add([rect(0.16 + frame, 0.22 + frame, 0.55, 0.78 - frame)], GREEN);
    // Rows of the sheet beside the pane.
    if (!small)
      add(
        [0.42, 0.58].map((y) => rect(0.16 + frame + 0.05, y - line / 2, 0.5, y + line / 2)),
        LIGHT,
      );
  } else {
    // A table with a header row and a plus badge: "insert a template".
    if (small) {
      add([rect(0.14, 0.2, 0.7, 0.34), rect(0.14, 0.44, 0.5, 0.54)], WHITE);
    } else {
      add([rect(0.16, 0.16, 0.74, 0.3)], WHITE);
      add(gridLines([0.16, 0.45, 0.74], [0.3, 0.46, 0.62], [0.16, 0.3, 0.74, 0.62], line), LIGHT);
    }
    const c = small ? 0.68 : 0.71;
    const r = small ? 0.26 : 0.22;
    // The badge's halo is clipped to the tile so that it never squares off the tile's rounded corner.
    const halo = circle(c, c, r + (small ? 0.06 : 0.05));
    add([(x, y) => layers[0].shape(x, y) && halo(x, y)], GREEN);
    add([circle(c, c, r)], WHITE);
    const arm = r * 0.6;
    const half = (small ? 0.12 : 0.09) / 2;
    add([rect(c - arm, c - half, c + arm, c + half), rect(c - half, c - arm, c + half, c + arm)], GREEN);
  }
  return layers;
}

/** Renders the layers to straight (not premultiplied) RGBA, `size`×`size`, row by row from the top. */
export function render(layers: readonly Layer[], size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          // The topmost layer that holds the sample decides its colour.
          for (let i = layers.length - 1; i >= 0; i--) {
            if (layers[i].shape(x, y)) {
              const [lr, lg, lb] = layers[i].color;
              r += lr;
              g += lg;
              b += lb;
              covered++;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        // Colour averaged over the covered samples, alpha over all: an edge pixel fades, it does not darken.
        out[o] = Math.round(r / covered);
        out[o + 1] = Math.round(g / covered);
        out[o + 2] = Math.round(b / covered);
        out[o + 3] = Math.round((covered * 255) / (n * n));
      }
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib) define it: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(8 + data.length + 4);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 8 + data.length);
  return chunk;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes straight RGBA pixels as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (each row says which filter)
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": simplest to decode, and these files are tiny anyway
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

export function iconFileName(name: IconName, size: number): string {
  return `${name}-${size}.png`;
}

/** Every icon file as [file name, PNG bytes], in a fixed order. */
export function makeIcons(): [string, Buffer][] {
  const files: [string, Buffer][] = [];
  for (const name of Object.keys(ICON_SIZES) as IconName[]) {
    for (const size of ICON_SIZES[name]) {
      files.push([iconFileName(name, size), encodePng(size, size, render(iconLayers(name, size), size))]);
    }
  }
  return files;
}

if (require.main === module) {
  mkdirSync(ASSETS_DIR, { recursive: true });
  for (const [file, png] of makeIcons()) {
    writeFileSync(path.join(ASSETS_DIR, file), png);
    console.log(`${path.relative(process.cwd(), path.join(ASSETS_DIR, file))}  ${png.length} bytes`);
  }
}
