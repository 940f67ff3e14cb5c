/**
 * A horizontal bar chart as a standalone SVG file for docs/performance.md: no script, no fonts
 * to load, readable in light and dark mode (GitHub shows it on either background), with a title
 * and a text alternative for screen readers.
 */

export interface Bar {
  label: string;
  value: number;
}

export interface BarChart {
  title: string;
  /** The unit after each value ("ms", "MB", "per second"). */
  unit: string;
  bars: readonly Bar[];
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 110;
const BAR_HEIGHT = 22;
const GAP = 10;
const TOP = 40;

export function barChartSvg(chart: BarChart): string {
  const max = Math.max(...chart.bars.map((bar) => bar.value), 0);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP + chart.bars.length * (BAR_HEIGHT + GAP) + GAP;
  const description = chart.bars
    .map((bar) => `${bar.label}: ${formatValue(bar.value)} ${chart.unit}`)
    .join('; ');
  const rows = chart.bars.map((bar, index) => {
    const y = TOP + index * (BAR_HEIGHT + GAP);
    const length = max === 0 ? 0 : Math.max(1, Math.round((bar.value / max) * plot));
    const middle = y + BAR_HEIGHT / 2 + 4;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}" rx="3" fill="#2563eb"/>`,
      `<text x="${LABEL_WIDTH + length + 6}" y="${middle}">${escapeXml(`${formatValue(bar.value)} ${chart.unit}`)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(`${chart.title}. ${description}`)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect width="${WIDTH}" height="${height}" rx="6" fill="#ffffff" stroke="#d4d4d4"/>`,
    `<g font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13" fill="#171717">`,
    `<text x="12" y="24" font-weight="600" font-size="14">${escapeXml(chart.title)}</text>`,
    ...rows,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US').replace(/,/g, ' ');
  return Math.abs(value) >= 100 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
