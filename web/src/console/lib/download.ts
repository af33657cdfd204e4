import { type CsvColumn, toCsv } from './csv.ts';

/** Saves the CSV through a temporary link (no server round trip: the list is already loaded). */
export const downloadCsv = <T>(fileName: string, columns: readonly CsvColumn<T>[], rows: readonly T[]) => {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
