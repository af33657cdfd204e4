import type { Role } from '../domain/roles.ts';

/**
 * The people who sign in (staff directory), with what notifications need: roles, department, contact
 * addresses. Keyed by the identity provider's `sub`, the id the API knows a person by. Locally the
 * demo users are seeded; in the cloud `npm run users -- add` writes the entry with the account
 * (docs/notifications.md). Deputies may have an entry too (for email/SMS); the deputy directory
 * (deputy-directory.ts) stays the roster of who may co-sign.
 */
export interface DirectoryPerson {
  id: string;
  name: string;
  roles: Role[];
  /** Handlers' and heads' department. */
  departmentId?: string;
  email?: string;
  /** E.164, e.g. +8613800000000. */
  phone?: string;
  status: 'active' | 'inactive';
}

export interface UserDirectory {
  getPerson(id: string): Promise<DirectoryPerson | undefined>;
  /** Active people holding `role` in the department. */
  listDepartment(departmentId: string, role: 'handler' | 'head'): Promise<DirectoryPerson[]>;
  /** Active people holding a district-wide role. */
  listRole(role: 'supervisor' | 'admin'): Promise<DirectoryPerson[]>;
  /** Writes the entry and its listings (replacing those of roles or a department it no longer has). */
  putPerson(person: DirectoryPerson): Promise<void>;
}
