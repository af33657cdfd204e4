import { ROLE_LABELS as DOMAIN_ROLE_LABELS } from '../../../../shared/domain/role-labels.ts';
import { ROLES } from '../../../../shared/domain/roles.ts';

/**
 * The roles as people call them: the API's own words (shared/domain/role-labels.ts, what it writes
 * into timelines and notifications), plus the enterprise accounts' group, which is no role.
 */
export const ROLE_LABELS: Record<string, string> = Object.fromEntries(
  ROLES.map((role) => [role, DOMAIN_ROLE_LABELS[role]]),
);

export const GROUP_LABELS: Record<string, string> = { ...ROLE_LABELS, enterprise: '企业账号' };
