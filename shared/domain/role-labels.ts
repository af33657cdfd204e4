import type { Role } from './roles.ts';
import type { ActorRole } from './workflow/timeline.ts';

/**
 * What a reader is shown instead of a person's id when the id is withheld (case-privacy.ts): the
 * role the person acted in, as people call it. Codes stay English in `actorRole` / `authorRole`.
 */
export const ROLE_LABELS: Readonly<Record<ActorRole, string>> = {
  deputy: '代表',
  handler: '承办人员',
  head: '承办部门负责人',
  supervisor: '人大工作人员',
  admin: '管理员',
  system: '系统',
} satisfies Record<Role | 'system', string>;

export const roleLabelOf = (role: string | undefined): string | undefined =>
  role !== undefined && role in ROLE_LABELS ? ROLE_LABELS[role as ActorRole] : undefined;
