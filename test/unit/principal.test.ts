import { describe, expect, it } from 'vitest';
import { parseGroupsClaim, principalFromEvent } from '../../functions/middleware/principal.ts';
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
});
