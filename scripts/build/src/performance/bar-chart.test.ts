import { describe, expect, it } from 'vitest';
import { barChartSvg, formatValue } from './bar-chart';

describe('the performance bar chart', () => {
  it('draws bars in proportion, labelled with their values and a text alternative', () => {
    const svg = barChartSvg({
      title: 'Memory of 30 services',
      unit: 'MB',
      bars: [
        { label: 'no limit', value: 4368 },
        { label: 'default limit', value: 1203 },
      ],
    });
    const widths = [...svg.matchAll(/<rect x="230" y="\d+" width="(\d+)"/g)].map((match) =>
      Number(match[1]),
    );
    expect(widths).toEqual([300, 83]);
    expect(svg).toContain('<title>Memory of 30 services</title>');
    expect(svg).toContain(
      'aria-label="Memory of 30 services. no limit: 4 368 MB; default limit: 1 203 MB"',
    );
    expect(svg).toContain('>4 368 MB</text>');
  });

  it('escapes labels, and draws nothing but the frame for all-zero figures', () => {
    const svg = barChartSvg({
      title: 'A <b> & "c"',
      unit: 'ms',
      bars: [{ label: 'x<y', value: 0 }],
    });
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('x&lt;y');
    expect(svg).toContain('width="0" height="22"');
  });

  it('formats figures as the docs write them', () => {
    expect(formatValue(4368)).toBe('4 368');
    expect(formatValue(0.002)).toBe('0.002');
    expect(formatValue(197.4)).toBe('197');
    expect(formatValue(9.234)).toBe('9.23');
  });
});
