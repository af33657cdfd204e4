import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../shared/domain/reports/chart-scale.ts';
import { toCsv } from '../../../shared/domain/reports/csv.ts';
import { renderHtmlDocument } from '../../../shared/domain/reports/html-document.ts';
import { barChart, lineChart } from '../../../shared/domain/reports/svg-charts.ts';

/** Every opened element is closed in order: enough to catch broken markup without a parser. */
const isBalancedXml = (xml: string): boolean => {
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name as string);
  }
  return stack.length === 0;
};

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, uses CRLF and a BOM for Excel', () => {
    const csv = toCsv(
      ['企业', 'tCO2e'],
      [
        ['青山钢铁, 一厂', 12.5],
        ['say "hi"\nthere', null],
      ],
    );
    expect(csv).toBe('\uFEFF企业,tCO2e\r\n"青山钢铁, 一厂",12.5\r\n"say ""hi""\nthere",\r\n');
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [[1]], { byteOrderMark: false })).toBe('a\r\n1\r\n');
  });
});

describe('chart axis', () => {
  it('rounds the top of the axis up to a nice step', () => {
    expect(niceScale(47.3)).toEqual({ max: 50, step: 10, ticks: [0, 10, 20, 30, 40, 50] });
    expect(niceScale(0.87).max).toBe(1);
    expect(niceScale(1234)).toMatchObject({ max: 1250, step: 250 });
  });

  it('gives a usable axis when everything is zero', () => {
    expect(niceScale(0).max).toBeGreaterThan(0);
  });
});

describe('SVG charts', () => {
  it('draws one path per series and lifts the pen over gaps', () => {
    const svg = lineChart({
      title: '日排放趋势',
      unit: 'tCO2e',
      labels: ['1', '2', '3', '4'],
      series: [
        { name: '本期', values: [1, 2, null, 4] },
        { name: '上期', values: [1, 1, 1, 1] },
      ],
    });
    expect(isBalancedXml(svg)).toBe(true);
    const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1] as string);
    expect(paths).toHaveLength(2);
    expect(paths[0]?.match(/M/g)).toHaveLength(2);
    expect(paths[1]?.match(/M/g)).toHaveLength(1);
    expect(svg).toContain('<title>日排放趋势 (tCO2e)</title>');
  });

  it('draws bars in proportion to their values with the budget marker', () => {
    const svg = barChart({
      title: '排放排名',
      unit: 'tCO2e',
      bars: [
        { label: 'A', value: 40, marker: 50 },
        { label: 'B', value: 20 },
      ],
    });
    const widths = [...svg.matchAll(/class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect((widths[0] as number) / (widths[1] as number)).toBeCloseTo(2, 2);
    expect(svg.match(/class="marker"/g)).toHaveLength(1);
    expect(isBalancedXml(svg)).toBe(true);
  });

  it('escapes names so report text cannot inject markup', () => {
    const svg = barChart({ title: 't', unit: 'u', bars: [{ label: '<script>x</script>', value: 1 }] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('HTML document', () => {
  it('embeds charts and tables in a self-contained page', () => {
    const chart = barChart({ title: 'c', unit: 'u', bars: [{ label: 'x', value: 1 }] });
    const html = renderHtmlDocument({
      title: '青山区碳排放月报',
      generatedAt: '2026-12-01T00:00:00Z',
      sections: [
        {
          heading: '总览',
          paragraphs: ['a & b'],
          charts: [chart],
          tables: [{ header: ['企业', '排放'], rows: [['x', '1.000']], numericColumns: [1] }],
        },
      ],
    });
    expect(html).toContain('<svg');
    expect(html).toContain('<td class="num">1.000</td>');
    expect(html).toContain('a &amp; b');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(isBalancedXml(html.replace(/<!DOCTYPE[^>]*>/, '').replace(/<meta[^>]*>/g, ''))).toBe(true);
  });
});
