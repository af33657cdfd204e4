import { describe, expect, it } from 'vitest';
import {
  mergeGroupMembers,
  planAddUser,
  planDirectoryEntry,
  UserCommandError,
} from '../../../infra/ops/user-commands.ts';

const POOL = 'ap-east-1_AbCdEf123';

describe('npm run users: what is asked of Cognito', () => {
  it('creates a head with a verified email, the department claim and one group call per role', () => {
    // Act
    const plan = planAddUser({
      userPoolId: POOL,
      username: 'wang.head',
      email: 'wang@xiashan.gov.cn',
      groups: ['head', 'handler'],
      department: 'dept-ecology',
      name: '王科长',
    });

    // Assess
    expect(plan.create).toEqual({
      UserPoolId: POOL,
      Username: 'wang.head',
      UserAttributes: [
        { Name: 'email', Value: 'wang@xiashan.gov.cn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: '王科长' },
        { Name: 'custom:department', Value: 'dept-ecology' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(plan.groups).toEqual([
      { UserPoolId: POOL, Username: 'wang.head', GroupName: 'head' },
      { UserPoolId: POOL, Username: 'wang.head', GroupName: 'handler' },
    ]);
  });

  it('refuses roles the platform does not know, a head without department and a bad email', () => {
    const base = { userPoolId: POOL, username: 'li', email: 'li@example.org' };

    expect(() => planAddUser({ ...base, groups: ['deputy', 'root'] })).toThrow(/not root/);
    expect(() => planAddUser({ ...base, groups: [] })).toThrow(UserCommandError);
    expect(() => planAddUser({ ...base, groups: ['handler'] })).toThrow(/--department/);
    expect(() => planAddUser({ ...base, email: 'nobody', groups: ['deputy'] })).toThrow(/invalid email/);
    expect(
      planAddUser({ ...base, groups: ['deputy'], temporaryPassword: 'Tmp-Pass-12345!' }).create,
    ).toMatchObject({
      TemporaryPassword: 'Tmp-Pass-12345!',
    });
  });

  it('creates an enterprise account with its enterprise claim, and only with one', () => {
    const base = { userPoolId: POOL, username: 'ent-1', email: 'energy@example.org' };

    const plan = planAddUser({ ...base, groups: ['enterprise'], enterprise: 'ENT-0001' });

    expect(plan.create.UserAttributes).toContainEqual({ Name: 'custom:enterprise', Value: 'ENT-0001' });
    expect(plan.groups.map((g) => g.GroupName)).toEqual(['enterprise']);
    expect(() => planAddUser({ ...base, groups: ['enterprise'] })).toThrow(/--enterprise/);
    expect(() => planAddUser({ ...base, groups: ['admin'], enterprise: 'ENT-0001' })).toThrow(/--enterprise/);
  });

  it('lists a user of several groups once, with all of them', () => {
    const user = (name: string, department?: string) => ({
      Username: name,
      UserStatus: 'CONFIRMED',
      Enabled: true,
      Attributes: [
        { Name: 'email', Value: `${name}@x.cn` },
        ...(department ? [{ Name: 'custom:department', Value: department }] : []),
      ],
    });

    const listed = mergeGroupMembers([
      { group: 'handler', users: [user('zhao', 'dept-water')] },
      { group: 'head', users: [user('zhao', 'dept-water'), user('qian', 'dept-air')] },
      { group: 'deputy', users: [] },
    ]);

    expect(listed).toEqual([
      {
        username: 'qian',
        status: 'CONFIRMED',
        enabled: true,
        email: 'qian@x.cn',
        department: 'dept-air',
        groups: ['head'],
      },
      {
        username: 'zhao',
        status: 'CONFIRMED',
        enabled: true,
        email: 'zhao@x.cn',
        department: 'dept-water',
        groups: ['handler', 'head'],
      },
    ]);
  });
});

describe('the staff directory entry of a new account', () => {
  it('carries the sub, roles, department and contacts notifications need; refuses a phone not in E.164', () => {
    const request = {
      username: 'head-water',
      email: 'head@water.example',
      groups: ['head'],
      department: 'dept-water',
      name: '水务局负责人',
    };
    expect(planDirectoryEntry({ ...request, phone: '+8613800000009' }, 'sub-1')).toEqual({
      id: 'sub-1',
      name: '水务局负责人',
      roles: ['head'],
      departmentId: 'dept-water',
      email: 'head@water.example',
      phone: '+8613800000009',
      status: 'active',
    });
    expect(() => planDirectoryEntry({ ...request, phone: '13800000009' }, 'sub-1')).toThrow(/E\.164/);
    expect(() => planDirectoryEntry(request, undefined)).toThrow(/no sub/);
  });
});
