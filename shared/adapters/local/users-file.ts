import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Role } from '../../domain/roles.ts';
import type { IdentityAdmin, ManagedUser } from '../../ports/identity-admin.ts';

/**
 * The local issuer's users as a file (users-directory.json in the data folder): the stack writes the
 * demo users at start, the local OIDC provider reads it at each sign-in, and this adapter lets the
 * API change a user's groups and department in it, as the Cognito adapter does in a user pool.
 */
export interface LocalDirectoryUser {
  sub: string;
  username: string;
  groups: Role[];
  department?: string;
  /** An enterprise account's enterprise (the local issuer's `custom:enterprise`). */
  enterprise?: string;
}

/** Synchronous: the OIDC provider asks for the users while answering a sign-in. */
export const readLocalUsers = (file: string): LocalDirectoryUser[] => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalDirectoryUser[];
  } catch {
    return [];
  }
};

export const writeLocalUsers = async (file: string, users: readonly LocalDirectoryUser[]) => {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(users, null, 2), { mode: 0o600 });
  await rename(temporary, file);
};

const managed = (user: LocalDirectoryUser): ManagedUser => ({
  username: user.username,
  sub: user.sub,
  roles: user.groups,
  ...(user.department === undefined ? {} : { departmentId: user.department }),
  enabled: true,
});

export class LocalIdentityAdmin implements IdentityAdmin {
  readonly kind = 'local';
  readonly #file: string;
  /** Changes run one after another: the local runtime's handlers share one process. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.#file = file;
  }

  async listUsers(): Promise<ManagedUser[]> {
    return readLocalUsers(this.#file).map(managed);
  }

  async getUser(username: string): Promise<ManagedUser | undefined> {
    const user = readLocalUsers(this.#file).find((candidate) => candidate.username === username);
    return user === undefined ? undefined : managed(user);
  }

  setRoles(user: ManagedUser, roles: Role[], departmentId: string | undefined): Promise<ManagedUser> {
    const change = async () => {
      const users = readLocalUsers(this.#file).map((entry) => {
        if (entry.username !== user.username) return entry;
        const { department: _, ...rest } = entry;
        return {
          ...rest,
          groups: roles,
          ...(departmentId === undefined ? {} : { department: departmentId }),
        };
      });
      await writeLocalUsers(this.#file, users);
      return managed(users.find((entry) => entry.username === user.username) as LocalDirectoryUser);
    };
    const next = this.#queue.then(change, change);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
