import type { Readable } from 'node:stream';
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import sax from 'sax';
import { ImportFileError } from '../../domain/imports/file-rows.ts';

/**
 * The first worksheet of an .xlsx file as rows of cell texts, streamed (docs/imports.md, "Excel"):
 * the zip is inflated as its bytes arrive (fflate), each XML part parsed as it inflates (sax), and a
 * row is handed on as soon as its `</row>` is read. Excel usually writes the shared-string table
 * after the sheets: rows read before it hold indexes, kept compactly and resolved once it is read.
 *
 * The first worksheet is `xl/worksheets/sheet1.xml` (Excel's name for the first sheet it wrote).
 * Numbers come as Excel stores them (`84560`, `31.5`); text cells, shared or inline, as their text.
 */

const FIRST_SHEET = 'xl/worksheets/sheet1.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** A cell: its text, or (shared string not read yet) the index into the table. */
type Cell = string | { shared: number };

/** `B12` → 1; `AA3` → 26. */
const columnOf = (ref: string): number => {
  let column = 0;
  for (const ch of ref) {
    if (ch < 'A' || ch > 'Z') break;
    column = column * 26 + (ch.charCodeAt(0) - 64);
  }
  return column - 1;
};

/** Parses a worksheet's XML as it arrives; calls `onRow` per row. */
const sheetParser = (onRow: (cells: Cell[]) => void) => {
  const parser = sax.parser(true);
  let row: Cell[] | undefined;
  let cell: { column: number; type: string; text: string } | undefined;
  let inValue = false;
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'row') row = [];
    else if (tag.name === 'c' && row)
      cell = {
        column: attributes.r ? columnOf(attributes.r) : row.length,
        type: attributes.t ?? 'n',
        text: '',
      };
    else if (cell && (tag.name === 'v' || tag.name === 't')) inValue = true;
  };
  parser.ontext = (text) => {
    if (cell && inValue) cell.text += text;
  };
  parser.onclosetag = (name) => {
    if (name === 'v' || name === 't') inValue = false;
    else if (name === 'c' && cell && row) {
      while (row.length < cell.column) row.push('');
      row[cell.column] = cell.type === 's' ? { shared: Number(cell.text) } : cell.text;
      cell = undefined;
    } else if (name === 'row' && row) {
      onRow(row);
      row = undefined;
    }
  };
  return parser;
};

/** Parses the shared-string table: each `<si>`'s text runs joined (phonetic `<rPh>` runs left out). */
const sharedStringsParser = (strings: string[]) => {
  const parser = sax.parser(true);
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  parser.onopentag = (tag) => {
    if (tag.name === 'si') current = '';
    else if (tag.name === 'rPh') inPhonetic = true;
    else if (tag.name === 't') inText = !inPhonetic;
  };
  parser.ontext = (text) => {
    if (inText && current !== undefined) current += text;
  };
  parser.onclosetag = (name) => {
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') {
      strings.push(current ?? '');
      current = undefined;
    }
  };
  return parser;
};

const decoder = () => new TextDecoder('utf-8');

/** A file that is not a readable .xlsx fails its import with the reason (not a retry). */
export async function* xlsxRows(stream: Readable): AsyncGenerator<string[]> {
  try {
    yield* readXlsx(stream);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`无法读取 .xlsx 文件 (not a readable .xlsx file: ${reason})`);
  }
}

async function* readXlsx(stream: Readable): AsyncGenerator<string[]> {
  const strings: string[] = [];
  let stringsRead = false;
  let sheetSeen = false;
  const ready: string[][] = [];
  const waiting: Cell[][] = [];
  const resolve = (cells: Cell[]) =>
    cells.map((c) => (typeof c === 'string' ? c : (strings[c.shared] ?? '')));
  const onRow = (cells: Cell[]) => {
    // Once a row waits for the table, every later one waits too: rows keep the file's order.
    if (stringsRead || (waiting.length === 0 && cells.every((c) => typeof c === 'string')))
      ready.push(resolve(cells));
    else waiting.push(cells);
  };
  const feed = (file: UnzipFile, parser: sax.SAXParser, done: () => void) => {
    const text = decoder();
    file.ondata = (error, data, final) => {
      if (error) throw error;
      parser.write(text.decode(data, { stream: !final }));
      if (final) {
        parser.close();
        done();
      }
    };
    file.start();
  };
  const unzip = new Unzip((file) => {
    if (file.name === FIRST_SHEET) {
      sheetSeen = true;
      feed(file, sheetParser(onRow), () => undefined);
    } else if (file.name === SHARED_STRINGS) {
      feed(file, sharedStringsParser(strings), () => {
        stringsRead = true;
        ready.push(...waiting.splice(0).map(resolve));
      });
    }
  });
  unzip.register(UnzipInflate);
  for await (const chunk of stream) {
    unzip.push(chunk as Uint8Array);
    yield* ready.splice(0);
  }
  unzip.push(new Uint8Array(0), true);
  yield* ready.splice(0);
  if (!sheetSeen) throw new ImportFileError('.xlsx 文件没有工作表 (the .xlsx file has no first worksheet)');
  yield* waiting.splice(0).map(resolve);
}
