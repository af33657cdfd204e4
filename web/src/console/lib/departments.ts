import { useEffect, useState } from 'react';
import type { ConsoleApi, Department } from '../api.ts';

let cached: Promise<Department[]> | undefined;

/**
 * The departments, read once per page load (they change rarely). `wanted` false reads nothing: an
 * enterprise account may not list them (403), and the shell needs them only to name a department.
 */
export const useDepartments = (api: ConsoleApi, wanted = true): Department[] => {
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    if (!wanted) return;
    cached ??= api.listDepartments().then((list) => list.items);
    cached.then(setDepartments, () => {
      cached = undefined;
    });
  }, [api, wanted]);
  return departments;
};

export const departmentName = (departments: readonly Department[], id: string | undefined): string =>
  id === undefined ? '' : (departments.find((d) => d.id === id)?.name ?? id);
