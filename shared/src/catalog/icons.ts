import type { SimpleIcon } from 'simple-icons';
import { z } from 'zod';
import { FlowDeskError } from '../core';
import { HEX_COLOR_PATTERN, readableForeground } from './color';

/**
 * SVG path data only: commands, numbers, separators. Checked so a path can never carry markup
 * into the SVG it is rendered into.
 */
const SVG_PATH_PATTERN = /^[MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\s]+$/;

const hexColor = z.string().regex(HEX_COLOR_PATTERN, 'Use a colour like #1a2b3c.');

/** Monogram text: one or two characters (code points), not blank. */
const monogramText = z
  .string()
  .refine((text) => text.trim() !== '' && [...text].length <= 2, 'Use one or two characters.');

export const serviceIconSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('simple-icons'),
      slug: z.string().regex(/^[a-z0-9]+$/),
      svgPath: z.string().min(1).regex(SVG_PATH_PATTERN, 'Not SVG path data.'),
      hex: hexColor,
    })
    .readonly(),
  z
    .object({
      kind: z.literal('monogram'),
      text: monogramText,
      background: hexColor,
      foreground: hexColor,
    })
    .readonly(),
]);

/** A brand mark from simple-icons (CC0) or, where the brand is not there, a lettered tile. */
export type ServiceIcon = z.infer<typeof serviceIconSchema>;

/** Wraps one simple-icons export; pass a named import (`siGithub`) so bundlers tree-shake. */
export function simpleIcon(icon: SimpleIcon): ServiceIcon {
  return { kind: 'simple-icons', slug: icon.slug, svgPath: icon.path, hex: `#${icon.hex}` };
}

/** A lettered tile in the brand colour with a text colour chosen for contrast. */
export function monogramIcon(text: string, background: string): ServiceIcon {
  return { kind: 'monogram', text, background, foreground: readableForeground(background) };
}

/**
 * One or two initials for a name typed by a user: the first letter or digit of the first two
 * words, upper-cased ("Team wiki" → "TW", "élan" → "É"); "?" when the name has none.
 */
export function initialsFor(name: string): string {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  const initials = words
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase();
  // Some letters grow when upper-cased (ß → SS); keep two code points at most.
  return [...initials].slice(0, 2).join('') || '?';
}

/** The icon for a custom service: its initials on the colour the user picked. */
export function customServiceIcon(name: string, color: string): ServiceIcon {
  return monogramIcon(initialsFor(name), color);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const MAX_ICON_SIZE = 4096;

/** Corner radius of the 24×24 tile: the same rounded square for every service. */
const TILE = '<rect width="24" height="24" rx="5.5"';

/**
 * A self-contained SVG document for an icon, `size` pixels square: a rounded tile in the brand
 * colour with the brand mark (or the monogram) in a contrasting colour, so dark marks such as
 * GitHub's stay visible on dark themes. The icon is validated first, since custom icons come from
 * user input; an invalid icon or size throws `CATALOG_INVALID_ICON`.
 */
export function renderIconSvg(icon: ServiceIcon, size: number): string {
  if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0 || size > MAX_ICON_SIZE) {
    throw new FlowDeskError(
      'CATALOG_INVALID_ICON',
      `The icon size must be a number of pixels between 1 and ${MAX_ICON_SIZE}.`,
      { details: { size: String(size) } },
    );
  }
  const parsed = serviceIconSchema.safeParse(icon);
  if (!parsed.success) {
    throw new FlowDeskError('CATALOG_INVALID_ICON', 'This icon cannot be drawn: it is not valid.', {
      details: { issues: parsed.error.issues.map((issue) => issue.message) },
    });
  }
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" role="img">`;
  const valid = parsed.data;
  if (valid.kind === 'simple-icons') {
    const background = valid.hex.toLowerCase();
    // The 24-unit mark is scaled to 15 units and centred: a 4.5-unit margin on each side.
    return (
      `${open}${TILE} fill="${background}"/>` +
      `<path transform="translate(4.5 4.5) scale(0.625)" fill="${readableForeground(background)}" d="${valid.svgPath}"/></svg>`
    );
  }
  const fontSize = [...valid.text].length === 1 ? 13 : 10;
  // Baseline placed by hand (not dominant-baseline), which every SVG renderer honours alike.
  const baseline = (12 + fontSize * 0.36).toFixed(2);
  return (
    `${open}${TILE} fill="${valid.background.toLowerCase()}"/>` +
    `<text x="12" y="${baseline}" text-anchor="middle" font-family="system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif" font-size="${fontSize}" font-weight="600" fill="${valid.foreground.toLowerCase()}">${escapeXml(valid.text)}</text></svg>`
  );
}
