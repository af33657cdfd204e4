import { identityClaims } from '../../shared/config/env.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';
import { ENTERPRISE_GROUP, isRole, type Principal } from '../../shared/domain/roles.ts';

/**
 * API Gateway's JWT authorizer hands claims over as strings; an array claim such as
 * `cognito:groups` arrives as `"[deputy admin]"`. Accept that form and a real array.
 */
export const parseGroupsClaim = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map((group) => String(group).replace(/^.*\//, ''));
  if (typeof value !== 'string' || value.trim() === '') return [];
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  // Keycloak's group mapper may send full paths (`/deputy`); the role is the last segment.
  return inner
    .split(/[\s,]+/)
    .map((group) => group.replace(/^.*\//, ''))
    .filter((group) => group.length > 0);
};

/** Who is asking, from the claims the authorizer already verified. */
/** The part of a payload-2.0 event the JWT authorizer fills in. */
export interface AuthorizedEventShape {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
}

/** Claim names come from the deployment (Cognito's by default, any OIDC issuer's when configured). */
export const principalFromEvent = (event: AuthorizedEventShape, names = identityClaims()): Principal => {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (claims === undefined || typeof sub !== 'string' || sub === '') {
    throw new UnauthorizedError('请求没有经过验证的身份 (no verified identity on this request)');
  }
  const department = claims[names.department];
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  const groups = parseGroupsClaim(claims[names.groups]);
  // An enterprise account needs both the group and the claim naming its enterprise.
  const enterprise = groups.includes(ENTERPRISE_GROUP) ? claims[names.enterprise] : undefined;
  return {
    userId: sub,
    username: String(claims[names.username] ?? sub),
    roles: groups.filter(isRole),
    ...(typeof department === 'string' && department !== '' ? { departmentId: department } : {}),
    ...(typeof enterprise === 'string' && enterprise !== '' ? { enterpriseId: enterprise } : {}),
    ...(name === '' ? {} : { displayName: name }),
  };
};
