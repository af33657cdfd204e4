import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api.ts';
import { messageOf } from '../lib/use-load.ts';
import { fieldOf, isStaleVersion } from './problem-fields.ts';

/**
 * A refused write, as the form shows it: each failing field of the problem (`/body/uscc`,
 * `/body/location/latitude`) under its own input, the rest in one line above the form; a version
 * conflict is told apart so the page can say so plainly and reload what the other tab saved.
 */
export interface Refusal {
  conflict: boolean;
  text: string;
}

export const isVersionConflict = (error: unknown): boolean =>
  error instanceof ApiError && isStaleVersion(error.status, error.problem?.detail);

export const CONFLICT_TEXT =
  '保存失败：这条记录已被他人（或您在另一个窗口中）修改。已重新载入最新内容，请核对后再保存。';

export const applyRefusal = (form: FormInstance, fields: readonly string[], error: unknown): Refusal => {
  if (isVersionConflict(error)) return { conflict: true, text: CONFLICT_TEXT };
  const problems = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  const known = new Set(fields);
  const placed = problems.filter(
    (p) => p.path.startsWith('/body/') && known.has(String(fieldOf(p.path)[0] ?? '')),
  );
  form.setFields(
    placed.map((p) => {
      const name = fieldOf(p.path);
      // Coordinates are edited as one field (the map pick); a nested path lands on it.
      return { name: name[0] === 'location' ? 'location' : name, errors: [p.message] };
    }),
  );
  const rest = problems.filter((p) => !placed.includes(p));
  const text = [messageOf(error), ...rest.map((p) => `${p.path}：${p.message}`)].join('；');
  return { conflict: false, text };
};
