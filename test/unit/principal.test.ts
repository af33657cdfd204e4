import { describe, expect, it } from 'vitest';
import { parseGroupsClaim, principalFromEvent } from '../../functions/middleware/principal.ts';
import { identityClaims } from '../../shared/config/env.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const eventWith = (claims: Record<string, unknown> | undefined) => ({
  requestContext: { authorizer: claims === undefined ? undefined : { jwt: { claims } } },
});

describe('principalFromEvent', () => {
  it('reads the groups in the bracketed form API Gateway passes them in', () => {
    // Prepare
    const event = eventWith({
      sub: 'u-1',
      'cognito:username': 'head-eco',
      'cognito:groups': '[head handler]',
      'custom:department': 'dept-ecology',
    });

    // Act
    const principal = principalFromEvent(event);

    // Assess
    expect(principal).toEqual({
      userId: 'u-1',
      username: 'head-eco',
      roles: ['head', 'handler'],
      departmentId: 'dept-ecology',
    });
  });

  it('reads the display name from the standard name claim, when there is one', () => {
    const named = principalFromEvent(
      eventWith({ sub: 'u-3', name: ' 李代表 ', 'cognito:groups': '[deputy]' }),
    );
    expect(named.displayName).toBe('李代表');
    const unnamed = principalFromEvent(eventWith({ sub: 'u-4', name: '', 'cognito:groups': '[deputy]' }));
    expect(unnamed).not.toHaveProperty('displayName');
  });

  it('ignores groups that are not roles of this platform', () => {
    expect(parseGroupsClaim('[deputy us-east-1_abc_Google]')).toEqual(['deputy', 'us-east-1_abc_Google']);
    const principal = principalFromEvent(
      eventWith({ sub: 'u-2', 'cognito:groups': ['deputy', 'superuser'] }),
    );
    expect(principal.roles).toEqual(['deputy']);
  });

  it('refuses a request without verified claims', () => {
    expect(() => principalFromEvent(eventWith(undefined))).toThrow(UnauthorizedError);
    expect(() => principalFromEvent(eventWith({ 'cognito:groups': '[admin]' }))).toThrow(UnauthorizedError);
  });

  it('reads groups, department and name from the claims an OIDC issuer is configured with', () => {
    // Prepare: a Keycloak-style token, and the names the stack sets from -c groupsClaim=… etc.
    const names = { groups: 'groups', department: 'dept', enterprise: 'org', username: 'preferred_username' };
    const event = eventWith({
      sub: 'kc-7',
      preferred_username: 'zhang.san',
      groups: '[/head /handler]',
      dept: 'dept-water',
      'cognito:groups': '[admin]',
    });

    // Act
    const principal = principalFromEvent(event, names);

    // Assess: Cognito's claims are ignored once other names are configured.
    expect(principal).toEqual({
      userId: 'kc-7',
      username: 'zhang.san',
      roles: ['head', 'handler'],
      departmentId: 'dept-water',
    });
  });

  it('takes the claim names from the environment the stack sets', () => {
    const env = { QS_GROUPS_CLAIM: 'roles', QS_DEPARTMENT_CLAIM: 'org', QS_USERNAME_CLAIM: 'name' };

    const names = identityClaims(env);
    const principal = principalFromEvent(eventWith({ sub: 's', roles: ['supervisor'], org: 'd1' }), names);

    expect(names).toEqual({
      groups: 'roles',
      department: 'org',
      enterprise: 'custom:enterprise',
      username: 'name',
    });
    expect(principal).toMatchObject({ roles: ['supervisor'], departmentId: 'd1' });
    expect(identityClaims({})).toEqual({
      groups: 'cognito:groups',
      department: 'custom:department',
      enterprise: 'custom:enterprise',
      username: 'cognito:username',
    });
  });

  it('names the enterprise of an enterprise account, and of no one else', () => {
    const account = principalFromEvent(
      eventWith({ sub: 'e-1', 'cognito:groups': '[enterprise]', 'custom:enterprise': 'ENT-0001' }),
    );
    // The claim without the group (a staff member's stray attribute) makes no enterprise account.
    const staff = principalFromEvent(
      eventWith({ sub: 'h-1', 'cognito:groups': '[handler]', 'custom:enterprise': 'ENT-0001' }),
    );

    expect(account).toMatchObject({ roles: [], enterpriseId: 'ENT-0001' });
    expect(staff.enterpriseId).toBeUndefined();
  });
});
