import type { Readable } from 'node:stream';

/** Placeholder until the .xlsx reader lands (docs/imports.md, "Excel"). */
export async function* xlsxRows(_stream: Readable): AsyncGenerator<string[]> {
  yield* [];
  throw new Error('暂不支持 .xlsx 文件 (.xlsx files are not read yet)');
}
