import { deflateSync } from 'node:zlib';

/**
 * The tray icon and the unread dot, painted as PNG in code: no image files to ship or keep in
 * step, crisp at 1x and 2x. Shapes are sampled 4x4 per pixel for smooth edges.
 */

type Rgb = readonly [number, number, number];

const INDIGO: Rgb = [79, 70, 229];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const RED: Rgb = [220, 38, 38];
const SAMPLES = 4;

/** A shape in a unit square (0..1 on both axes): whether a point is inside. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  color: Rgb;
}

const roundedSquare =
  (radius: number): Shape =>
  (x, y) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };

const rectangle =
  (left: number, top: number, right: number, bottom: number): Shape =>
  (x, y) =>
    x >= left && x <= right && y >= top && y <= bottom;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/** The "F" of Flow Desk: a stem and two arms. */
const LETTER_F = union(
  rectangle(0.3, 0.22, 0.44, 0.78),
  rectangle(0.3, 0.22, 0.72, 0.35),
  rectangle(0.3, 0.44, 0.64, 0.56),
);

const DOT = circle(0.78, 0.22, 0.2);
// A ring of background around the dot keeps it apart from the icon under it.
const DOT_RING = circle(0.78, 0.22, 0.27);

/** Paints layers (later ones on top) into an RGBA image of `size` pixels square. */
export function paint(size: number, layers: readonly Layer[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let color: Rgb | undefined;
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          if (color) {
            red += color[0];
            green += color[1];
            blue += color[2];
            alpha += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (alpha > 0) {
        pixels[offset] = Math.round(red / alpha);
        pixels[offset + 1] = Math.round(green / alpha);
        pixels[offset + 2] = Math.round(blue / alpha);
        pixels[offset + 3] = Math.round((alpha / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return pixels;
}

/** Encodes RGBA pixels as a PNG file. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    // Each row starts with filter type 0 (none).
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(
      rows,
      y * (size * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface TrayIconOptions {
  size: number;
  unread: boolean;
  /**
   * macOS menu-bar "template" image: black on transparent, the system recolours it for light
   * and dark menu bars. The unread dot is then left out (macOS shows the count as the title).
   */
  template: boolean;
}

/** The tray icon as PNG. */
export function trayIconPng({ size, unread, template }: TrayIconOptions): Buffer {
  const layers: Layer[] = template
    ? [{ shape: LETTER_F, color: BLACK }]
    : [
        { shape: roundedSquare(0.22), color: INDIGO },
        { shape: LETTER_F, color: WHITE },
        ...(unread
          ? [
              { shape: DOT_RING, color: WHITE },
              { shape: DOT, color: RED },
            ]
          : []),
      ];
  return encodePng(size, paint(size, layers));
}

/** The Windows taskbar overlay: a red dot on transparent. */
export function unreadOverlayPng(size: number): Buffer {
  return encodePng(size, paint(size, [{ shape: circle(0.5, 0.5, 0.45), color: RED }]));
}
