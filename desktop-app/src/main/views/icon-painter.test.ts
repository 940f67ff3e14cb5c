import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, paint, trayIconPng, unreadOverlayPng } from './icon-painter';

/** Reads back a PNG written by encodePng: size, and RGBA pixels; checks every chunk's CRC. */
function decodePng(png: Buffer): { size: number; rgba: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let size = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      size = body.readUInt32BE(0);
      expect(body.readUInt32BE(4)).toBe(size);
      expect([body[8], body[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    expect(raw[y * (size * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  }
  return { size, rgba };
}

const pixel = (image: { size: number; rgba: Buffer }, x: number, y: number) => {
  const at = (y * image.size + x) * 4;
  return [...image.rgba.subarray(at, at + 4)];
};

describe('icon painter', () => {
  it('writes a PNG that decodes back to the same pixels', () => {
    const pixels = paint(8, [{ shape: (x) => x < 0.5, color: [10, 20, 30] }]);
    const image = decodePng(encodePng(8, pixels));
    expect(image.size).toBe(8);
    expect(pixel(image, 0, 0)).toEqual([10, 20, 30, 255]);
    expect(pixel(image, 7, 7)).toEqual([0, 0, 0, 0]);
  });

  it('paints the tray icon with a white F on indigo, and a red dot when something is unread', () => {
    const plain = decodePng(trayIconPng({ size: 32, unread: false, template: false }));
    expect(pixel(plain, 16, 28)).toEqual([79, 70, 229, 255]);
    // The F's stem.
    expect(pixel(plain, 11, 16)).toEqual([255, 255, 255, 255]);
    // Rounded corners are transparent.
    expect(pixel(plain, 0, 0)[3]).toBe(0);

    const unread = decodePng(trayIconPng({ size: 32, unread: true, template: false }));
    expect(pixel(unread, 25, 7)).toEqual([220, 38, 38, 255]);
    expect(pixel(plain, 25, 7)).not.toEqual([220, 38, 38, 255]);
  });

  it('paints a black-only template for the macOS menu bar, at any size', () => {
    for (const size of [16, 32]) {
      const image = decodePng(trayIconPng({ size, unread: true, template: true }));
      for (let at = 0; at < image.rgba.length; at += 4) {
        expect([image.rgba[at], image.rgba[at + 1], image.rgba[at + 2]]).toEqual([0, 0, 0]);
      }
      expect(pixel(image, Math.floor(size * 0.36), Math.floor(size / 2))[3]).toBe(255);
    }
  });

  it('paints the taskbar overlay as a red dot', () => {
    const image = decodePng(unreadOverlayPng(16));
    expect(pixel(image, 8, 8)).toEqual([220, 38, 38, 255]);
    expect(pixel(image, 0, 0)[3]).toBe(0);
  });
});
