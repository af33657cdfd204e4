import { useEffect, useState } from 'react';
import type { ConsoleApi, Department } from '../api.ts';

let cached: Promise<Department[]> | undefined;

/** The departments, read once per page load (they change rarely). */
export const useDepartments = (api: ConsoleApi): Department[] => {
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    cached ??= api.listDepartments().then((list) => list.items);
    cached.then(setDepartments, () => {
      cached = undefined;
    });
  }, [api]);
  return departments;
};

export const departmentName = (departments: readonly Department[], id: string | undefined): string =>
  id === undefined ? '' : (departments.find((d) => d.id === id)?.name ?? id);
