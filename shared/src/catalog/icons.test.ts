import { siGithub } from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { FlowDeskError } from '../core';
import { SERVICE_CATALOG } from './catalog';
import { contrastRatio, isHexColor, readableForeground, relativeLuminance } from './color';
import {
  customServiceIcon,
  escapeXml,
  initialsFor,
  monogramIcon,
  renderIconSvg,
  serviceIconSchema,
  simpleIcon,
} from './icons';
import type { ServiceIcon } from './icons';

/**
 * A strict enough check that a string is one well-formed SVG element tree: balanced tags, quoted
 * attributes, no stray `<` or unescaped `&` in text, the SVG namespace on the root.
 */
function expectWellFormedSvg(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let index = 0;
  while (index < svg.length) {
    if (svg[index] !== '<') {
      const end = svg.indexOf('<', index);
      const text = svg.slice(index, end === -1 ? svg.length : end);
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&>]/);
      expect(stack.length, 'text outside the root element').toBeGreaterThan(0);
      index = end === -1 ? svg.length : end;
      continue;
    }
    tag.lastIndex = index;
    const match = tag.exec(svg);
    expect(match, `malformed markup at ${index}: ${svg.slice(index, index + 40)}`).not.toBeNull();
    const [whole, closing, name, , selfClosing] = match!;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    if (stack.length === 0) expect(index + whole.length, 'content after the root').toBe(svg.length);
    index += whole.length;
  }
  expect(stack).toEqual([]);
}

describe('colours', () => {
  it('recognises #rrggbb only', () => {
    expect(isHexColor('#1a2B3c')).toBe(true);
    for (const bad of ['1a2b3c', '#fff', '#1a2b3c0', 'red', 7, null]) {
      expect(isHexColor(bad)).toBe(false);
    }
  });

  it('computes WCAG luminance and contrast', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 3);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
  });

  it('picks white text on dark colours and dark text on light ones', () => {
    expect(readableForeground('#4a154b')).toBe('#ffffff');
    expect(readableForeground('#000000')).toBe('#ffffff');
    expect(readableForeground('#ffe01b')).toBe('#111111');
    expect(readableForeground('#6afdef')).toBe('#111111');
  });
});

describe('monograms', () => {
  it.each([
    ['Team wiki', 'TW'],
    ['slack', 'S'],
    ['  élan vital ', 'ÉV'],
    ['Straße', 'S'],
    ['ßeta', 'SS'],
    ['42 things', '4T'],
    ['日本 語', '日語'],
    ['!!!', '?'],
    ['', '?'],
    ['<script> alert', 'SA'],
  ])('initialsFor(%j) is %j', (name, initials) => {
    expect(initialsFor(name)).toBe(initials);
  });

  it('builds a monogram with a readable foreground', () => {
    expect(monogramIcon('S', '#4a154b')).toEqual({
      kind: 'monogram',
      text: 'S',
      background: '#4a154b',
      foreground: '#ffffff',
    });
    expect(customServiceIcon('Intranet portal', '#ffe01b')).toEqual({
      kind: 'monogram',
      text: 'IP',
      background: '#ffe01b',
      foreground: '#111111',
    });
  });

  it('wraps a simple-icons export with a #-prefixed hex', () => {
    expect(simpleIcon(siGithub)).toEqual({
      kind: 'simple-icons',
      slug: 'github',
      svgPath: siGithub.path,
      hex: '#181717',
    });
  });
});

describe('serviceIconSchema', () => {
  it.each<[string, unknown]>([
    [
      'markup in a path',
      { kind: 'simple-icons', slug: 'x', svgPath: 'M0 0"/><script/>', hex: '#000000' },
    ],
    [
      'an attribute in a colour',
      { kind: 'monogram', text: 'A', background: '#fff" onload="x', foreground: '#000000' },
    ],
    [
      'three letters',
      { kind: 'monogram', text: 'ABC', background: '#ffffff', foreground: '#000000' },
    ],
    ['blank text', { kind: 'monogram', text: ' ', background: '#ffffff', foreground: '#000000' }],
    ['an unknown kind', { kind: 'emoji', text: 'x' }],
    ['a bad slug', { kind: 'simple-icons', slug: 'Git Hub', svgPath: 'M0 0', hex: '#000000' }],
  ])('rejects %s', (_label, icon) => {
    expect(serviceIconSchema.safeParse(icon).success).toBe(false);
  });

  it('accepts two code points even when they are astral', () => {
    const icon = { kind: 'monogram', text: '🚀✨', background: '#000000', foreground: '#ffffff' };
    expect(serviceIconSchema.safeParse(icon).success).toBe(true);
  });
});

describe('renderIconSvg', () => {
  it('draws a simple-icons brand as a tile with the mark in a contrasting colour', () => {
    const svg = renderIconSvg(simpleIcon(siGithub), 24);
    expectWellFormedSvg(svg);
    expect(svg).toContain('width="24" height="24" viewBox="0 0 24 24"');
    expect(svg).toContain('<rect width="24" height="24" rx="5.5" fill="#181717"/>');
    expect(svg).toContain(`fill="#ffffff" d="${siGithub.path}"`);
  });

  it('draws a monogram with escaped text', () => {
    const icon: ServiceIcon = {
      kind: 'monogram',
      text: '<&',
      background: '#FFFFFF',
      foreground: '#000000',
    };
    const svg = renderIconSvg(icon, 64);
    expectWellFormedSvg(svg);
    expect(svg).toContain('>&lt;&amp;</text>');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('font-size="10"');
    expect(renderIconSvg(monogramIcon('S', '#4a154b'), 16)).toContain('font-size="13"');
  });

  it('escapes every XML special character', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it.each(SERVICE_CATALOG.map((entry) => [entry.id, entry.icon] as const))(
    '%s: its icon renders to a well-formed SVG',
    (_id, icon) => {
      expectWellFormedSvg(renderIconSvg(icon, 32));
    },
  );

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 5000, '24' as unknown as number])(
    'refuses the size %s with CATALOG_INVALID_ICON',
    (size) => {
      expect(() => renderIconSvg(simpleIcon(siGithub), size)).toThrow(
        expect.objectContaining({ code: 'CATALOG_INVALID_ICON' }) as Error,
      );
    },
  );

  it('refuses an icon that would inject markup', () => {
    const icon = {
      kind: 'monogram',
      text: 'A',
      background: '#fff"/><script>alert(1)</script><rect fill="',
      foreground: '#000000',
    } as unknown as ServiceIcon;
    expect(() => renderIconSvg(icon, 24)).toThrow(FlowDeskError);
    expect(() => renderIconSvg(null as unknown as ServiceIcon, 24)).toThrow(/not valid/);
  });
});
