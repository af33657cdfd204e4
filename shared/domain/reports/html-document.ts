import { escapeXml } from './xml-text.ts';

/**
 * A report as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts and no
 * external requests, so it opens the same from S3, from an e-mail attachment or offline.
 */

export interface ReportTable {
  caption?: string;
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Columns (by index) that hold numbers: right-aligned. */
  numericColumns?: readonly number[];
}

export interface ReportSection {
  heading: string;
  paragraphs?: readonly string[];
  /** Inline SVG produced by svg-charts.ts (trusted: built from escaped text). */
  charts?: readonly string[];
  tables?: readonly ReportTable[];
  /** Notes that explain marks in the tables above them (e.g. a provisional deadline). */
  notes?: readonly string[];
}

export interface ReportDocument {
  title: string;
  subtitle?: string;
  generatedAt: string;
  sections: readonly ReportSection[];
  footnotes?: readonly string[];
}

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:60rem;color:#1f2933;line-height:1.5}
h1{color:#1b7f5f;margin-bottom:0}h2{border-bottom:2px solid #1b7f5f;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #d9e2ec;padding:.3rem .5rem;text-align:left}
th{background:#f0f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:.3rem 0}
.meta{color:#52606d}figure{margin:1rem 0}footer{margin-top:2rem;font-size:.85rem;color:#52606d}`;

export const renderHtmlDocument = (report: ReportDocument): string => {
  const sections = report.sections.map(renderSection).join('\n');
  const footnotes = (report.footnotes ?? []).map((note) => `<p>${escapeXml(note)}</p>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(report.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escapeXml(report.title)}</h1>${report.subtitle ? `<p class="meta">${escapeXml(report.subtitle)}</p>` : ''}
<p class="meta">生成时间 Generated: ${escapeXml(report.generatedAt)}</p></header>
<main>
${sections}
</main>
<footer>${footnotes}</footer>
</body>
</html>
`;
};

const renderSection = (section: ReportSection): string => {
  const paragraphs = (section.paragraphs ?? []).map((text) => `<p>${escapeXml(text)}</p>`).join('');
  const charts = (section.charts ?? []).map((svg) => `<figure>${svg}</figure>`).join('');
  const tables = (section.tables ?? []).map(renderTable).join('');
  const notes = (section.notes ?? []).map((text) => `<p class="meta">${escapeXml(text)}</p>`).join('');
  return `<section><h2>${escapeXml(section.heading)}</h2>${paragraphs}${charts}${tables}${notes}</section>`;
};

const renderTable = (table: ReportTable): string => {
  const numeric = new Set(table.numericColumns ?? []);
  const head = table.header.map((cell) => `<th scope="col">${escapeXml(cell)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (numeric.has(index) ? `<td class="num">${escapeXml(String(cell))}</td>` : `<td>${escapeXml(String(cell))}</td>`)).join('')}</tr>`,
    )
    .join('');
  const caption = table.caption ? `<caption>${escapeXml(table.caption)}</caption>` : '';
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
};
