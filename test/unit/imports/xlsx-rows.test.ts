import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxRows } from '../../../shared/adapters/s3/xlsx-rows.ts';
import { ImportFileError } from '../../../shared/domain/imports/file-rows.ts';
import { makeXlsx } from '../../support/xlsx.ts';

const read = async (bytes: Uint8Array, chunk = 97) => {
  const chunks = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(Buffer.from(bytes.slice(i, i + chunk)));
  const rows: string[][] = [];
  for await (const row of xlsxRows(Readable.from(chunks))) rows.push(row);
  return rows;
};

describe('reading .xlsx rows as a stream', () => {
  it('gives each row’s cells in column order, shared strings resolved though written after the sheet', async () => {
    const bytes = makeXlsx([
      ['账户编号 accountId', '期间 period', '用量 quantity', '单位 unit'],
      ['GD-POWER-0004', '2026-10', 31000.5, 'kWh'],
      ['GD-POWER-0004', '', 12, 'kWh'],
      ['A&B <x>', '2026-09', 0.1, 'MWh'],
    ]);
    expect(await read(bytes)).toEqual([
      ['账户编号 accountId', '期间 period', '用量 quantity', '单位 unit'],
      ['GD-POWER-0004', '2026-10', '31000.5', 'kWh'],
      ['GD-POWER-0004', '', '12', 'kWh'],
      ['A&B <x>', '2026-09', '0.1', 'MWh'],
    ]);
  });

  it('keeps the order of 20 000 rows fed in small chunks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`ACC-${i}`, i]);
    const read20k = await read(makeXlsx(rows), 4096);
    expect(read20k).toHaveLength(20_000);
    expect(read20k[12_345]).toEqual(['ACC-12345', '12345']);
  });

  it('refuses what is not an .xlsx as a fault of the file', async () => {
    await expect(read(new TextEncoder().encode('accountId,period\nA,2026-10\n'))).rejects.toBeInstanceOf(
      ImportFileError,
    );
  });
});
