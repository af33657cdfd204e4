import { z } from 'zod';
import { CASE_CATEGORY_IDS } from '../domain/cases/case-categories.ts';
import { ROLES } from '../domain/roles.ts';
import { defineRoute, type RouteContract } from './route.ts';

export const DepartmentSchema = z
  .object({
    id: z.string().describe('e.g. dept-ecology'),
    name: z.string().describe('zh-CN name, e.g. 区生态环境局'),
    nameEn: z.string().optional(),
    categories: z.array(z.enum(CASE_CATEGORY_IDS)).describe('Case categories this unit handles'),
    handlesSuggestions: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentListSchema = z
  .object({ items: z.array(DepartmentSchema) })
  .meta({ id: 'DepartmentList' });
export type DepartmentList = z.infer<typeof DepartmentListSchema>;

export const listDepartmentsRoute = defineRoute({
  id: 'listDepartments',
  method: 'GET',
  path: '/departments',
  roles: ROLES,
  summary: 'List the departments (承办单位) and the case categories each handles',
  tag: 'registry',
  response: DepartmentListSchema,
  successStatus: 200,
});

/** Registry: enterprises, facilities, meters, departments, identifiers, factors. */
export const REGISTRY_ROUTES: readonly RouteContract[] = [listDepartmentsRoute];
