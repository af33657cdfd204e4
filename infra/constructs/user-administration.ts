import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { ENV } from '../../shared/config/env.ts';
import { parameterNames } from '../names.ts';
import type { DeploymentSettings } from '../settings.ts';
import type { HouseFunction } from './house-function.ts';

/**
 * Users' roles (manifest `identity: 'manageUsers'`): with a Cognito pool, the function may read its
 * users and move them between groups and departments, on that one pool (its id from the parameter the
 * stateful stack writes). With an external OIDC issuer nothing is granted and the function says the
 * roles are kept there (QS_USER_DIRECTORY absent).
 */
export const grantUserAdministration = (fn: HouseFunction, settings: DeploymentSettings): void => {
  if (settings.identity.kind !== 'cognito') return;
  const stack = Stack.of(fn);
  const poolId = StringParameter.valueForStringParameter(stack, parameterNames(settings.stage).userPoolId);
  fn.fn.addEnvironment(ENV.userDirectory, 'cognito');
  fn.fn.addEnvironment(ENV.userPoolId, poolId);
  fn.role.addToPolicy(
    new PolicyStatement({
      actions: [
        'cognito-idp:ListUsers',
        'cognito-idp:ListUsersInGroup',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminDeleteUserAttributes',
      ],
      resources: [stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: poolId })],
    }),
  );
};
