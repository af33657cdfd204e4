import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../web/src/console/lib/csv.ts';

describe('console CSV export', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, so Excel reads Chinese', () => {
    const csv = toCsv([{ title: '标题', value: (r: { t: string }) => r.t }], [{ t: '河道排污' }]);
    expect(csv).toBe('\uFEFF标题\r\n河道排污\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes fields holding commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说 "污水"')).toBe('"说 ""污水"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('keeps a cell that looks like a formula from running in Excel', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+86 123')).toBe("'+86 123");
    expect(csvField('-3')).toBe("'-3");
    // Numbers stay numbers.
    expect(csvField(-3)).toBe('-3');
  });
});
