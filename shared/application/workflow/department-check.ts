import { type FieldError, UnprocessableError } from '../../domain/errors.ts';
import type { DepartmentExists } from './workflow-ports.ts';

/**
 * One rule for cases and suggestions: a record handed to a department the registry does not know
 * would be held by no one. 422, one field error per path that names an unknown department.
 */
export const requireKnownDepartments = async (
  exists: DepartmentExists,
  named: readonly { path: string; id: string | undefined }[],
  title: string,
): Promise<void> => {
  const known = new Map<string, boolean>();
  const errors: FieldError[] = [];
  for (const { path, id } of named) {
    if (id !== undefined && !known.has(id)) known.set(id, await exists(id));
    if (id === undefined || known.get(id) !== true) {
      errors.push({
        path,
        message: `部门 ${id ?? '（未填写）'} 不存在 (department ${id ?? '(none)'} does not exist)`,
      });
    }
  }
  if (errors.length > 0) throw new UnprocessableError(title, errors);
};
